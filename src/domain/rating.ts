/**
 * The one place that knows what "on track" means (DOMAIN.md, Ratings). The rule is the
 * plan's, declared in its data (PlanRule.ratingRule):
 * - pro_rata (2nd plan): a count KPI with target T is on track (A) after e of the plan's n
 *   years when its cumulative ≥ T × e / n;
 * - annual_targets (3rd plan): when its cumulative ≥ the sum of its annual targets to date,
 *   each year's target being T ÷ n unless an admin set it otherwise.
 * A share KPI is on track under both when its cumulative share ≥ the target share.
 */
import { fiscalYears } from "./fiscal-year";
import type { KpiSpec, PlanRule, PlanSpan, Rating, RatingBasis, RatingRule } from "./types";

export function planLength(span: PlanSpan): number {
  return span.lastFy - span.firstFy + 1;
}

/** Years of the plan elapsed at the end of the as-of year, clamped to 0…n. */
export function elapsedYears(span: PlanSpan, asOfFy: number): number {
  return Math.max(0, Math.min(planLength(span), asOfFy - span.firstFy + 1));
}

export function ruleOf(plan: PlanRule): RatingRule {
  return plan.ratingRule ?? "pro_rata";
}

/** A year's target: as set for that year, else the total ÷ the plan's years (a share's target is the share itself). */
export function annualTarget(kpi: KpiSpec, span: PlanSpan, fy: number): number | null {
  if (kpi.target === null || kpi.measure === "qualitative") return null;
  const set = kpi.yearTargets?.[fy];
  if (set !== undefined) return set;
  return kpi.measure === "share" ? kpi.target : kpi.target / planLength(span);
}

/** Every year's target over the plan, for a plan rated against annual targets; null otherwise. */
export function annualTargets(kpi: KpiSpec, plan: PlanRule): { fiscalYear: number; target: number; set: boolean }[] | null {
  if (ruleOf(plan) !== "annual_targets" || annualTarget(kpi, plan, plan.firstFy) === null) return null;
  return fiscalYears(plan.firstFy, plan.lastFy).map((fy) => ({
    fiscalYear: fy,
    target: annualTarget(kpi, plan, fy)!,
    set: kpi.yearTargets?.[fy] !== undefined,
  }));
}

/** The years of the plan up to the as-of year. */
function yearsTo(span: PlanSpan, asOfFy: number): number[] {
  return fiscalYears(span.firstFy, Math.min(asOfFy, span.lastFy));
}

/** Whether any year up to the as-of year has a target of its own (so the pro-rata arithmetic no longer applies). */
function hasSetYears(kpi: KpiSpec, span: PlanSpan, asOfFy: number): boolean {
  return yearsTo(span, asOfFy).some((fy) => kpi.yearTargets?.[fy] !== undefined);
}

/**
 * What the cumulative is compared with: for counts, T × e / n (pro_rata) or the sum of the
 * annual targets to date (annual_targets); for shares, the target share (of the as-of year).
 */
export function expectedValue(kpi: KpiSpec, plan: PlanRule, asOfFy: number): number | null {
  if (kpi.target === null || kpi.measure === "qualitative") return null;
  if (ruleOf(plan) === "annual_targets") {
    if (kpi.measure === "share") return annualTarget(kpi, plan, Math.min(Math.max(asOfFy, plan.firstFy), plan.lastFy));
    return yearsTo(plan, asOfFy).reduce((sum, fy) => sum + annualTarget(kpi, plan, fy)!, 0);
  }
  if (kpi.measure === "share") return kpi.target;
  return (kpi.target * elapsedYears(plan, asOfFy)) / planLength(plan);
}

/** Management indicators and qualitative KPIs get no automatic rating. */
export function isRated(kpi: KpiSpec): boolean {
  return !kpi.management && kpi.measure !== "qualitative" && kpi.target !== null;
}

/**
 * Whether a KPI's row carries a rating at all: the official tables rate only a parent row,
 * never its sub-targets (うち遺伝子治療 …), neither automatically nor by decision.
 */
export function carriesRating(kpi: Pick<KpiSpec, "parentCode">): boolean {
  return !kpi.parentCode;
}

export function autoRating(kpi: KpiSpec, cumulative: number | null, plan: PlanRule, asOfFy: number): Rating | null {
  if (!isRated(kpi) || !carriesRating(kpi) || cumulative === null) return null;
  const target = kpi.target!;
  const byAnnualTargets = ruleOf(plan) === "annual_targets";
  if (kpi.measure === "share" && !byAnnualTargets) return cumulative >= target ? "A" : "B";
  if (kpi.measure === "count" && !(byAnnualTargets && hasSetYears(kpi, plan, asOfFy))) {
    // cumulative ≥ T·e/n, compared as cumulative·n ≥ T·e so that equality is exact
    // (device 上市等: 6 = 10 × 3/5 is A). With the default annual targets (T ÷ n each),
    // their sum to date is this same T·e/n.
    return cumulative * planLength(plan) >= target * elapsedYears(plan, asOfFy) ? "A" : "B";
  }
  // Annual targets set by hand: their sum (or the year's share) reached, within rounding noise.
  const expected = expectedValue(kpi, plan, asOfFy)!;
  return cumulative >= expected - 1e-9 * Math.max(1, Math.abs(expected)) ? "A" : "B";
}

/** cumulative ÷ reference (the expected value or the target); null when either is unknown. */
export function achievementRatio(cumulative: number | null, reference: number | null): number | null {
  if (cumulative === null || reference === null || reference === 0) return null;
  return cumulative / reference;
}

/** At the plan's end: achieved when the cumulative reaches the target. Before it: null. */
export function achievedAtEnd(kpi: KpiSpec, cumulative: number | null, span: PlanSpan, asOfFy: number): boolean | null {
  if (asOfFy < span.lastFy || !isRated(kpi) || cumulative === null) return null;
  return cumulative >= kpi.target!;
}

export interface FinalRating {
  /** the rating shown: the decided one, else the automatic one */
  rating: Rating | null;
  /** where the shown rating comes from; null when there is none */
  ratingBasis: RatingBasis | null;
  /** true when a decided rating differs from the automatic one */
  overridden: boolean;
}

/** The decided rating wins over the automatic one; an override must carry a reason. */
export function finalRating(auto: Rating | null, decided: Rating | null | undefined): FinalRating {
  const rating = decided ?? auto;
  return {
    rating,
    ratingBasis: decided != null ? "decided" : auto !== null ? "automatic" : null,
    overridden: decided != null && auto !== null && decided !== auto,
  };
}

/** Whether a decided rating needs a written reason before it can be saved. */
export function overrideNeedsReason(auto: Rating | null, decided: Rating | null | undefined): boolean {
  return finalRating(auto, decided).overridden;
}
