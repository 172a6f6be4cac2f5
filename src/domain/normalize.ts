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
