import { describe, expect, it } from "vitest";
import { signPrintToken, verifyPrintToken } from "@/features/auth/server";

describe("print tokens", () => {
  it("open exactly one plan and year, for a short time", () => {
    const t = signPrintToken("plan2", 2023, 60_000, 1_000);
    expect(verifyPrintToken(t, "plan2", 2023, 2_000)).toBe(true);
    expect(verifyPrintToken(t, "plan2", 2022, 2_000)).toBe(false);
    expect(verifyPrintToken(t, "plan3", 2023, 2_000)).toBe(false);
    expect(verifyPrintToken(t, "plan2", 2023, 61_001)).toBe(false);
  });

  it("refuse a forged or damaged token", () => {
    const t = signPrintToken("plan2", 2023, 60_000, 1_000);
    const [p, y, , mac] = t.split(".");
    expect(verifyPrintToken(`${p}.${y}.999999999999999.${mac}`, "plan2", 2023, 2_000)).toBe(false);
    expect(verifyPrintToken(t.slice(0, -2), "plan2", 2023, 2_000)).toBe(false);
    expect(verifyPrintToken(undefined, "plan2", 2023)).toBe(false);
    expect(verifyPrintToken("x", "plan2", 2023)).toBe(false);
  });
});
