import { describe, expect, it } from "vitest";
import { cumulativeAsOf } from "./cumulative";
import type { YearFact } from "./types";

const plan2 = { firstFy: 2020, lastFy: 2024 };

// 非臨床POCの取得件数 (pharma): 45/36/47 in R2–R4, 214 printed for R6 (002).
const poc: YearFact[] = [
  { fiscalYear: 2020, value: 45 },
  { fiscalYear: 2021, value: 36, cumulativeReported: 81 },
  { fiscalYear: 2022, value: 47, cumulativeReported: 128 },
  { fiscalYear: 2024, cumulativeReported: 214 },
];

describe("count cumulative", () => {
  it("is the sum of the single-year values", () => {
    expect(cumulativeAsOf("count", poc, plan2, 2020)).toMatchObject({ value: 45, basis: "sum", missing: [] });
    expect(cumulativeAsOf("count", poc, plan2, 2021)).toMatchObject({ value: 81, basis: "sum" });
    expect(cumulativeAsOf("count", poc, plan2, 2022)).toMatchObject({ value: 128, basis: "sum", reportedMismatch: null });
  });

  it("uses a printed cumulative for years known only as a sum, and never splits them", () => {
    const c = cumulativeAsOf("count", poc, plan2, 2024);
    expect(c).toMatchObject({ value: 214, basis: "reported" });
    expect(c.missing).toEqual([{ fromFy: 2023, toFy: 2024, sum: 86 }]);
  });

  it("has no value for a year with no data, and says which years are missing", () => {
    const c = cumulativeAsOf("count", poc, plan2, 2023);
    expect(c).toMatchObject({ value: null, basis: "none" });
    expect(c.missing).toEqual([{ fromFy: 2023, toFy: 2023, sum: null }]);
    expect(cumulativeAsOf("count", [], plan2, 2022)).toMatchObject({ value: null, basis: "none" });
  });

  it("counts a recorded 0 as zero, and an absent year as unknown", () => {
    const facts = [
      { fiscalYear: 2020, value: 3 },
      { fiscalYear: 2021, value: 0 },
    ];
    expect(cumulativeAsOf("count", facts, plan2, 2021)).toMatchObject({ value: 3, basis: "sum" });
    expect(cumulativeAsOf("count", facts, plan2, 2022).value).toBeNull();
  });

  it("adds single years after a printed cumulative", () => {
    const facts = [
      { fiscalYear: 2022, cumulativeReported: 100 },
      { fiscalYear: 2023, value: 5 },
    ];
    expect(cumulativeAsOf("count", facts, plan2, 2023)).toMatchObject({ value: 105, basis: "reported" });
  });

  it("flags a printed cumulative that disagrees with the single-year values", () => {
    const facts = [
      { fiscalYear: 2020, value: 2 },
      { fiscalYear: 2021, value: 2, cumulativeReported: 5 },
    ];
    expect(cumulativeAsOf("count", facts, plan2, 2021)).toMatchObject({ value: 4, basis: "sum", reportedMismatch: 5 });
  });

  it("ignores years after the as-of year and before the plan", () => {
    expect(cumulativeAsOf("count", poc, plan2, 2019)).toMatchObject({ value: null, basis: "none" });
    expect(cumulativeAsOf("count", [...poc, { fiscalYear: 2019, value: 1000 }], plan2, 2022).value).toBe(128);
  });
});

describe("share cumulative", () => {
  // 新モダリティ・先進手法に関する採択課題の割合 (pharma): the report prints the latest share.
  const pharma: YearFact[] = [
    { fiscalYear: 2020, value: 80.8 },
    { fiscalYear: 2021, value: 81.1, cumulativeReported: 81.1 },
    { fiscalYear: 2022, value: 81.0, cumulativeReported: 81.0 },
    { fiscalYear: 2024, cumulativeReported: 83.0 },
  ];

  it("is the pooled ratio Σ numerators / Σ denominators when every year has both", () => {
    const facts: YearFact[] = [
      { fiscalYear: 2020, numerator: 23, denominator: 100 },
      { fiscalYear: 2021, numerator: 12, denominator: 25 },
      { fiscalYear: 2022, numerator: 41, denominator: 100, cumulativeReported: 99 },
    ];
    const c = cumulativeAsOf("share", facts, plan2, 2022);
    expect(c.basis).toBe("pooled");
    expect(c.value).toBeCloseTo((100 * 76) / 225, 10);
  });

  it("otherwise is the figure the report printed for that year", () => {
    // クラスⅢ・Ⅳ医療機器の開発を計画する採択課題の割合 (device): 23/48/41 per year, 31% printed.
    const device: YearFact[] = [
      { fiscalYear: 2020, value: 23 },
      { fiscalYear: 2021, value: 48, cumulativeReported: 28 },
      { fiscalYear: 2022, value: 41, cumulativeReported: 31 },
    ];
    expect(cumulativeAsOf("share", device, plan2, 2022)).toMatchObject({ value: 31, basis: "reported" });
    expect(cumulativeAsOf("share", pharma, plan2, 2024)).toMatchObject({ value: 83.0, basis: "reported" });
  });

  it("otherwise is the latest year's share", () => {
    expect(cumulativeAsOf("share", pharma, plan2, 2020)).toMatchObject({ value: 80.8, basis: "latest" });
    const partial = [
      { fiscalYear: 2020, numerator: 1, denominator: 4 },
      { fiscalYear: 2021, value: 30 },
    ];
    expect(cumulativeAsOf("share", partial, plan2, 2021)).toMatchObject({ value: 30, basis: "latest" });
    expect(cumulativeAsOf("share", partial, plan2, 2020)).toMatchObject({ value: 25, basis: "pooled" });
  });

  it("never carries an earlier year's share forward into a year with no data", () => {
    const facts = [
      { fiscalYear: 2021, value: 48 },
      { fiscalYear: 2022, value: 41 },
    ];
    const c = cumulativeAsOf("share", facts, plan2, 2023);
    expect(c).toMatchObject({ value: null, basis: "none" });
    expect(c.missing).toEqual([
      { fromFy: 2020, toFy: 2020, sum: null },
      { fromFy: 2023, toFy: 2023, sum: null },
    ]);
  });

  it("has no value without any share", () => {
    expect(cumulativeAsOf("share", [], plan2, 2022)).toMatchObject({ value: null, basis: "none" });
  });
});

describe("qualitative", () => {
  it("has no cumulative", () => {
    const facts = [{ fiscalYear: 2022, text: "データ基盤の構築が進んだ" }];
    expect(cumulativeAsOf("qualitative", facts, plan2, 2022)).toMatchObject({ value: null, basis: "none" });
  });
});
