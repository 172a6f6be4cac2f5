/**
 * View models of the dashboards: plain data computed from a plan's follow-up, for the
 * pages (and the slides) to render. No React, no database.
 */
import { displayDecimals, type FigureFormat } from "@/domain/format";
import { elapsedYears, planLength } from "@/domain/rating";
import type { Rating } from "@/domain/types";
import { followUpAt, type FollowUpRow, type PlanData, type RoundData } from "@/features/follow-up/model";

export function figureFormat(row: Pick<FollowUpRow, "measure" | "unit" | "facts" | "target">): FigureFormat {
  return { measure: row.measure, unit: row.unit, decimals: displayDecimals(row.facts, row.target) };
}

export function elapsed(plan: PlanData, fy: number) {
  return { elapsed: elapsedYears(plan, fy), total: planLength(plan) };
}

export interface RatingCounts {
  A: number;
  B: number;
  none: number;
}

export function ratingCounts(rows: readonly FollowUpRow[]): RatingCounts {
  const counts: RatingCounts = { A: 0, B: 0, none: 0 };
  for (const r of rows) if (r.parentCode === null) counts[r.status.rating ?? "none"]++;
  return counts;
}

/** The rows of one project, outputs and outcomes apart, sub-targets right after their parent. */
export function projectRows(rows: readonly FollowUpRow[], projectNo: number) {
  const mine = rows.filter((r) => r.projectNo === projectNo);
  return {
    output: mine.filter((r) => r.kind === "output"),
    outcome: mine.filter((r) => r.kind === "outcome"),
  };
}

/** A KPI's figures as each visible follow-up round reported them (R3: 81 → R4: 128 → R6: 214). */
export function kpiHistory(plan: PlanData, code: string, uptoFy = plan.lastFy) {
  return plan.rounds
    .filter((r) => r.fiscalYear <= uptoFy)
    .map((round) => ({ round, row: followUpAt(plan, round.fiscalYear).rows.find((r) => r.code === code)! }));
}

export interface ComparisonRow {
  row: FollowUpRow;
  cells: { round: RoundData; rating: Rating | null; achievement: number | null; cumulative: number | null }[];
  /** at the plan's end, when the last year's round is among them */
  achieved: boolean | null;
  /** rated B in any round, or not achieved at the end */
  attention: boolean;
}

/** Projects × KPIs × rounds: how each rating and achievement moved, up to a fiscal year. */
export function comparison(plan: PlanData, uptoFy: number) {
  const rounds = plan.rounds.filter((r) => r.status === "final" && r.fiscalYear <= uptoFy);
  const followUps = rounds.map((round) => ({ round, rows: followUpAt(plan, round.fiscalYear).rows }));
  const endRound = followUps.find((f) => f.round.fiscalYear === plan.lastFy);
  const rows: ComparisonRow[] = plan.kpis.map((kpi, i) => {
    const cells = followUps.map(({ round, rows }) => ({
      round,
      rating: rows[i].status.rating,
      achievement: rows[i].status.achievement,
      cumulative: rows[i].status.cumulative.value,
    }));
    const achieved = endRound ? endRound.rows[i].status.achieved : null;
    const row = (followUps.at(-1)?.rows ?? followUpAt(plan, uptoFy).rows)[i];
    return { row, cells, achieved, attention: achieved === false || cells.some((c) => c.rating === "B") };
  });
  return { rounds, rows, atPlanEnd: endRound !== undefined };
}

/** The plan's fiscal years, each with its round if one is visible. */
export function yearsOfPlan(plan: PlanData) {
  const years: { fy: number; round: RoundData | null }[] = [];
  for (let fy = plan.firstFy; fy <= plan.lastFy; fy++) {
    years.push({ fy, round: plan.rounds.find((r) => r.fiscalYear === fy) ?? null });
  }
  return years;
}
