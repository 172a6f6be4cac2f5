/**
 * Everything the follow-up shows of one KPI as of a fiscal year. The export, the
 * dashboards and the slides all read their figures from here.
 */
import { cumulativeAsOf, singleYear, type Cumulative } from "./cumulative";
import { achievedAtEnd, achievementRatio, autoRating, carriesRating, expectedValue, finalRating } from "./rating";
import type { KpiSpec, PlanSpan, Rating, RatingBasis, YearFact } from "./types";

export interface KpiStatus {
  cumulative: Cumulative;
  /** single-year values known up to the as-of year, keyed by fiscal year */
  values: Record<number, number>;
  expected: number | null;
  /** cumulative ÷ expected */
  achievement: number | null;
  /** cumulative ÷ target */
  achievementOfTarget: number | null;
  ratingAuto: Rating | null;
  /** the committee's rating for the round, when it decided one */
  ratingDecided: Rating | null;
  /** the rating shown: decided, else automatic */
  rating: Rating | null;
  ratingBasis: RatingBasis | null;
  overridden: boolean;
  achieved: boolean | null;
}

export function kpiStatus(kpi: KpiSpec & { facts: readonly YearFact[] }, span: PlanSpan, asOfFy: number, decided?: Rating | null): KpiStatus {
  const cumulative = cumulativeAsOf(kpi.measure, kpi.facts, span, asOfFy);
  const expected = expectedValue(kpi, span, asOfFy);
  const ratingAuto = autoRating(kpi, cumulative.value, span, asOfFy);
  const ratingDecided = carriesRating(kpi) ? (decided ?? null) : null;
  const values: Record<number, number> = {};
  for (const f of [...kpi.facts].sort((a, b) => a.fiscalYear - b.fiscalYear)) {
    const v = singleYear(kpi.measure, f);
    if (v !== null && f.fiscalYear >= span.firstFy && f.fiscalYear <= asOfFy) values[f.fiscalYear] = v;
  }
  return {
    cumulative,
    values,
    expected,
    achievement: achievementRatio(cumulative.value, expected),
    achievementOfTarget: achievementRatio(cumulative.value, kpi.target),
    ratingAuto,
    ratingDecided,
    ...finalRating(ratingAuto, ratingDecided),
    achieved: achievedAtEnd(kpi, cumulative.value, span, asOfFy),
  };
}
