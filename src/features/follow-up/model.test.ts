import { describe, expect, it } from "vitest";
import { checkGrid, type GridContext } from "./model";

const context: GridContext = {
  span: { firstFy: 2020, lastFy: 2024 },
  fy: 2022,
  kpis: [
    {
      id: 1,
      code: "count",
      measure: "count",
      management: false,
      target: 10,
      values: [
        { fiscalYear: 2020, value: 1 },
        { fiscalYear: 2021, value: 1 },
      ],
    },
    { id: 2, code: "share", measure: "share", management: false, target: 50, values: [] },
    { id: 3, code: "count-sub", measure: "count", management: false, target: 4, parentId: 1, values: [] },
  ],
  projects: [1, 2],
};
const row = (kpi: string, fields: Record<string, string>) => ({ kpi, valueVersion: 0, entryVersion: 0, ...fields });

describe("checking a grid before it is saved", () => {
  it("reads valid rows as typed, with the KPI's id", () => {
    const { errors, rows } = checkGrid(
      { rows: [row("count", { value: "１２" }), row("share", { numerator: "1", denominator: "4" })], evaluations: [] },
      context,
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.kpiId, r.values])).toEqual([
      [1, { value: 12, numerator: null, denominator: null, text: null }],
      [2, { value: null, numerator: 1, denominator: 4, text: null }],
    ]);
  });

  it("lists every error: unknown KPIs and projects, bad numbers, a rating against the automatic one without a reason, notes", () => {
    const { errors } = checkGrid(
      {
        rows: [
          row("nope", { value: "1" }),
          row("share", { value: "101" }),
          row("count", { value: "1", rating: "A" }),
          row("count-sub", { value: "1", rating: "A", overrideReason: "x" }),
        ],
        evaluations: [{ project: 9, textJa: "x", version: 0 }],
        notes: { version: 0, footnotes: [{ kpi: "count", marker: " ", textJa: "" }], highlights: [{ project: 7, textJa: "x" }] },
      },
      context,
    );
    expect(errors).toEqual([
      { kpi: "nope", field: "kpi", error: "unknownKpi" },
      { kpi: "share", field: "value", error: "shareRange" },
      { kpi: "count", field: "overrideReason", error: "overrideNeedsReason" },
      // the official tables rate only the parent row
      { kpi: "count-sub", field: "rating", error: "subTargetNotRated" },
      { project: 9, field: "project", error: "unknownProject" },
      { kpi: "count", field: "footnotes.0", error: "markerMissing" },
      { kpi: "count", field: "footnotes.0", error: "textMissing" },
      { project: 7, field: "highlights.0", error: "unknownProject" },
    ]);
  });
});
