/**
 * Reads a figure as the reports print it, independently of the seed's structured
 * values, so that tests can hold the computed export against the printed text.
 */
import { normalizeDigits } from "@/domain/normalize";

const NUM = /([\d,]+(?:\.\d+)?)\s*(?:件|%|％)/g;
const num = (s: string) => Number(s.replace(/,/g, ""));

export interface PrintedR4 {
  cumulative: number | null;
  perYear: number[];
  subs: { cumulative: number; perYear: number[] }[];
  rating: "A" | "B" | null;
  markers: string;
}

/** The R4 report's cell, e.g. 79件（14/11/54）［40件（13/10/17）］A, 81.0%（80.8/81.1/81.0）A, - A. */
export function parseR4(printed: string): PrintedR4 {
  const m = /^(-|[\d,]+(?:\.\d+)?)(?:件|%)?([＊※]*)(?:（([^）]*)）)?((?:［[^］]*］)*)\s*([AB])?$/.exec(printed.trim());
  if (!m) throw new Error(`Unreadable R4 figure: ${printed}`);
  const years = (s: string | undefined) => (s ? s.split("/").map(num) : []);
  return {
    cumulative: m[1] === "-" ? null : num(m[1]),
    markers: m[2],
    perYear: years(m[3]),
    subs: [...m[4].matchAll(/［([\d,]+)件（([^）]*)）］/g)].map((s) => ({ cumulative: num(s[1]), perYear: years(s[2]) })),
    rating: (m[5] as "A" | "B" | undefined) ?? null,
  };
}

export interface PrintedSummary {
  cumulative: number | null;
  /** R3 only: the previous year's value, in () */
  prev: number | null;
  subs: { cumulative: number; prev: number | null }[];
}

/** A row of the R3 or R6 summary, e.g. 非臨床POCの取得件数25件81件（45）, 123件[67件], …状況－. */
export function parseSummary(printed: string): PrintedSummary {
  const [head, ...brackets] = normalizeDigits(printed).split(/[［[]/);
  const prevs = [...head.matchAll(/（([\d,]+(?:\.\d+)?)）/g)];
  const figures = [...head.replace(/（[^）]*）/g, "").matchAll(NUM)];
  const dash = /[-－]\s*$/.test(head.replace(/[※＊*]/g, ""));
  return {
    cumulative: dash || figures.length === 0 ? null : num(figures[figures.length - 1][1]),
    prev: prevs.length ? num(prevs[prevs.length - 1][1]) : null,
    subs: brackets.map((b) => {
      const m = /([\d,]+)件(?:（([\d,]+)）)?/.exec(b);
      if (!m) throw new Error(`Unreadable sub-value: ${printed}`);
      return { cumulative: num(m[1]), prev: m[2] === undefined ? null : num(m[2]) };
    }),
  };
}
