/**
 * Japanese fiscal years (April to March) and their labels in both languages.
 * FY2022 = 令和4年度 = April 2022 to March 2023.
 */
import { normalizeDigits } from "./normalize";

export type Locale = "ja" | "en";

interface Era {
  ja: string;
  short: string;
  /** the first fiscal year that is year 1 (元年度) of the era */
  first: number;
}

// Reiwa began on 2019-05-01, inside FY2019. The government calls FY2019 both
// 平成31年度 (its budget was passed under Heisei) and 令和元年度; we print the new name.
const ERAS: Era[] = [
  { ja: "令和", short: "R", first: 2019 },
  { ja: "平成", short: "H", first: 1989 },
];

function eraOf(fy: number): Era {
  assertFiscalYear(fy);
  const era = ERAS.find((e) => fy >= e.first);
  if (!era) throw new RangeError(`Fiscal year ${fy} is before the Heisei era`);
  return era;
}

export function assertFiscalYear(fy: number): void {
  if (!Number.isInteger(fy)) throw new RangeError(`Not a fiscal year: ${fy}`);
}

/** 令和4年度 / FY2022. */
export function fyLabel(fy: number, locale: Locale): string {
  if (locale === "en") {
    assertFiscalYear(fy);
    return `FY${fy}`;
  }
  const era = eraOf(fy);
  const n = fy - era.first + 1;
  return `${era.ja}${n === 1 ? "元" : n}年度`;
}

/**
 * The year a KPI's figure counts: its fiscal year (令和7年度 / FY2025), or for a KPI counted
 * by calendar year (Top1% papers), the calendar year the round reports (2025年 / CY2025).
 */
export function countedYearLabel(fy: number, counting: "fiscal_year" | "calendar_year", locale: Locale): string {
  if (counting === "fiscal_year") return fyLabel(fy, locale);
  assertFiscalYear(fy);
  return locale === "ja" ? `${fy}年` : `CY${fy}`;
}

/** R4 / FY2022: the short form used in the report tables. */
export function fyShortLabel(fy: number, locale: Locale): string {
  if (locale === "en") return fyLabel(fy, "en");
  const era = eraOf(fy);
  return `${era.short}${fy - era.first + 1}`;
}

/** Every Japanese name of a fiscal year: FY2019 is both 平成31年度 and 令和元年度. */
export function fyLabelsJa(fy: number): string[] {
  const era = eraOf(fy);
  const previous = ERAS[ERAS.indexOf(era) + 1];
  const labels = [fyLabel(fy, "ja")];
  if (previous && fy === era.first) labels.unshift(`${previous.ja}${fy - previous.first + 1}年度`);
  return labels;
}

/**
 * A fiscal year as addresses and queries carry it: four digits ("2022", or "２０２２" as a
 * clerk may paste it). Null for anything else, such as "R4" or "22".
 */
export function fourDigitYear(input: string): number | null {
  const m = /^(\d{4})$/.exec(normalizeDigits(input).trim());
  return m ? Number(m[1]) : null;
}

/**
 * Reads a fiscal year as people write it: 2022, ２０２２, FY2022, R4, 令和４年度, 令和元年度,
 * 平成31年度. Returns null when the text is not a fiscal year.
 */
export function parseFiscalYear(input: string): number | null {
  const s = normalizeDigits(input).replace(/\s+/g, "").toUpperCase();
  let m = /^(?:FY)?(\d{4})(?:年度)?$/.exec(s);
  if (m) return Number(m[1]);
  m = /^(令和|平成|R|H)(元|\d{1,2})(?:年度)?$/.exec(s);
  if (!m) return null;
  const era = ERAS.find((e) => e.ja === m![1] || e.short === m![1])!;
  const n = m[2] === "元" ? 1 : Number(m[2]);
  if (n < 1) return null;
  const fy = era.first + n - 1;
  // 平成31年度 is FY2019; 平成32年度 never existed.
  const next = ERAS[ERAS.indexOf(era) - 1];
  if (next && fy > next.first) return null;
  return fy;
}

/** Whether a fiscal year is one of a plan's. */
export function inSpan(span: { firstFy: number; lastFy: number }, fy: number): boolean {
  return fy >= span.firstFy && fy <= span.lastFy;
}

/** A plan's fiscal years, first to last, or up to an as-of year. */
export function spanYears(span: { firstFy: number; lastFy: number }, upTo = span.lastFy): number[] {
  return fiscalYears(span.firstFy, Math.min(upTo, span.lastFy));
}

/** The fiscal years of a span, first to last inclusive. */
export function fiscalYears(firstFy: number, lastFy: number): number[] {
  const out: number[] = [];
  for (let fy = firstFy; fy <= lastFy; fy++) out.push(fy);
  return out;
}

/**
 * A calendar date as typed ("2025-05-14", "２０２５－０５－１４", "2025/5/14"), as YYYY-MM-DD;
 * null when it is not a real date (2025-13-45, 2025-02-29).
 */
export function parseCalendarDate(input: string): string | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(normalizeDigits(input).trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * When the meeting that presents a fiscal year's follow-up can be: from the start of that
 * year (1 April) to the end of the next one (31 March two years on). FY2024's round was
 * presented on 2025-05-14, FY2021's on 2022-05-17.
 */
export function meetingDateRange(fy: number): { first: string; last: string } {
  assertFiscalYear(fy);
  return { first: `${fy}-04-01`, last: `${fy + 2}-03-31` };
}
