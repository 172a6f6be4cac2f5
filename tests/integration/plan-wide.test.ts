/**
 * The 3rd plan's plan-wide KPIs (no project) through the save path of the grid and the import
 * (saveRound), against a real SQLite file built by the real migrations and seed: stored,
 * audited, read back and rated against the annual targets, beside a whole-plan highlight.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GridRow } from "@/features/follow-up/schema";
import { followUpAt } from "@/features/follow-up/model";
import { appDb, demoViewer } from "../support/app-db";

// The app's client singleton (src/lib/db.ts) opens this database: the modules that use it are imported once it is set.
const { db } = appDb("plan-wide.db");

let saveRound: typeof import("@/features/follow-up/mutations").saveRound;
let readPlanData: typeof import("@/features/follow-up/data").readPlanData;
let clerk: { id: number; role: "secretariat" };
beforeAll(async () => {
  ({ saveRound } = await import("@/features/follow-up/mutations"));
  ({ readPlanData } = await import("@/features/follow-up/data"));
  clerk = await demoViewer(db, "secretariat");
});

const row = (kpi: string, fields: Partial<GridRow>): GridRow => ({ kpi, valueVersion: 0, entryVersion: 0, ...fields });

describe("saving the plan-wide KPIs of the 3rd plan", () => {
  it("stores a plan-wide row as typed, with its audit rows, and a whole-plan highlight beside it", async () => {
    // the seeded FY2025 draft round, whose footnotes and highlights the notes replace
    const { version } = await db.followUpRound.findFirstOrThrow({ where: { fiscalYear: 2025, plan: { code: "plan3" } } });
    const result = await saveRound(
      "plan3",
      2025,
      {
        rows: [row("plan3-out-1", { value: "１２０", detailJa: "導出が続いた。" }), row("plan3-out-4", { value: "1,860" })],
        evaluations: [],
        notes: { version, footnotes: [{ kpi: "plan3-out-4", marker: "※", textJa: "暦年で集計。" }], highlights: [{ project: null, textJa: "全体の成果" }] },
      },
      clerk,
    );
    expect(result).toMatchObject({ kind: "saved" });
    const planId = (await db.plan.findUniqueOrThrow({ where: { code: "plan3" } })).id;
    const log = await db.auditLog.findMany({ where: { planId, fiscalYear: 2025, action: { not: "round.create" } }, orderBy: { id: "asc" } });
    const codes = new Map((await db.kpi.findMany({ where: { planId } })).map((k) => [k.id, k.code]));
    expect(log.map((a) => [a.kpiId === null ? null : codes.get(a.kpiId), a.field, a.newValue])).toEqual([
      ["plan3-out-1", "value", "120"],
      ["plan3-out-1", "detailJa", "導出が続いた。"],
      ["plan3-out-4", "value", "1860"],
      ["plan3-out-4", "footnote", "※ 暦年で集計。"],
      [null, "highlight", "全体の成果"],
    ]);
  });

  it("reads them back rated against the sum of the annual targets to date", async () => {
    const plan = (await readPlanData(db, "plan3", clerk))!;
    const rows = followUpAt(plan, 2025).rows;
    const out1 = rows.find((r) => r.code === "plan3-out-1")!;
    // 120 against FY2025's target of 650 ÷ 5 = 130
    expect([out1.projectNo, out1.status.rule, out1.status.expected, out1.status.ratingAuto]).toEqual([null, "annual_targets", 130, "B"]);
    expect(out1.status.annual?.[0]).toEqual({ fiscalYear: 2025, target: 130, set: false, actual: 120, met: false });
    const out4 = rows.find((r) => r.code === "plan3-out-4")!;
    expect([out4.counting, out4.status.cumulative.value, out4.status.ratingAuto, out4.markers]).toEqual(["calendar_year", 1860, "A", ["※"]]);
  });

  it("asks a reason for A on a plan-wide KPI that the annual targets rate B", async () => {
    const result = await saveRound("plan3", 2025, { rows: [row("plan3-out-1", { rating: "A", entryVersion: 1 })], evaluations: [] }, clerk);
    expect(result).toEqual({ kind: "invalid", errors: [{ kpi: "plan3-out-1", field: "overrideReason", error: "overrideNeedsReason" }] });
  });
});
