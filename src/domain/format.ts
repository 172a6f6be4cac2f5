/**
 * How figures are written, in Japanese and English: 1,860件 / 1,860; 81.0%; ２件以上 / at least 2.
 * Pages, charts and slides all format through here.
 */
import type { Locale } from "./fiscal-year";
import type { Measure, YearFact } from "./types";

/** Circled project numbers as the documents print them: 1 → ①. */
export function circledNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 20) return String(n);
  return String.fromCharCode(0x2460 + n - 1);
}

/** Where a KPI belongs, shortly: its project's number (①), or 全体 / Plan-wide for a plan-wide KPI. */
export function projectMark(no: number | null, locale: Locale): string {
  return no === null ? (locale === "ja" ? "全体" : "Plan-wide") : circledNumber(no);
}

/**
 * A text in brackets after another, as each language writes it: 主担当 → （主担当）, lead → " (lead)"
 * (half-width, with a space before, in English).
 */
export function parenthesized(text: string, locale: Locale): string {
  return locale === "ja" ? `（${text}）` : ` (${text})`;
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number, locale: Locale, decimals = 0): string {
  const key = `${locale}|${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  return f.format(n);
}

function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * The decimals a KPI's figures are printed with: as many as its most precise stored
 * figure (pharma's shares 80.8/81.1/81.0 → 1, so 81 is printed 81.0), at most 1.
 */
export function displayDecimals(facts: readonly YearFact[]): number {
  const all = facts.flatMap((f) => [f.value, f.cumulativeReported]).filter((v): v is number => typeof v === "number");
  return Math.min(1, Math.max(0, ...all.map(decimalsOf)));
}

export interface FigureFormat {
  measure: Measure;
  unit: string | null;
  decimals: number;
}

/** A figure with its unit: 1,860件 (ja) / 1,860 (en); 81.0% in both. */
export function formatFigure(n: number, f: FigureFormat, locale: Locale): string {
  const num = formatNumber(n, locale, f.decimals);
  if (f.measure === "share") return `${num}%`;
  return locale === "ja" && f.unit ? `${num}${f.unit}` : num;
}

/** A target as the report writes it, with its own decimals: 25件, ２件以上, 75% / 25, at least 2, 75%. */
export function formatTarget(target: number, qualifier: "at_least" | null, f: FigureFormat, locale: Locale): string {
  const figure = formatFigure(target, { ...f, decimals: Math.min(1, decimalsOf(target)) }, locale);
  if (qualifier !== "at_least") return figure;
  return locale === "ja" ? `${figure}以上` : `at least ${figure}`;
}

/** A ratio as a percentage: 1.0667 → 107%. */
export function formatRatio(ratio: number, locale: Locale): string {
  return `${formatNumber(ratio * 100, locale, 0)}%`;
}

/** A calendar date (YYYY-MM-DD, no time zone): 2022年5月17日 / 17 May 2022. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}
