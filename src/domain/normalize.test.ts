import { describe, expect, it } from "vitest";
import { FIGURE_MAX, normalizeDigits, parseNumberInput, readFigure } from "./normalize";

describe("number input", () => {
  it("accepts full-width digits, thousands separators and spaces", () => {
    expect(parseNumberInput("１２３")).toBe(123);
    expect(parseNumberInput("1,860")).toBe(1860);
    expect(parseNumberInput("１，８６０")).toBe(1860);
    expect(parseNumberInput("  47 ")).toBe(47);
    expect(parseNumberInput("　81.1　")).toBe(81.1);
    expect(parseNumberInput("－3")).toBe(-3);
  });

  it("returns null for nothing and NaN for what is not a number", () => {
    expect(parseNumberInput("")).toBeNull();
    expect(parseNumberInput("   ")).toBeNull();
    expect(parseNumberInput("12a")).toBeNaN();
    expect(parseNumberInput("1,86")).toBeNaN();
    expect(parseNumberInput("1.2.3")).toBeNaN();
  });

  it("normalizes digits only, leaving other text alone", () => {
    expect(normalizeDigits("令和４年度")).toBe("令和4年度");
  });
});

describe("readFigure: one reading for every number a person types", () => {
  it("accepts what a clerk types", () => {
    expect(readFigure("１,８６０", "count")).toEqual({ value: 1860 });
    expect(readFigure(" 81.1 ", "share")).toEqual({ value: 81.1 });
    expect(readFigure("１,２３４.５", "amount")).toEqual({ value: 1234.5 });
    expect(readFigure(16, "count")).toEqual({ value: 16 });
    expect(readFigure("", "count")).toEqual({ value: null });
    expect(readFigure(null, "share")).toEqual({ value: null });
  });

  it("refuses hex, exponents, Infinity and values out of the kind's range", () => {
    expect(readFigure("0x10", "count").error).toBe("notANumber");
    expect(readFigure("1e3", "amount").error).toBe("notANumber");
    expect(readFigure("Infinity", "amount").error).toBe("notANumber");
    expect(readFigure(Number.POSITIVE_INFINITY, "amount").error).toBe("notANumber");
    expect(readFigure(true, "count").error).toBe("notANumber");
    expect(readFigure("1.5", "count").error).toBe("notInteger");
    expect(readFigure(1.5, "count").error).toBe("notInteger");
    expect(readFigure("101", "share").error).toBe("shareRange");
    expect(readFigure(-1, "share").error).toBe("shareRange");
    expect(readFigure("-3", "count").error).toBe("negative");
    expect(readFigure("2,000,000", "amount", 1_000_000).error).toBe("tooLarge");
    expect(readFigure(FIGURE_MAX + 1, "count").error).toBe("tooLarge");
  });
});
