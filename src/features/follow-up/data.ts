import "server-only";
import type { Measure, KpiKind, Rating } from "@/domain/types";
import { canViewRound, type Viewer } from "@/features/auth/ability";
import { prisma } from "@/lib/db";
import { buildFollowUp, type FollowUpRow, type KpiData } from "./report";

export type FollowUpResult =
  | { kind: "plan-not-found" }
  | { kind: "fy-outside-plan"; firstFy: number; lastFy: number }
  | { kind: "round-not-found" }
  | {
      kind: "ok";
      plan: { code: string; nameJa: string; nameEn: string; firstFy: number; lastFy: number };
      round: {
        fiscalYear: number;
        meetingNo: number | null;
        meetingDate: string | null;
        asOfDate: string | null;
        status: string;
      };
      rows: FollowUpRow[];
      footnotes: { kpi: string; marker: string; textJa: string; textEn: string | null }[];
    };

/** The follow-up round of a plan for a fiscal year, as the viewer may see it. */
export async function getFollowUp(planCode: string, fy: number, viewer: Viewer): Promise<FollowUpResult> {
  const plan = await prisma.plan.findUnique({ where: { code: planCode } });
  if (!plan) return { kind: "plan-not-found" };
  if (fy < plan.firstFy || fy > plan.lastFy) return { kind: "fy-outside-plan", firstFy: plan.firstFy, lastFy: plan.lastFy };
  const round = await prisma.followUpRound.findUnique({
    where: { planId_fiscalYear: { planId: plan.id, fiscalYear: fy } },
    include: { entries: true, footnotes: { include: { kpi: { select: { code: true } } }, orderBy: { id: "asc" } } },
  });
  // A draft the viewer may not see is reported exactly like a missing round.
  if (!round || !canViewRound(viewer, round)) return { kind: "round-not-found" };

  const kpis = await prisma.kpi.findMany({
    where: { project: { planId: plan.id } },
    orderBy: [{ project: { no: "asc" } }, { order: "asc" }],
    include: { project: { select: { no: true } }, parent: { select: { code: true } }, values: true },
  });
  const entries = new Map(round.entries.map((e) => [e.kpiId, e]));
  const markers = new Map<number, string[]>();
  for (const f of round.footnotes) markers.set(f.kpiId, [...(markers.get(f.kpiId) ?? []), f.marker]);

  const data: KpiData[] = kpis.map((k) => {
    const e = entries.get(k.id);
    return {
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
      facts: k.values,
      entry: e
        ? { ratingFinal: e.ratingFinal as Rating | null, detailJa: e.detailJa, detailEn: e.detailEn, noteJa: e.noteJa, noteEn: e.noteEn }
        : null,
      markers: markers.get(k.id) ?? [],
    };
  });

  return {
    kind: "ok",
    plan: { code: plan.code, nameJa: plan.nameJa, nameEn: plan.nameEn, firstFy: plan.firstFy, lastFy: plan.lastFy },
    round: {
      fiscalYear: round.fiscalYear,
      meetingNo: round.meetingNo,
      meetingDate: round.meetingDate,
      asOfDate: round.asOfDate,
      status: round.status,
    },
    rows: buildFollowUp(plan, fy, data),
    footnotes: round.footnotes.map((f) => ({ kpi: f.kpi.code, marker: f.marker, textJa: f.textJa, textEn: f.textEn })),
  };
}
