import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import ja from "../../../messages/ja.json";
import { kpiDef } from "../../../tests/support/kpi-def";
import { followUpAt, type KpiDef, type PlanData } from "@/features/follow-up/model";
import { breakdownText, exactDecimals, hasPlanWide, projectRows, ruleExplanation, type Translate } from "./model";

const kpi = kpiDef;

function plan(ratingRule: PlanData["ratingRule"], firstFy: number, kpis: KpiDef[]): PlanData {
  return { code: "p", nameJa: "計画", nameEn: "Plan", firstFy, lastFy: firstFy + 4, ratingRule, projects: [], kpis, rounds: [] };
}

const explain = (p: PlanData, code: string, fy: number) =>
  ruleExplanation(
    followUpAt(p, fy).rows.find((r) => r.code === code)!,
    p,
    fy,
  );

describe("the rule explanation of a KPI page", () => {
  it("pro_rata: the cumulative against target × elapsed ÷ years, with the rating the domain gave", () => {
    const p = plan("pro_rata", 2020, [
      kpi("poc", {
        projectNo: 1,
        target: 25,
        facts: [
          { fiscalYear: 2020, value: 10 },
          { fiscalYear: 2021, value: 4 },
          { fiscalYear: 2022, value: 2 },
        ],
      }),
      kpi("device", {
        projectNo: 2,
        target: 10,
        facts: [
          { fiscalYear: 2020, value: 2 },
          { fiscalYear: 2021, value: 2 },
          { fiscalYear: 2022, value: 2 },
        ],
      }),
      kpi("late", { projectNo: 2, target: 10, facts: [{ fiscalYear: 2020, value: 6 }] }),
    ]);
    expect(explain(p, "poc", 2022)).toEqual({ kind: "pro_rata", cumulative: 16, target: 25, elapsed: 3, total: 5, expected: 15, rating: "A" });
    expect(explain(p, "poc", 2021)).toMatchObject({ cumulative: 14, elapsed: 2, expected: 10, rating: "A" });
    // equality is A (device 上市等: 6 = 10 × 3 ÷ 5)
    expect(explain(p, "device", 2022)).toEqual({ kind: "pro_rata", cumulative: 6, target: 10, elapsed: 3, total: 5, expected: 6, rating: "A" });
    // years with no figure leave no cumulative, hence no rating, but the comparison is still there
    expect(explain(p, "late", 2022)).toMatchObject({ cumulative: null, expected: 6, rating: null });
  });

  it("annual_targets: the cumulative against the sum of the annual targets to date, each year listed", () => {
    const p = plan("annual_targets", 2025, [
      kpi("out-1", {
        target: 650,
        facts: [
          { fiscalYear: 2025, value: 140 },
          { fiscalYear: 2026, value: 110 },
        ],
      }),
      kpi("out-2", { target: 300, yearTargets: { 2026: 80 }, facts: [{ fiscalYear: 2025, value: 60 }] }),
    ]);
    expect(explain(p, "out-1", 2025)).toEqual({
      kind: "annual_targets",
      cumulative: 140,
      years: [{ fiscalYear: 2025, target: 130, set: false }],
      expected: 130,
      total: 5,
      rating: "A",
    });
    expect(explain(p, "out-1", 2026)).toEqual({
      kind: "annual_targets",
      cumulative: 250,
      years: [
        { fiscalYear: 2025, target: 130, set: false },
        { fiscalYear: 2026, target: 130, set: false },
      ],
      expected: 260,
      total: 5,
      rating: "B",
    });
    // a year an admin set apart counts with its own target; FY2026 has no figure yet
    expect(explain(p, "out-2", 2026)).toEqual({
      kind: "annual_targets",
      cumulative: null,
      years: [
        { fiscalYear: 2025, target: 60, set: false },
        { fiscalYear: 2026, target: 80, set: true },
      ],
      expected: 140,
      total: 5,
      rating: null,
    });
  });

  it("a KPI with no figures yet has its comparison but no rating", () => {
    const p = plan("annual_targets", 2025, [kpi("out-1", { target: 650 })]);
    expect(explain(p, "out-1", 2025)).toEqual({
      kind: "annual_targets",
      cumulative: null,
      years: [{ fiscalYear: 2025, target: 130, set: false }],
      expected: 130,
      total: 5,
      rating: null,
    });
  });

  it("a share: the cumulative share against the target share, under either rule", () => {
    const facts = [{ fiscalYear: 2025, value: 70 }];
    const share = { measure: "share" as const, unit: "%", target: 75, facts };
    expect(explain(plan("pro_rata", 2025, [kpi("s", share)]), "s", 2025)).toEqual({
      kind: "share",
      rule: "pro_rata",
      cumulative: 70,
      target: 75,
      fiscalYear: 2025,
      rating: "B",
    });
    expect(explain(plan("annual_targets", 2025, [kpi("s", { ...share, yearTargets: { 2025: 60 } })]), "s", 2025)).toEqual({
      kind: "share",
      rule: "annual_targets",
      cumulative: 70,
      target: 60,
      fiscalYear: 2025,
      rating: "A",
    });
  });

  it("says why a KPI has no automatic rating", () => {
    const p = plan("annual_targets", 2025, [
      kpi("outcome", { kind: "outcome", facts: [{ fiscalYear: 2025, value: 3 }] }),
      kpi("m", { management: true, target: 10 }),
      kpi("q", { measure: "qualitative", unit: null }),
      kpi("parent", { target: 10 }),
      kpi("sub", { parentCode: "parent", target: 5 }),
    ]);
    expect(explain(p, "outcome", 2025)).toEqual({ kind: "unrated", reason: "noTarget" });
    expect(explain(p, "m", 2025)).toEqual({ kind: "unrated", reason: "management" });
    expect(explain(p, "q", 2025)).toEqual({ kind: "unrated", reason: "qualitative" });
    expect(explain(p, "sub", 2025)).toEqual({ kind: "unrated", reason: "subTarget" });
  });
});

