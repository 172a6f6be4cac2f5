import { describe, expect, it } from "vitest";
import { kpiStatus } from "./follow-up";
import { achievedAtEnd, annualTargets, autoRating, elapsedYears, expectedValue, finalRating, overrideNeedsReason } from "./rating";
import type { KpiSpec } from "./types";

const plan2 = { firstFy: 2020, lastFy: 2024 };
const count = (target: number | null, management = false): KpiSpec => ({ measure: "count", management, target });

describe("pro-rata expectation", () => {
  it("is T × e / n", () => {
    expect(expectedValue(count(25), plan2, 2022)).toBe(15);
    expect(expectedValue(count(35), plan2, 2022)).toBe(21); // "21件（年平均7件）" in 001
    expect(expectedValue(count(25), plan2, 2024)).toBe(25);
    expect(expectedValue(count(25), plan2, 2019)).toBe(0);
    expect(expectedValue(count(25), plan2, 2030)).toBe(25);
    expect(expectedValue({ measure: "share", management: false, target: 75 }, plan2, 2022)).toBe(75);
    expect(expectedValue(count(null), plan2, 2022)).toBeNull();
  });

  it("counts elapsed years of a plan of another length", () => {
    const plan3 = { firstFy: 2025, lastFy: 2029 };
    const sixYears = { firstFy: 2025, lastFy: 2030 };
    expect(elapsedYears(plan3, 2026)).toBe(2);
    expect(expectedValue(count(30), sixYears, 2027)).toBe(15);
    expect(autoRating(count(30), 14, sixYears, 2027)).toBe("B");
    expect(autoRating(count(30), 15, sixYears, 2027)).toBe("A");
  });
});

describe("automatic rating", () => {
  it("is A at exact equality (device 上市等: 6 = 10 × 3/5)", () => {
    expect(autoRating(count(10), 6, plan2, 2022)).toBe("A");
    expect(autoRating(count(10), 5, plan2, 2022)).toBe("B");
  });

  it("is exact where floating point is not (2 × 3/5 = 1.2)", () => {
    expect(autoRating(count(2), 1, plan2, 2022)).toBe("B");
    expect(autoRating(count(2), 2, plan2, 2022)).toBe("A");
    expect(autoRating(count(7), 4.2, { firstFy: 2020, lastFy: 2029 }, 2025)).toBe("A"); // 7 × 6/10 = 4.2
  });

  it("rates B below the path (ヘルスケア実証完了 18 < 21)", () => {
    expect(autoRating(count(35), 18, plan2, 2022)).toBe("B");
  });

  it("compares a share with its target share", () => {
    const share: KpiSpec = { measure: "share", management: false, target: 25 };
    expect(autoRating(share, 31, plan2, 2022)).toBe("A");
    expect(autoRating(share, 25, plan2, 2022)).toBe("A");
    expect(autoRating(share, 24.9, plan2, 2022)).toBe("B");
  });

  it("gives no rating to management indicators, qualitative KPIs and KPIs without data", () => {
    expect(autoRating(count(null, true), 59, plan2, 2022)).toBeNull();
    expect(autoRating(count(10, true), 59, plan2, 2022)).toBeNull();
    expect(autoRating({ measure: "qualitative", management: true, target: null }, null, plan2, 2022)).toBeNull();
    expect(autoRating(count(10), null, plan2, 2022)).toBeNull();
  });
});

describe("final rating and overrides", () => {
  it("keeps the automatic rating unless one was decided", () => {
    expect(finalRating("A", null)).toEqual({ rating: "A", ratingBasis: "automatic", overridden: false });
    expect(finalRating("B", "A")).toEqual({ rating: "A", ratingBasis: "decided", overridden: true });
    expect(finalRating(null, "A")).toEqual({ rating: "A", ratingBasis: "decided", overridden: false });
    expect(finalRating("A", "A")).toEqual({ rating: "A", ratingBasis: "decided", overridden: false });
    expect(finalRating(null, null)).toEqual({ rating: null, ratingBasis: null, overridden: false });
  });

  it("never rates a sub-target, automatically or by decision: the official tables rate only the parent row", () => {
    const facts = [2020, 2021, 2022].map((fiscalYear) => ({ fiscalYear, value: 3 }));
    const parent = kpiStatus({ ...count(10), facts }, plan2, 2022, "A");
    expect(parent).toMatchObject({ ratingAuto: "A", ratingDecided: "A", rating: "A", ratingBasis: "decided" });
    const sub = kpiStatus({ ...count(10), parentCode: "regen-out-1", facts }, plan2, 2022, "A");
    expect(sub).toMatchObject({ ratingAuto: null, ratingDecided: null, rating: null, ratingBasis: null, overridden: false });
    // its figures are still there
    expect(sub.cumulative.value).toBe(9);
    expect(sub.achievement).toBe(1.5);
  });

  it("asks for a reason only when the decision differs from the automatic rating", () => {
    expect(overrideNeedsReason("B", "A")).toBe(true);
    expect(overrideNeedsReason("A", "A")).toBe(false);
    expect(overrideNeedsReason(null, "A")).toBe(false);
  });
});

describe("achievement at the plan's end", () => {
  it("is decided only at the plan's last year", () => {
    expect(achievedAtEnd(count(10), 8, plan2, 2024)).toBe(false);
    expect(achievedAtEnd(count(10), 10, plan2, 2024)).toBe(true);
    expect(achievedAtEnd(count(10), 12, plan2, 2022)).toBeNull();
    expect(achievedAtEnd(count(null, true), 12, plan2, 2024)).toBeNull();
  });
});

