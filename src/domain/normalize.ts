/** Turns full-width digits and signs (１２３，．－) into ASCII. */
export function normalizeDigits(input: string): string {
  return input
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[，]/g, ",")
    .replace(/[．]/g, ".")
    .replace(/[－−ー―]/g, "-")
    .replace(/[　]/g, " ");
}

/**
 * Reads a number as a Japanese clerk types it: full-width digits, thousands separators
 * and surrounding spaces are accepted ("１,８６０ " → 1860). Returns null for an empty
 * string and NaN for anything that is not a number.
 */
export function parseNumberInput(input: string): number | null {
  const s = normalizeDigits(input).trim();
  if (s === "") return null;
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(/,/g, ""));
}

/**
 * What a number typed by a person stands for, and so what it may be:
 * - count: a whole number, 0 or more (件数, a count KPI's target);
 * - share: a percentage from 0 to 100, decimals allowed;
 * - amount: 0 or more, decimals allowed (a budget in 億円).
 */
export type FigureKind = "count" | "share" | "amount";
export type FigureError = "notANumber" | "negative" | "notInteger" | "shareRange" | "tooLarge";

/** The largest figure anyone types here: far above any count or budget of the plans. */
export const FIGURE_MAX = 1_000_000_000;

/**
 * The one reading of a number typed by a person, for the grid, the import and the admin
 * forms alike: full-width digits, thousands separators and spaces are fine ("１,８６０ ");
 * hex, exponents, Infinity and values outside the kind's range are not. A JSON number is
 * checked the same way. Empty (or null) means "no value".
 */
export function readFigure(input: unknown, kind: FigureKind, max = FIGURE_MAX): { value: number | null; error?: FigureError } {
  if (input === null || input === undefined) return { value: null };
  let n: number | null;
  if (typeof input === "string") n = parseNumberInput(input);
  else if (typeof input === "number") n = Number.isFinite(input) ? input : Number.NaN;
  else n = Number.NaN;
  if (n === null) return { value: null };
  if (Number.isNaN(n)) return { value: null, error: "notANumber" };
  if (kind === "share") return n < 0 || n > 100 ? { value: null, error: "shareRange" } : { value: n };
  if (n < 0) return { value: null, error: "negative" };
  if (kind === "count" && !Number.isInteger(n)) return { value: null, error: "notInteger" };
  if (n > max) return { value: null, error: "tooLarge" };
  return { value: n };
}
