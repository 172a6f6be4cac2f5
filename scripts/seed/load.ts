/**
 * Loads a seed file into the database. Idempotent and non-destructive: a row that
 * already exists (by its natural key) is left as it is, so seeding again never
 * overwrites what the secretariat has entered since.
 */
import type { PrismaClient, PrismaTx as Tx } from "@/lib/prisma-client";
import { seedFileSchema, type SeedFile, type SeedKpi } from "./schema";

export interface SeedResult {
  plan: string;
  projects: number;
  kpis: number;
  values: number;
  rounds: number;
}

export function parseSeedFile(json: unknown): SeedFile {
  return seedFileSchema.parse(json);
}

export async function seedPlan(prisma: PrismaClient, file: SeedFile): Promise<SeedResult> {
  return prisma.$transaction(async (tx) => load(tx, file), { timeout: 60_000 });
}

async function load(tx: Tx, file: SeedFile): Promise<SeedResult> {
  const { plan: p } = file;
  if (p.lastFy < p.firstFy) throw new Error(`Plan ${p.code}: lastFy before firstFy`);
  // The rule and source a file declares are the plan's until its first final round.
  const declared = { ratingRule: p.ratingRule ?? "pro_rata", source: p.source };
  const plan = await tx.plan.upsert({ where: { code: p.code }, update: {}, create: { ...p, ...declared } });
  if (!(await tx.followUpRound.count({ where: { planId: plan.id, status: "final" } }))) await tx.plan.update({ where: { id: plan.id }, data: declared });

  const kpiIds = new Map<string, number>();
  const projectIds = new Map<number, number>();
  let kpiCount = 0;
  // A plan's structure (its projects and KPIs) is the admins' to shape once it has one: it is
  // seeded as a whole or not at all, so that seeding again cannot bring back a project or a KPI
  // an admin removed, nor put one in the place of one an admin moved. The figures and rounds
  // below then refer to what is there.
  const shaped = (await tx.project.count({ where: { planId: plan.id } })) + (await tx.kpi.count({ where: { planId: plan.id } })) > 0;
  if (shaped) {
    for (const pr of await tx.project.findMany({ where: { planId: plan.id } })) projectIds.set(pr.no, pr.id);
    for (const k of await tx.kpi.findMany({ where: { planId: plan.id } })) kpiIds.set(k.code, k.id);
  }
  for (const pr of shaped ? [] : file.projects) {
    const project = await tx.project.upsert({
      where: { planId_no: { planId: plan.id, no: pr.no } },
      update: {},
      create: { planId: plan.id, no: pr.no, code: pr.code, nameJa: pr.nameJa, nameEn: pr.nameEn, source: pr.source },
    });
    projectIds.set(pr.no, project.id);
    // A project's ministries and budgets are the admins' to edit once it has some: they are
    // seeded as a whole or not at all, so that seeding again cannot bring back a ministry or
    // a budget an admin removed (nor add a second lead ◎).
    if ((await tx.projectMinistry.count({ where: { projectId: project.id } })) === 0) {
      await tx.projectMinistry.createMany({ data: pr.ministries.map((m, order) => ({ projectId: project.id, ministry: m.code, lead: m.lead, order })) });
    }
    if ((await tx.projectBudget.count({ where: { projectId: project.id } })) === 0) {
      await tx.projectBudget.createMany({
        data: pr.budgets.map((b) => ({ projectId: project.id, fiscalYear: b.fy, kind: b.kind, okuYen: b.okuYen, source: b.source })),
      });
    }
    kpiCount += await seedKpis(tx, plan.id, project.id, pr.kpis, kpiIds);
  }
  if (!shaped) kpiCount += await seedKpis(tx, plan.id, null, file.kpis ?? [], kpiIds);

  const kpiId = (code: string) => {
    const id = kpiIds.get(code);
    if (id === undefined) throw new Error(`Seed refers to an unknown KPI: ${code}`);
    return id;
  };
  const projectId = (no: number) => {
    const id = projectIds.get(no);
    if (id === undefined) throw new Error(`Seed refers to an unknown project: ${no}`);
    return id;
  };

  // A fiscal year's facts may come from several lines of the file (per-year values from
  // one report, a printed cumulative from another): merge them before writing.
  const facts = new Map<string, Omit<SeedFile["values"][number], "source"> & { sources: string[] }>();
  for (const v of file.values) {
    if (v.fy < p.firstFy || v.fy > p.lastFy) throw new Error(`${v.kpi}: FY${v.fy} is outside the plan`);
    const key = `${v.kpi}|${v.fy}`;
    const { source, ...rest } = v;
    const prev = facts.get(key);
    facts.set(key, { ...prev, ...rest, sources: [...(prev?.sources ?? []), ...(source ? [source] : [])] });
  }
  for (const { kpi, fy, sources, ...rest } of facts.values()) {
    const id = kpiId(kpi);
    await tx.yearlyValue.upsert({
      where: { kpiId_fiscalYear: { kpiId: id, fiscalYear: fy } },
      update: {},
      create: { kpiId: id, fiscalYear: fy, ...rest, source: sources.join("; ") || null },
    });
  }

  for (const r of file.rounds) {
    const { entries, footnotes, highlights, evaluations, fy, ...fields } = r;
    const round = await tx.followUpRound.upsert({
      where: { planId_fiscalYear: { planId: plan.id, fiscalYear: fy } },
      update: {},
      create: {
        planId: plan.id,
        fiscalYear: fy,
        meetingNo: fields.meetingNo,
        meetingDate: fields.meetingDate,
        asOfDate: fields.asOfDate,
        status: fields.status,
        titleJa: fields.titleJa,
        titleEn: fields.titleEn,
        assessmentJa: fields.assessmentJa,
        assessmentEn: fields.assessmentEn,
        source: [fields.source, fields.assessmentSource].filter(Boolean).join("; ") || null,
        sourceNote: fields.sourceNote,
      },
    });
    for (const { kpi, rating, ...e } of entries) {
      const id = kpiId(kpi);
      await tx.roundEntry.upsert({
        where: { roundId_kpiId: { roundId: round.id, kpiId: id } },
        update: {},
        create: { roundId: round.id, kpiId: id, ratingFinal: rating ?? null, ...e },
      });
    }
    for (const { kpi, marker, ...f } of footnotes) {
      const id = kpiId(kpi);
      await tx.footnote.upsert({
        where: { roundId_kpiId_marker: { roundId: round.id, kpiId: id, marker } },
        update: {},
        create: { roundId: round.id, kpiId: id, marker, ...f },
      });
    }
    for (const [order, h] of highlights.entries()) {
      await tx.highlight.upsert({
        where: { roundId_order: { roundId: round.id, order } },
        update: {},
        create: {
          roundId: round.id,
          order,
          projectId: h.project === null ? null : projectId(h.project),
          textJa: h.textJa,
          textEn: h.textEn,
          source: h.source,
        },
      });
    }
    for (const ev of evaluations ?? []) {
      const pid = projectId(ev.project);
      await tx.projectEvaluation.upsert({
        where: { roundId_projectId: { roundId: round.id, projectId: pid } },
        update: {},
        create: { roundId: round.id, projectId: pid, textJa: ev.textJa, textEn: ev.textEn, source: ev.source },
      });
    }
  }

  return { plan: p.code, projects: file.projects.length, kpis: kpiCount, values: facts.size, rounds: file.rounds.length };
}

