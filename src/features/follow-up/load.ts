import type { KpiKind, Measure, Rating } from "@/domain/types";
import { canViewRound, type Viewer } from "@/features/auth/ability";
import type { Db } from "@/lib/prisma-client";
import type { PlanData, RoundData } from "./model";

/**
 * A whole plan as plain data, with the rounds the viewer may see. Null when there is no such plan.
 * Takes the client so that it also runs inside a transaction and in the seed script.
 */
export async function readPlanData(db: Db, code: string, viewer: Viewer): Promise<PlanData | null> {
  const plan = await db.plan.findUnique({
    where: { code },
    include: {
      projects: {
        orderBy: { no: "asc" },
        include: {
          ministries: { orderBy: [{ lead: "desc" }, { order: "asc" }] },
          budgets: { orderBy: [{ fiscalYear: "asc" }, { kind: "asc" }] },
        },
      },
      rounds: {
        orderBy: { fiscalYear: "asc" },
        include: {
          entries: { include: { kpi: { select: { code: true } } } },
          footnotes: { orderBy: { id: "asc" }, include: { kpi: { select: { code: true } } } },
          evaluations: { include: { project: { select: { no: true } } } },
          highlights: { orderBy: { order: "asc" }, include: { project: { select: { no: true } } } },
        },
      },
    },
  });
  if (!plan) return null;
  const kpis = await db.kpi.findMany({
    where: { project: { planId: plan.id } },
    orderBy: [{ project: { no: "asc" } }, { order: "asc" }],
    include: {
      project: { select: { no: true } },
      parent: { select: { code: true } },
      values: { orderBy: { fiscalYear: "asc" } },
    },
  });

  // What has not been presented stays with the secretariat: anonymous visitors see the
  // facts of the years that a final round covers, and nothing entered after them.
  const seesDrafts = canViewRound(viewer, { status: "draft" });
  const lastPublicFy = Math.max(plan.firstFy - 1, ...plan.rounds.filter((r) => r.status === "final").map((r) => r.fiscalYear));
  const visible = (fy: number) => seesDrafts || fy <= lastPublicFy;

  return {
    code: plan.code,
    nameJa: plan.nameJa,
    nameEn: plan.nameEn,
    firstFy: plan.firstFy,
    lastFy: plan.lastFy,
    projects: plan.projects.map((p) => ({
      no: p.no,
      code: p.code,
      nameJa: p.nameJa,
      nameEn: p.nameEn,
      ministries: p.ministries.map((m) => ({ ministry: m.ministry, lead: m.lead })),
      budgets: p.budgets.map((b) => ({ fiscalYear: b.fiscalYear, kind: b.kind, okuYen: b.okuYen })),
    })),
    kpis: kpis.map((k) => ({
      code: k.code,
      parentCode: k.parent?.code ?? null,
      projectNo: k.project.no,
      kind: k.kind as KpiKind,
      management: k.management,
      measure: k.measure as Measure,
      unit: k.unit,
      groupJa: k.groupJa,
      groupEn: k.groupEn,
      nameJa: k.nameJa,
      nameEn: k.nameEn,
      target: k.target,
      targetQualifier: k.targetQualifier === "at_least" ? "at_least" : null,
      facts: k.values
        .filter((v) => visible(v.fiscalYear))
        .map((v) => ({
          fiscalYear: v.fiscalYear,
          value: v.value,
          numerator: v.numerator,
          denominator: v.denominator,
          text: v.text,
          cumulativeReported: v.cumulativeReported,
          version: v.version,
        })),
    })),
    rounds: plan.rounds
      .filter((r) => canViewRound(viewer, r))
      .map((r): RoundData => ({
        fiscalYear: r.fiscalYear,
        meetingNo: r.meetingNo,
        meetingDate: r.meetingDate,
        asOfDate: r.asOfDate,
        status: r.status === "final" ? "final" : "draft",
        titleJa: r.titleJa,
        titleEn: r.titleEn,
        assessmentJa: r.assessmentJa,
        assessmentEn: r.assessmentEn,
        entries: Object.fromEntries(
          r.entries.map((e) => [
            e.kpi.code,
            {
              ratingFinal: e.ratingFinal as Rating | null,
              overrideReason: e.overrideReason,
              detailJa: e.detailJa,
              detailEn: e.detailEn,
              noteJa: e.noteJa,
              noteEn: e.noteEn,
              version: e.version,
            },
          ]),
        ),
        footnotes: r.footnotes.map((f) => ({ kpi: f.kpi.code, marker: f.marker, textJa: f.textJa, textEn: f.textEn })),
        evaluations: Object.fromEntries(r.evaluations.map((e) => [e.project.no, { textJa: e.textJa, textEn: e.textEn, version: e.version }])),
        highlights: r.highlights.map((h) => ({ projectNo: h.project?.no ?? null, textJa: h.textJa, textEn: h.textEn })),
        version: r.version,
      })),
  };
}
