/**
 * The one place that knows what "on track" means (DOMAIN.md, Ratings).
 * A count KPI with target T is on track (A) after e of the plan's n years when its
 * cumulative ≥ T × e / n; a share KPI when its cumulative share ≥ the target share.
 */
import type { KpiSpec, PlanSpan, Rating, RatingBasis } from "./types";

export function planLength(span: PlanSpan): number {
  return span.lastFy - span.firstFy + 1;
}

/** Years of the plan elapsed at the end of the as-of year, clamped to 0…n. */
export function elapsedYears(span: PlanSpan, asOfFy: number): number {
  return Math.max(0, Math.min(planLength(span), asOfFy - span.firstFy + 1));
}

/** The pro-rata expectation: T × e / n for counts, the target itself for shares. */
export function expectedValue(kpi: KpiSpec, span: PlanSpan, asOfFy: number): number | null {
  if (kpi.target === null || kpi.measure === "qualitative") return null;
  if (kpi.measure === "share") return kpi.target;
  return (kpi.target * elapsedYears(span, asOfFy)) / planLength(span);
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

export function autoRating(kpi: KpiSpec, cumulative: number | null, span: PlanSpan, asOfFy: number): Rating | null {
  if (!isRated(kpi) || !carriesRating(kpi) || cumulative === null) return null;
  const target = kpi.target!;
  if (kpi.measure === "share") return cumulative >= target ? "A" : "B";
  // cumulative ≥ T·e/n, compared as cumulative·n ≥ T·e so that equality is exact
  // (device 上市等: 6 = 10 × 3/5 is A).
  return cumulative * planLength(span) >= target * elapsedYears(span, asOfFy) ? "A" : "B";
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