describe("plan-wide KPIs", () => {
  it("are told apart from the projects'", () => {
    const p = plan("annual_targets", 2025, [kpi("all", { target: 650 }), kpi("mine", { projectNo: 1, kind: "outcome" })]);
    expect(hasPlanWide(p)).toBe(true);
    expect(hasPlanWide({ kpis: p.kpis.filter((k) => k.projectNo !== null) })).toBe(false);
    const rows = followUpAt(p, 2025).rows;
    expect(projectRows(rows, null).output.map((r) => r.code)).toEqual(["all"]);
    expect(projectRows(rows, 1).outcome.map((r) => r.code)).toEqual(["mine"]);
  });
});

describe("exactDecimals", () => {
  it("prints a computed figure with the decimals it has, within bounds", () => {
    expect(exactDecimals(15)).toBe(0);
    expect(exactDecimals(4.2)).toBe(1);
    expect(exactDecimals(10 * (2 / 5))).toBe(0); // 4, whatever the floating point says
    expect(exactDecimals(7 / 3)).toBe(2);
    expect(exactDecimals(130, 1)).toBe(1);
  });
});

describe("the single years under a latest value", () => {
  const text = (p: PlanData, fy: number, locale: "ja" | "en") =>
    breakdownText(followUpAt(p, fy).rows[0], p, fy, locale, createTranslator({ locale, messages: locale === "ja" ? ja : en }) as unknown as Translate);

  it("are not shown when they would only repeat that there is no data", () => {
    const empty = plan("annual_targets", 2025, [kpi("all", { target: 650 })]);
    expect(text(empty, 2025, "en")).toBeNull();
    expect(text(empty, 2026, "ja")).toBeNull();
  });

  it("are shown when they say something the latest value does not: the years known, and the years without data", () => {
    const some = plan("pro_rata", 2020, [
      kpi("seeds", {
        target: 25,
        facts: [
          { fiscalYear: 2020, value: 45 },
          { fiscalYear: 2021, value: 36 },
          { fiscalYear: 2022, value: 47 },
        ],
      }),
    ]);
    expect(text(some, 2022, "en")).toBe(" (45/36/47)");
    expect(text(some, 2023, "en")).toMatch(/^ \(45\/36\/47\/no data for FY2023\)$/);
  });
});
