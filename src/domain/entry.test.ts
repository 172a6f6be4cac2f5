import { describe, expect, it } from "vitest";
import { readYearInput } from "./entry";

describe("reading what a clerk types", () => {
  it("normalizes full-width digits, commas and spaces", () => {
    expect(readYearInput("count", { value: "１２３" }).values.value).toBe(123);
    expect(readYearInput("count", { value: " 1,860 " }).values.value).toBe(1860);
    expect(readYearInput("count", { value: "１，８６０" }).values.value).toBe(1860);
    expect(readYearInput("count", { value: "" }).values.value).toBeNull();
  });

  it("refuses negative numbers, fractions for counts, and what is not a number", () => {
    expect(readYearInput("count", { value: "-3" }).errors).toEqual({ value: "negative" });
    expect(readYearInput("count", { value: "2.5" }).errors).toEqual({ value: "notInteger" });
    expect(readYearInput("count", { value: "abc" }).errors).toEqual({ value: "notANumber" });
    expect(readYearInput("count", { value: "1,86" }).errors).toEqual({ value: "notANumber" });
  });

  it("checks shares: 0–100, numerator within denominator, both or neither", () => {
    expect(readYearInput("share", { value: "８１．０" }).values.value).toBe(81);
    expect(readYearInput("share", { value: "101" }).errors).toEqual({ value: "shareRange" });
    expect(readYearInput("share", { value: "-1" }).errors).toEqual({ value: "shareRange" });
    expect(readYearInput("share", { numerator: "12", denominator: "10" }).errors).toEqual({ numerator: "numeratorAboveDenominator" });
    expect(readYearInput("share", { numerator: "0", denominator: "0" }).errors).toEqual({ denominator: "denominatorZero" });
    expect(readYearInput("share", { numerator: "3" }).errors).toEqual({ denominator: "needsBoth" });
    expect(readYearInput("share", { numerator: "2.5", denominator: "10" }).errors).toEqual({ numerator: "notInteger" });
    expect(readYearInput("share", { numerator: "1,200", denominator: "2,400" }).values).toMatchObject({ numerator: 1200, denominator: 2400 });
  });

  it("keeps text for qualitative KPIs, within a sensible length", () => {
    expect(readYearInput("qualitative", { text: "  構築が進んだ  " }).values.text).toBe("構築が進んだ");
    expect(readYearInput("qualitative", { text: "あ".repeat(4001) }).errors).toEqual({ text: "tooLong" });
  });
});
