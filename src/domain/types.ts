/** The plain data the domain core works on. No React, Next or Prisma here. */

export type Measure = "count" | "share" | "qualitative";
export type KpiKind = "output" | "outcome";
export type Rating = "A" | "B";
/**
 * Where a shown rating comes from: decided by the committee (printed in the report, or
 * entered with the round) or automatic (computed by the rule in rating.ts).
 */
export type RatingBasis = "decided" | "automatic";
export type CumulativeBasis = "sum" | "reported" | "pooled" | "latest" | "none";

export interface PlanSpan {
  firstFy: number;
  lastFy: number;
}

/**
 * How a plan's automatic rating is computed, declared per plan in data (Plan.ratingRule):
 * - pro_rata (2nd plan): a count is on track when its cumulative ≥ target × elapsed ÷ years;
 * - annual_targets (3rd plan): when its cumulative ≥ the sum of its annual targets to date.
 * A share is on track under both when its cumulative share reaches the target share.
 */
export const RATING_RULES = ["pro_rata", "annual_targets"] as const;
export type RatingRule = (typeof RATING_RULES)[number];

/** A plan's span with the rule its KPIs are rated by (pro_rata when absent, as in older snapshots). */
export interface PlanRule extends PlanSpan {
  ratingRule?: RatingRule;
}

/** What a KPI's yearly figures count: fiscal years (年度, April–March) or calendar years (年). */
export const COUNTINGS = ["fiscal_year", "calendar_year"] as const;
export type Counting = (typeof COUNTINGS)[number];

/** What is known of a KPI for one fiscal year. Absent fields are unknown, never 0. */
export interface YearFact {
  fiscalYear: number;
  /** the single-year value: a count, or a share in % */
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  text?: string | null;
  /** the cumulative a report printed for this year */
  cumulativeReported?: number | null;
}

export interface KpiSpec {
  measure: Measure;
  management: boolean;
  target: number | null;
  /** set for a sub-target (うち…), which the official tables never rate */
  parentCode?: string | null;
  /** the years whose target differs from the default (the total ÷ the plan's years), by year */
  yearTargets?: Readonly<Record<number, number>>;
}

/** The ministries that can be in charge of an integrated project (one of them the lead, ◎). */
export const MINISTRIES = ["MHLW", "MEXT", "METI", "MIC", "CAO"] as const;
export type Ministry = (typeof MINISTRIES)[number];

/** A project's budget kinds: AMED's (日本医療研究開発機構対象経費) and the in-house institutes' (インハウス研究機関経費). */
export const BUDGET_KINDS = ["amed", "inhouse"] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];