/** A list of KPIs (a project's, or the plan-wide ones when projectId is null), each followed by its sub-targets. */
async function seedKpis(tx: Tx, planId: number, projectId: number | null, kpis: SeedKpi[], kpiIds: Map<string, number>): Promise<number> {
  let order = 0;
  for (const k of kpis) {
    const { subs, subItemsJa, subItemsEn, ...fields } = k;
    const parent = await tx.kpi.upsert({
      where: { planId_code: { planId, code: k.code } },
      update: {},
      create: { ...fields, planId, projectId, subItemsJa: subItemsJa?.join("\n"), subItemsEn: subItemsEn?.join("\n"), order: order++ },
    });
    kpiIds.set(k.code, parent.id);
    for (const s of subs) {
      const sub = await tx.kpi.upsert({
        where: { planId_code: { planId, code: s.code } },
        update: {},
        create: {
          planId,
          projectId,
          parentId: parent.id,
          code: s.code,
          kind: k.kind,
          management: k.management,
          measure: k.measure,
          counting: k.counting,
          unit: k.unit,
          nameJa: s.nameJa,
          nameEn: s.nameEn,
          target: s.target,
          order: order++,
        },
      });
      kpiIds.set(s.code, sub.id);
    }
  }
  return kpis.reduce((n, k) => n + 1 + k.subs.length, 0);
}
