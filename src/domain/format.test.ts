import { describe, expect, it } from "vitest";
import { circledNumber, displayDecimals, formatDate, formatFigure, formatRatio, formatTarget, parenthesized } from "./format";

const count = { measure: "count" as const, unit: "件", decimals: 0 };
const share1 = { measure: "share" as const, unit: "%", decimals: 1 };

describe("figures", () => {
  it("follow the locale: 1,860件 in Japanese, 1,860 in English", () => {
    expect(formatFigure(1860, count, "ja")).toBe("1,860件");
    expect(formatFigure(1860, count, "en")).toBe("1,860");
    expect(formatFigure(81, share1, "ja")).toBe("81.0%");
    expect(formatFigure(81, share1, "en")).toBe("81.0%");
    expect(formatFigure(31, { ...share1, decimals: 0 }, "en")).toBe("31%");
  });

  it("print targets with their qualifier", () => {
    expect(formatTarget(25, null, count, "ja")).toBe("25件");
    expect(formatTarget(2, "at_least", count, "ja")).toBe("2件以上");
    expect(formatTarget(2, "at_least", count, "en")).toBe("at least 2");
    expect(formatTarget(75, null, share1, "en")).toBe("75%"); // as printed, though the shares have a decimal
  });

  it("take their decimals from the most precise stored figure", () => {
    expect(
      displayDecimals([
        { fiscalYear: 2020, value: 80.8 },
        { fiscalYear: 2022, value: 81 },
      ]),
    ).toBe(1);
    expect(
      displayDecimals([
        { fiscalYear: 2020, value: 23 },
        { fiscalYear: 2022, cumulativeReported: 31 },
      ]),
    ).toBe(0);
    expect(displayDecimals([{ fiscalYear: 2020, value: 1 / 3 }])).toBe(1);
    expect(displayDecimals([])).toBe(0);
  });

  it("print ratios as percentages and projects as circled numbers", () => {
    expect(formatRatio(1.0667, "en")).toBe("107%");
    expect(formatRatio(8.5333, "ja")).toBe("853%");
    expect(circledNumber(1)).toBe("①");
    expect(circledNumber(6)).toBe("⑥");
  });
});

describe("dates", () => {
  it("are calendar dates, the same in every time zone", () => {
    expect(formatDate("2022-05-17", "ja")).toBe("2022年5月17日");
    expect(formatDate("2025-05-14", "en")).toBe("14 May 2025");
  });
});

describe("a text in brackets", () => {
  it("is in full-width brackets in Japanese, and in half-width ones after a space in English", () => {
    expect(`◎厚${parenthesized("主担当", "ja")}`).toBe("◎厚（主担当）");
    expect(`◎MHLW${parenthesized("lead", "en")}`).toBe("◎MHLW (lead)");
  });
});
