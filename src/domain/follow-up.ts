/**
 * Everything the follow-up shows of one KPI as of a fiscal year. The export, the
 * dashboards and the slides all read their figures from here.
 */
import { cumulativeAsOf, singleYear, type Cumulative } from "./cumulative";
import { achievedAtEnd, achievementRatio, annualTargets, autoRating, carriesRating, expectedValue, finalRating, ruleOf } from "./rating";
import type { KpiSpec, PlanRule, Rating, RatingBasis, RatingRule, YearFact } from "./types";

/** One year of a KPI rated against annual targets: that year's target and, once it is past, its actual. */
export interface AnnualTargetYear {
  fiscalYear: number;
  target: number;
  /** true when an admin set this year's target apart from the default (the total ÷ the plan's years) */
  set: boolean;
  /** the single-year value; null for a year after the as-of year or not known */
  actual: number | null;
  /** whether the actual reached the year's target; null when there is no actual */
  met: boolean | null;
}

export interface KpiStatus {
  cumulative: Cumulative;
  /** single-year values known up to the as-of year, keyed by fiscal year */
  values: Record<number, number>;
  /** what the cumulative is compared with: T × e ÷ n (pro_rata), or the sum of the annual targets to date */
  expected: number | null;
  /** the plan's rating rule, which decides the automatic rating */
  rule: RatingRule;
  /** under annual_targets: every year of the plan with its target and actual; null otherwise */
  annual: AnnualTargetYear[] | null;
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

export function kpiStatus(kpi: KpiSpec & { facts: readonly YearFact[] }, span: PlanRule, asOfFy: number, decided?: Rating | null): KpiStatus {
  const cumulative = cumulativeAsOf(kpi.measure, kpi.facts, span, asOfFy);
  const expected = expectedValue(kpi, span, asOfFy);
  const ratingAuto = autoRating(kpi, cumulative.value, span, asOfFy);
  const ratingDecided = carriesRating(kpi) ? (decided ?? null) : null;
  const values: Record<number, number> = {};
  for (const f of [...kpi.facts].sort((a, b) => a.fiscalYear - b.fiscalYear)) {
    const v = singleYear(kpi.measure, f);
    if (v !== null && f.fiscalYear >= span.firstFy && f.fiscalYear <= asOfFy) values[f.fiscalYear] = v;
  }
  const annual =
    annualTargets(kpi, span)?.map((y) => {
      const actual = y.fiscalYear <= asOfFy ? (values[y.fiscalYear] ?? null) : null;
      return { ...y, actual, met: actual === null ? null : actual >= y.target };
    }) ?? null;
  return {
    cumulative,
    values,
    expected,
    rule: ruleOf(span),
    annual,
    achievement: achievementRatio(cumulative.value, expected),
    achievementOfTarget: achievementRatio(cumulative.value, kpi.target),
    ratingAuto,
    ratingDecided,
    ...finalRating(ratingAuto, ratingDecided),
    achieved: achievedAtEnd(kpi, cumulative.value, span, asOfFy),
  };
}
