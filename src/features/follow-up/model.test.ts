import { describe, expect, it } from "vitest";
import { checkGrid, editorStart, templateRows, yearState, type GridContext, type KpiDef, type PlanData, type RoundData } from "./model";

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

describe("plan-wide KPIs in a grid rated against annual targets", () => {
  // A plan-wide count of 650 over FY2025–2029: 130 a year unless a year's target is set.
  const planWide = (yearTargets: Record<number, number> = {}): GridContext => ({
    span: { firstFy: 2025, lastFy: 2029, ratingRule: "annual_targets" },
    fy: 2026,
    kpis: [{ id: 7, code: "plan-out-1", measure: "count", management: false, target: 650, yearTargets, values: [{ fiscalYear: 2025, value: 120 }] }],
    projects: [1, 2, 3, 4, 5, 6, 7, 8],
  });
  const check = (value: string, context = planWide()) =>
    checkGrid(
      {
        rows: [row("plan-out-1", { value, rating: "A" })],
        evaluations: [],
        notes: { version: 0, footnotes: [], highlights: [{ project: null, textJa: "全体の成果" }] },
      },
      context,
    );

  it("reads a plan-wide row as typed (full-width digits, a thousands separator), with the KPI's id", () => {
    const { errors, rows } = check("１,８６０");
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.kpiId, r.values?.value])).toEqual([[7, 1860]]);
  });

  it("asks a reason for A only when the cumulative misses the sum of the annual targets to date", () => {
    // 120 + 140 = 260 = 130 + 130: automatically A, so A needs no reason
    expect(check("140").errors).toEqual([]);
    // 120 + 130 = 250 < 260: automatically B
    expect(check("130").errors).toEqual([{ kpi: "plan-out-1", field: "overrideReason", error: "overrideNeedsReason" }]);
    // FY2026's own target of 150: 120 + 140 = 260 < 280
    expect(check("140", planWide({ 2026: 150 })).errors).toEqual([{ kpi: "plan-out-1", field: "overrideReason", error: "overrideNeedsReason" }]);
  });
});

describe("the template's rows", () => {
  const kpi = (code: string, projectNo: number | null, counting: KpiDef["counting"], yearTargets: Record<number, number> = {}): KpiDef => ({
    code,
    parentCode: null,
    projectNo,
    kind: "output",
    management: false,
    measure: "count",
    counting,
    yearTargets,
    definitionJa: null,
    definitionEn: null,
    unit: "件",
    groupJa: null,
    groupEn: null,
    nameJa: code,
    nameEn: code,
    target: 600,
    targetQualifier: null,
    facts: [{ fiscalYear: 2025, value: 118, version: 1 }],
  });
  const plan = (ratingRule: PlanData["ratingRule"]): PlanData => ({
    code: "p",
    nameJa: "計画",
    nameEn: "Plan",
    firstFy: 2025,
    lastFy: 2029,
    ratingRule,
    projects: [],
    kpis: [kpi("papers", null, "calendar_year", { 2026: 100 }), kpi("pharma-out-1", 1, "fiscal_year")],
    rounds: [],
  });

  it("list the plan-wide KPIs as 全体, with their counting basis and the year's target under annual_targets", () => {
    const rows = templateRows(plan("annual_targets"), 2025);
    expect(rows.map((r) => [r.kpi, r.project, r.counting, r.year_target, r.value, r.value_version])).toEqual([
      ["papers", "全体", "calendar_year", 120, "118", 1],
      ["pharma-out-1", 1, "fiscal_year", 120, "118", 1],
    ]);
    expect(templateRows(plan("annual_targets"), 2026).map((r) => [r.year_target, r.value, r.value_version])).toEqual([
      [100, "", 0],
      [120, "", 0],
    ]);
  });

  it("leave the year's target empty for a plan rated pro rata", () => {
    expect(templateRows(plan("pro_rata"), 2025).map((r) => r.year_target)).toEqual(["", ""]);
  });
});

describe("where a year stands for data entry", () => {
  const rounds = [
    { fiscalYear: 2021, status: "final" },
    { fiscalYear: 2022, status: "final" },
    { fiscalYear: 2024, status: "final" },
    { fiscalYear: 2026, status: "draft" },
  ];
  it("is its own round's status, else summed in the first later final round, else not started", () => {
    expect([2020, 2021, 2023, 2024, 2025, 2026, 2027].map((fy) => yearState(rounds, fy))).toEqual([
      { kind: "covered", by: 2021 },
      { kind: "final" },
      { kind: "covered", by: 2024 },
      { kind: "final" },
      { kind: "none" },
      { kind: "draft" },
      { kind: "none" },
    ]);
  });
});
