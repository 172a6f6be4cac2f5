/**
 * The cumulative ("最新の数値") of a KPI as of a fiscal year, and how it was obtained.
 * Cumulative values are always computed from the yearly facts, never stored.
 */
import { fiscalYears } from "./fiscal-year";
import type { CumulativeBasis, Measure, PlanSpan, YearFact } from "./types";

/** A run of years with no single-year value. */
export interface MissingSpan {
  fromFy: number;
  toFy: number;
  /**
   * The years' total when a report printed a cumulative at the run's end, so that only
   * their sum is known (e.g. FY2023–2024 = R6 cumulative − R4 cumulative); else null.
   */
  sum: number | null;
}

export interface Cumulative {
  value: number | null;
  basis: CumulativeBasis;
  missing: MissingSpan[];
  /** a cumulative printed for the as-of year that disagrees with the computed one */
  reportedMismatch: number | null;
}

const NONE: Cumulative = { value: null, basis: "none", missing: [], reportedMismatch: null };

function isKnown(n: number | null | undefined): n is number {
  return typeof n === "number" && Number.isFinite(n);
}

function factsByYear(facts: readonly YearFact[]): Map<number, YearFact> {
  return new Map(facts.map((f) => [f.fiscalYear, f]));
}

/** The single-year share in %: as entered, or from its numerator and denominator. */
export function yearShare(f: YearFact | undefined): number | null {
  if (!f) return null;
  if (isKnown(f.value)) return f.value;
  if (isKnown(f.numerator) && isKnown(f.denominator) && f.denominator > 0) {
    return (100 * f.numerator) / f.denominator;
  }
  return null;
}

/** The single-year value of a count or share KPI; null when unknown. */
export function singleYear(measure: Measure, f: YearFact | undefined): number | null {
  if (measure === "share") return yearShare(f);
  return f && isKnown(f.value) ? f.value : null;
}

function missingRuns(years: number[], has: (fy: number) => boolean): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const fy of years) {
    if (has(fy)) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === fy - 1) last[1] = fy;
    else runs.push([fy, fy]);
  }
  return runs;
}

export function cumulativeAsOf(measure: Measure, facts: readonly YearFact[], span: PlanSpan, asOfFy: number): Cumulative {
  if (measure === "qualitative" || asOfFy < span.firstFy) return NONE;
  const to = Math.min(asOfFy, span.lastFy);
  const byYear = factsByYear(facts);
  return measure === "share" ? shareCumulative(byYear, span, to) : countCumulative(byYear, span, to);
}

function countCumulative(byYear: Map<number, YearFact>, span: PlanSpan, asOfFy: number): Cumulative {
  const years = fiscalYears(span.firstFy, asOfFy);
  const value = (fy: number) => singleYear("count", byYear.get(fy));
  const reported = (fy: number) => byYear.get(fy)?.cumulativeReported ?? null;
  const missing = missingRuns(years, (fy) => value(fy) !== null).map(([fromFy, toFy]): MissingSpan => {
    const end = reported(toFy);
    const before = fromFy === span.firstFy ? 0 : countCumulative(byYear, span, fromFy - 1).value;
    return { fromFy, toFy, sum: end !== null && before !== null ? end - before : null };
  });

  if (missing.length === 0) {
    const sum = years.reduce((acc, fy) => acc + value(fy)!, 0);
    const printed = reported(asOfFy);
    return { value: sum, basis: "sum", missing, reportedMismatch: printed !== null && printed !== sum ? printed : null };
  }
  // Start from the latest printed cumulative and add the single years after it.
  const anchor = [...years].reverse().find((fy) => reported(fy) !== null);
  if (anchor === undefined) return { ...NONE, missing };
  const after = fiscalYears(anchor + 1, asOfFy);
  if (after.some((fy) => value(fy) === null)) return { ...NONE, missing };
  const total = after.reduce((acc, fy) => acc + value(fy)!, reported(anchor)!);
  return { value: total, basis: "reported", missing, reportedMismatch: null };
}

function shareCumulative(byYear: Map<number, YearFact>, span: PlanSpan, asOfFy: number): Cumulative {
  const years = fiscalYears(span.firstFy, asOfFy);
  const missing = missingRuns(years, (fy) => yearShare(byYear.get(fy)) !== null).map(([fromFy, toFy]): MissingSpan => ({ fromFy, toFy, sum: null }));
  // 1. Pooled: Σ numerators / Σ denominators, when every year has both.
  const pooled = years.every((fy) => {
    const f = byYear.get(fy);
    return f && isKnown(f.numerator) && isKnown(f.denominator) && f.denominator > 0;
  });
  if (pooled) {
    const num = years.reduce((a, fy) => a + byYear.get(fy)!.numerator!, 0);
    const den = years.reduce((a, fy) => a + byYear.get(fy)!.denominator!, 0);
    return { value: (100 * num) / den, basis: "pooled", missing, reportedMismatch: null };
  }
  // 2. The figure a report printed for the as-of year.
  const printed = byYear.get(asOfFy)?.cumulativeReported;
  if (isKnown(printed)) return { value: printed, basis: "reported", missing, reportedMismatch: null };
  // 3. The as-of year's own share (pharma prints this). An earlier year's share is
  //    never carried forward: a year with no data has no cumulative share.
  const latest = yearShare(byYear.get(asOfFy));
  if (latest === null) return { ...NONE, missing };
  return { value: latest, basis: "latest", missing, reportedMismatch: null };
}
