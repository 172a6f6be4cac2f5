/**
 * The follow-up export against the reports: every figure computed by the domain core
 * from the seeded yearly facts must equal what the documents printed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadPlanData } from "@/features/follow-up/data";
import { lookupRound } from "@/features/follow-up/model";
import { exportRow, type ExportRow } from "@/features/follow-up/model";
import { documentsAvailable, plan2, sourceText } from "../support/documents";
import { parseR4, parseSummary } from "../support/printed";

async function exportFor(fy: number): Promise<Map<string, ExportRow>> {
  const r = lookupRound(await loadPlanData("plan2", null), fy);
  if (r.kind !== "ok") throw new Error(`No follow-up for FY${fy}: ${r.kind}`);
  return new Map(r.rows.map((row) => [row.code, exportRow(row)]));
}

const round = (fy: number) => plan2.rounds.find((r) => r.fy === fy)!;
const subCodes = (code: string) =>
  plan2.projects
    .flatMap((p) => p.kpis)
    .find((k) => k.code === code)!
    .subs.map((s) => s.code);
const allKpis = plan2.projects.flatMap((p) => p.kpis);

describe.runIf(documentsAvailable)("the seed file quotes the documents", () => {
  it.each(plan2.rounds.flatMap((r) => r.entries.filter((e) => e.printed).map((e) => [r.fy, e.kpi, e.printed!, e.source!] as const)))(
    "FY%i %s prints %s at %s",
    (_fy, _kpi, printed, source) => {
      expect(sourceText(source)).toContain(printed.replace(/\s+/g, ""));
    },
  );
});

describe("FY2022 (R4 report, 001)", () => {
  let rows: Map<string, ExportRow>;
  beforeAll(async () => {
    rows = await exportFor(2022);
  });

  it("has one row per KPI and per sub-target", () => {
    expect(rows.size).toBe(52);
  });

  it.each(round(2022).entries.map((e) => [e.kpi, e.printed!] as const))("%s reproduces %s", (code, printed) => {
    const p = parseR4(printed);
    const row = rows.get(code)!;
    expect(row.cumulative).toBe(p.cumulative);
    expect(Object.values(row.values)).toEqual(p.perYear);
    expect(Object.keys(row.values)).toEqual(p.perYear.length ? ["2020", "2021", "2022"] : []);
    expect(row.rating).toBe(p.rating);
    if (row.target !== null && !row.management) {
      // computed, not seeded: the pro-rata rule must agree with the committee's rating
      expect(row.rating_auto).toBe(p.rating);
      expect(row.overridden).toBe(false);
    } else {
      expect(row.rating_auto).toBeNull();
    }
    subCodes(code).forEach((sub, i) => {
      expect(rows.get(sub)!.parent).toBe(code);
      expect(rows.get(sub)!.cumulative).toBe(p.subs[i].cumulative);
      expect(Object.values(rows.get(sub)!.values)).toEqual(p.subs[i].perYear);
    });
  });

  it("computes every count KPI's cumulative as the sum of its single-year values", () => {
    for (const row of rows.values()) {
      if (row.measure !== "count" || row.cumulative === null) continue;
      expect(row.cumulative_basis).toBe("sum");
      expect(row.cumulative).toBe(Object.values(row.values).reduce((a, b) => a + b, 0));
    }
  });

  it("rates the device launches A at exact equality (6 = 10 × 3/5)", () => {
    expect(rows.get("device-outcome-3")).toMatchObject({ cumulative: 6, expected: 6, achievement: 1, rating_auto: "A" });
  });

  it("shows nothing for the indicators the report does not print", () => {
    for (const code of ["pharma-out-m1", "pharma-out-m2"]) {
      expect(rows.get(code)).toMatchObject({ values: {}, cumulative: null, cumulative_basis: "none", rating: null });
    }
  });

  it("keeps both share rules apart: the report's figure for device, the latest share for pharma", () => {
    expect(rows.get("device-out-2")).toMatchObject({ cumulative: 31, cumulative_basis: "reported", values: { 2020: 23, 2021: 48, 2022: 41 } });
    expect(rows.get("pharma-out-4")).toMatchObject({ cumulative: 81, values: { 2022: 81 } });
  });

  it("carries the footnote markers", () => {
    expect(rows.get("regen-outcome-3")!.markers).toEqual(["＊"]);
  });
});

describe("FY2021 (R3 summary, 000) agrees with FY2022's per-year values", () => {
  let rows: Map<string, ExportRow>;
  beforeAll(async () => {
    rows = await exportFor(2021);
  });

  it.each(round(2021).entries.map((e) => [e.kpi, e.printed!] as const))("%s: %s", (code, printed) => {
    const p = parseSummary(printed);
    const row = rows.get(code)!;
    if (p.cumulative === null) return; // printed "-": see the next test
    if (row.measure === "count") {
      expect(row.cumulative).toBe(p.cumulative);
      expect(row.cumulative_basis).toBe("sum");
    } else {
      expect(row.cumulative).toBe(p.cumulative); // shares: the figure printed for FY2021
    }
    expect(row.values["2020"]).toBe(p.prev); // (…) is the previous year's value
    subCodes(code).forEach((sub, i) => {
      expect(rows.get(sub)!.cumulative).toBe(p.subs[i].cumulative);
      expect(rows.get(sub)!.values["2020"]).toBe(p.subs[i].prev);
    });
  });

  it("fills the guideline indicator, printed '-' in R3, from R4's per-year values", () => {
    expect(parseSummary(round(2021).entries.find((e) => e.kpi === "regen-outcome-m1")!.printed!).cumulative).toBeNull();
    expect(rows.get("regen-outcome-m1")).toMatchObject({ cumulative: 4, values: { 2020: 2, 2021: 2 } });
  });
});

describe("FY2024 (R6 summary, 002)", () => {
  let rows: Map<string, ExportRow>;
  beforeAll(async () => {
    rows = await exportFor(2024);
  });

  it.each(round(2024).entries.map((e) => [e.kpi, e.printed!] as const))("%s: %s", (code, printed) => {
    const p = parseSummary(printed);
    const row = rows.get(code)!;
    expect(row.cumulative).toBe(p.cumulative);
    subCodes(code).forEach((sub, i) => expect(rows.get(sub)!.cumulative).toBe(p.subs[i].cumulative));
    if (p.cumulative !== null && row.measure === "count") {
      // FY2023–2024 are known only as their sum, never split
      expect(row.missing_years).toEqual([
        { from: 2023, to: 2024, sum: p.cumulative - rows.get(code)!.values["2020"] - row.values["2021"] - row.values["2022"] },
      ]);
      expect(row.values).not.toHaveProperty("2023");
    }
  });

  it("finds exactly the four targeted KPIs that fell short of their targets", () => {
    const targeted = [...rows.values()].filter((r) => r.target !== null && !r.management);
    expect(targeted.every((r) => r.achieved !== null)).toBe(true);
    expect(
      targeted
        .filter((r) => r.achieved === false)
        .map((r) => r.kpi)
        .sort(),
    ).toEqual(["device-out-3", "device-outcome-2", "pharma-out-2", "seeds-out-2"]);
    for (const r of targeted.filter((r) => r.achieved === false)) expect(r.cumulative!).toBeLessThan(r.target!);
  });

  it("shows no data, never 0, where R6 prints '-'", () => {
    expect(rows.get("regen-outcome-m1")).toMatchObject({ cumulative: null, cumulative_basis: "none" });
    expect(rows.get("genome-out-m1")).toMatchObject({ cumulative: null, values: {} });
  });
});

describe("rounds that are not published", () => {
  it("are not found, and years outside the plan are refused", async () => {
    const plan = await loadPlanData("plan2", null);
    expect(lookupRound(plan, 2023).kind).toBe("round-not-found");
    expect(lookupRound(plan, 2025).kind).toBe("fy-outside-plan");
    expect(lookupRound(await loadPlanData("plan9", null), 2022).kind).toBe("plan-not-found");
  });

  it("covers every KPI of the seed file", () => {
    expect(allKpis).toHaveLength(47);
  });
});
