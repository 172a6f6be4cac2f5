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
}

/** The ministries that can be in charge of an integrated project (one of them the lead, ◎). */
export const MINISTRIES = ["MHLW", "MEXT", "METI", "MIC", "CAO"] as const;
export type Ministry = (typeof MINISTRIES)[number];

/** A project's budget kinds: AMED's (日本医療研究開発機構対象経費) and the in-house institutes' (インハウス研究機関経費). */
export const BUDGET_KINDS = ["amed", "inhouse"] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];
