import { describe, expect, it } from "vitest";
import { checkGrid, editorStart, type GridContext, type KpiDef, type RoundData } from "./model";

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
    { id: 3, code: "count-sub", measure: "count", management: false, target: 4, parentCode: "count", values: [] },
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

describe("what an editor starts from", () => {
  const kpi = (parentCode: string | null): KpiDef => ({
    code: parentCode ? "sub" : "parent",
    parentCode,
    projectNo: 1,
    kind: "output",
    management: false,
    measure: "count",
    counting: "fiscal_year",
    yearTargets: {},
    definitionJa: null,
    definitionEn: null,
    unit: "件",
    groupJa: null,
    groupEn: null,
    nameJa: "x",
    nameEn: "x",
    target: 5,
    targetQualifier: null,
    facts: [{ fiscalYear: 2022, value: 3, version: 2 }],
  });
  const entry = { ratingFinal: "A" as const, overrideReason: null, detailJa: "進んだ", detailEn: null, noteJa: null, noteEn: null, version: 4 };
  const round = { entries: { parent: entry, sub: entry } } as unknown as RoundData;

  it("is the stored value and the round's texts, with their versions", () => {
    expect(editorStart(kpi(null), round, 2022)).toMatchObject({
      input: { value: "3", version: 2 },
      entry: { rating: "A", detailJa: "進んだ", version: 4 },
    });
  });

  it("offers a sub-target no rating, even one stored before the rule, so that saving the row clears it", () => {
    expect(editorStart(kpi("parent"), round, 2022).entry).toMatchObject({ rating: "", detailJa: "進んだ", version: 4 });
  });
});
