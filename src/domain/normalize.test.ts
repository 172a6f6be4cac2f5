import { describe, expect, it } from "vitest";
import { normalizeDigits, parseNumberInput } from "./normalize";

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
