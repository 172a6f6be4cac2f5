import type { Counting, KpiKind, Measure, Rating, RatingRule } from "@/domain/types";
import { type Viewer, canViewRound } from "@/features/auth/ability";
import { lookupRound, withDefaults, type PlanData, type RoundLookup, type RoundData } from "@/features/follow-up/model";
import { prisma } from "@/lib/db";
import type { Db } from "@/lib/prisma-client";

/** A whole plan as plain data, with the rounds the viewer may see. Null when there is no such plan. */
export function loadPlanData(code: string, viewer: Viewer): Promise<PlanData | null> {
  return readPlanData(prisma, code, viewer);
}

/** lookupRound() over what the viewer may see of a plan's round (see planForRound): for the exports and the slides. */
export async function lookupVisibleRound(code: string, fy: number, viewer: Viewer): Promise<RoundLookup> {
  const live = await loadPlanData(code, viewer);
  return lookupRound(live && (await planForRound(live, fy)).plan, fy);
}

/** What a round's pages show (see roundPlan). */
export function planForRound(live: PlanData, fy: number) {
  return roundPlan(prisma, live, fy);
}

/** A round as first presented (its first snapshot); null when it was never final. */
export function presentedSnapshot(code: string, fy: number) {
  return readRoundSnapshot(prisma, code, fy, "first");
}

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
    where: { planId: plan.id },
    include: {
      project: { select: { no: true } },
      parent: { select: { code: true } },
      values: { orderBy: { fiscalYear: "asc" } },
      yearTargets: { orderBy: { fiscalYear: "asc" } },
    },
  });
  // Plan-wide KPIs first, then by project; within each, the order of the KPI list.
  kpis.sort((a, b) => (a.project?.no ?? 0) - (b.project?.no ?? 0) || a.order - b.order);

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
    ratingRule: plan.ratingRule as RatingRule,
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
      projectNo: k.project?.no ?? null,
      kind: k.kind as KpiKind,
      management: k.management,
      measure: k.measure as Measure,
      counting: k.counting as Counting,
      unit: k.unit,
      groupJa: k.groupJa,
      groupEn: k.groupEn,
      nameJa: k.nameJa,
      nameEn: k.nameEn,
      target: k.target,
      targetQualifier: k.targetQualifier === "at_least" ? "at_least" : null,
      yearTargets: Object.fromEntries(k.yearTargets.map((t) => [t.fiscalYear, t.target])),
      definitionJa: k.definitionJa,
      definitionEn: k.definitionEn,
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

/**
 * Snapshots of what a round presented. One is taken each time a round is marked final: the
 * plan as the public saw it then, up to the round's year. They are never changed (a trigger
 * refuses updates), so "as presented" survives an unlock and a correction.
 */

export interface Snapshot {
  takenAt: string;
  /** the day it was taken, in Japan (YYYY-MM-DD) */
  takenOn: string;
  meetingNo: number | null;
  meetingDate: string | null;
  plan: PlanData;
}

/** A round's first snapshot (as presented at its meeting) or its latest one; null when it was never final. */
export async function readRoundSnapshot(db: Db, planCode: string, fy: number, which: "first" | "latest"): Promise<Snapshot | null> {
  const s = await db.roundSnapshot.findFirst({
    where: { round: { plan: { code: planCode }, fiscalYear: fy } },
    orderBy: { id: which === "first" ? "asc" : "desc" },
  });
  return (
    s && {
      takenAt: s.takenAt.toISOString(),
      takenOn: s.takenAt.toLocaleDateString("sv-SE", { timeZone: "Asia/Tokyo" }),
      meetingNo: s.meetingNo,
      meetingDate: s.meetingDate,
      plan: withDefaults(JSON.parse(s.data) as PlanData),
    }
  );
}

export interface RoundPlan {
  /** what the round's pages and exports show */
  plan: PlanData;
  /** set when the round was final once and is now unlocked for corrections: `plan` is then its latest snapshot */
  correcting: Snapshot | null;
}

/**
 * The plan for one round's pages and exports. A viewer who cannot see drafts gets, for a
 * round unlocked for corrections, the figures as last finalized rather than nothing. A
 * round the viewer can see costs no query.
 */
export async function roundPlan(db: Db, live: PlanData, fy: number): Promise<RoundPlan> {
  if (live.rounds.some((r) => r.fiscalYear === fy)) return { plan: live, correcting: null };
  const latest = await readRoundSnapshot(db, live.code, fy, "latest");
  return latest ? { plan: latest.plan, correcting: latest } : { plan: live, correcting: null };
}

/** Each KPI's current versions for a year (0: nothing stored): what an import preview of a file without versions is based on. */
export async function currentVersions(planCode: string, fy: number): Promise<Map<string, { valueVersion: number; entryVersion: number }>> {
  const kpis = await prisma.kpi.findMany({
    where: { plan: { code: planCode } },
    select: {
      code: true,
      values: { where: { fiscalYear: fy }, select: { version: true } },
      entries: { where: { round: { fiscalYear: fy } }, select: { version: true } },
    },
  });
  return new Map(kpis.map((k) => [k.code, { valueVersion: k.values[0]?.version ?? 0, entryVersion: k.entries[0]?.version ?? 0 }]));
}