describe("kpiStatus", () => {
  it("puts it together for a sub-target (regen 治験 うち遺伝子治療: 15 of 2)", () => {
    const s = kpiStatus(
      {
        ...count(2),
        facts: [
          { fiscalYear: 2020, value: 6 },
          { fiscalYear: 2021, value: 3 },
          { fiscalYear: 2022, value: 6 },
        ],
      },
      plan2,
      2022,
    );
    expect(s.values).toEqual({ 2020: 6, 2021: 3, 2022: 6 });
    expect(s.cumulative.value).toBe(15);
    expect(s.expected).toBeCloseTo(1.2, 12);
    expect(s.achievement).toBeCloseTo(12.5, 12);
    expect(s.achievementOfTarget).toBe(7.5);
    expect(s.ratingAuto).toBe("A");
  });

  it("leaves a year with no data out of the values, never as 0", () => {
    const s = kpiStatus(
      {
        ...count(10),
        facts: [
          { fiscalYear: 2020, value: 1 },
          { fiscalYear: 2022, value: 2 },
        ],
      },
      plan2,
      2022,
    );
    expect(s.values).toEqual({ 2020: 1, 2022: 2 });
    expect(s.cumulative.value).toBeNull();
    expect(s.ratingAuto).toBeNull();
    expect(s.rating).toBeNull();
  });
});

describe("the 3rd plan's rule: the sum of the annual targets to date", () => {
  const plan3 = { firstFy: 2025, lastFy: 2029, ratingRule: "annual_targets" as const };
  const seeds = count(650); // シーズの企業導出件数: 130 a year, 650 over FY2025–2029

  it("defaults each year's target to the total ÷ the plan's years, and sums them to date", () => {
    expect(annualTargets(seeds, plan3)?.map((y) => y.target)).toEqual([130, 130, 130, 130, 130]);
    expect(expectedValue(seeds, plan3, 2025)).toBe(130);
    expect(expectedValue(seeds, plan3, 2026)).toBe(260);
    expect(autoRating(seeds, 129, plan3, 2025)).toBe("B");
    expect(autoRating(seeds, 130, plan3, 2025)).toBe("A");
    expect(autoRating(seeds, 259, plan3, 2026)).toBe("B");
    expect(autoRating(seeds, 260, plan3, 2026)).toBe("A");
  });

  it("uses a year's own target where an admin set one, and flags it", () => {
    const edited = { ...seeds, yearTargets: { 2025: 100, 2027: 160 } };
    expect(annualTargets(edited, plan3)?.map((y) => [y.fiscalYear, y.target, y.set])).toEqual([
      [2025, 100, true],
      [2026, 130, false],
      [2027, 160, true],
      [2028, 130, false],
      [2029, 130, false],
    ]);
    expect(expectedValue(edited, plan3, 2026)).toBe(230);
    expect(autoRating(edited, 229, plan3, 2026)).toBe("B");
    expect(autoRating(edited, 230, plan3, 2026)).toBe("A");
    expect(expectedValue(edited, plan3, 2027)).toBe(390);
  });

  it("reaches a sum of fractions at equality (0.1 + 0.2 is 0.3)", () => {
    const fractions = { ...count(1), yearTargets: { 2025: 0.1, 2026: 0.2 } };
    expect(autoRating(fractions, 0.3, plan3, 2026)).toBe("A");
  });

  it("is exact with default targets that are not whole (7 ÷ 5 × 3 = 4.2)", () => {
    expect(autoRating(count(7), 4.2, plan3, 2027)).toBe("A");
    expect(autoRating(count(7), 4.19, plan3, 2027)).toBe("B");
  });

  it("compares a share with the as-of year's target share", () => {
    const share: KpiSpec = { measure: "share", management: false, target: 50, yearTargets: { 2026: 60 } };
    expect(expectedValue(share, plan3, 2025)).toBe(50);
    expect(expectedValue(share, plan3, 2026)).toBe(60);
    expect(autoRating(share, 55, plan3, 2026)).toBe("B");
  });

  it("is not the rule of a plan that does not declare it: the 2nd plan ignores set years", () => {
    const edited = { ...count(25), yearTargets: { 2020: 20 } };
    expect(expectedValue(edited, plan2, 2020)).toBe(5);
    expect(annualTargets(edited, plan2)).toBeNull();
    expect(autoRating(edited, 5, plan2, 2020)).toBe("A");
  });

  it("shows each year's actual against that year's target", () => {
    const s = kpiStatus(
      {
        ...seeds,
        facts: [
          { fiscalYear: 2025, value: 140 },
          { fiscalYear: 2026, value: 110 },
        ],
      },
      plan3,
      2026,
    );
    expect(s.rule).toBe("annual_targets");
    expect(s.expected).toBe(260);
    expect(s.cumulative.value).toBe(250);
    expect(s.ratingAuto).toBe("B");
    expect(s.annual?.slice(0, 3)).toEqual([
      { fiscalYear: 2025, target: 130, set: false, actual: 140, met: true },
      { fiscalYear: 2026, target: 130, set: false, actual: 110, met: false },
      { fiscalYear: 2027, target: 130, set: false, actual: null, met: null },
    ]);
    expect(kpiStatus({ ...seeds, facts: [] }, plan2, 2022).annual).toBeNull();
  });
});
