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

/** Reads one year's input for a KPI; either the values or the errors per field. */
export function readYearInput(measure: Measure, raw: RawYearInput): { values: YearValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: YearValues = { value: null, numerator: null, denominator: null, text: null };
  const text = (raw.text ?? "").trim();
  if (text.length > MAX_TEXT) errors.text = "tooLong";
  else values.text = text || null;

  if (measure === "count") {
    const c = readFigure(raw.value, "count");
    if (c.error) errors.value = c.error;
    values.value = c.value;
  } else if (measure === "share") {
    const num = readFigure(raw.numerator, "count");
    const den = readFigure(raw.denominator, "count");
    if (num.error) errors.numerator = num.error;
    if (den.error) errors.denominator = den.error;
    if (!num.error && !den.error && (num.value === null) !== (den.value === null)) {
      errors[num.value === null ? "numerator" : "denominator"] = "needsBoth";
    } else if (num.value !== null && den.value !== null) {
      if (den.value === 0) errors.denominator = "denominatorZero";
      else if (num.value > den.value) errors.numerator = "numeratorAboveDenominator";
      values.numerator = num.value;
      values.denominator = den.value;
    }
    const share = readFigure(raw.value, "share");
    if (share.error) errors.value = share.error;
    else values.value = share.value;
  }
  return { values, errors };
}
