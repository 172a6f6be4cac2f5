/**
 * What a clerk may enter for a KPI and a year, read as it is typed (１２３, "1,860",
 * spaces) and checked against the KPI's kind. Errors are message keys (Entry namespace).
 */
import { readFigure, type FigureError } from "./normalize";
import type { Measure } from "./types";

export type EntryError = FigureError | "numeratorAboveDenominator" | "denominatorZero" | "needsBoth" | "tooLong";

export const MAX_TEXT = 4000;

export interface RawYearInput {
  value?: string;
  numerator?: string;
  denominator?: string;
  text?: string;
}

export interface YearValues {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  text: string | null;
}

export type FieldErrors = Partial<Record<keyof RawYearInput, EntryError>>;

function readCount(raw: string | undefined): { n: number | null; error?: EntryError } {
  const { value, error } = readFigure(raw ?? "", "count");
  return { n: value, error };
}

/** Reads one year's input for a KPI; either the values or the errors per field. */
export function readYearInput(measure: Measure, raw: RawYearInput): { values: YearValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: YearValues = { value: null, numerator: null, denominator: null, text: null };
  const text = (raw.text ?? "").trim();
  if (text.length > MAX_TEXT) errors.text = "tooLong";
  else values.text = text || null;

  if (measure === "count") {
    const c = readCount(raw.value);
    if (c.error) errors.value = c.error;
    values.value = c.n;
  } else if (measure === "share") {
    const num = readCount(raw.numerator);
    const den = readCount(raw.denominator);
    if (num.error) errors.numerator = num.error;
    if (den.error) errors.denominator = den.error;
    if (!num.error && !den.error && (num.n === null) !== (den.n === null)) {
      errors[num.n === null ? "numerator" : "denominator"] = "needsBoth";
    } else if (num.n !== null && den.n !== null) {
      if (den.n === 0) errors.denominator = "denominatorZero";
      else if (num.n > den.n) errors.numerator = "numeratorAboveDenominator";
      values.numerator = num.n;
      values.denominator = den.n;
    }
    const share = readFigure(raw.value ?? "", "share");
    if (share.error) errors.value = share.error;
    else values.value = share.value;
  }
  return { values, errors };
}
