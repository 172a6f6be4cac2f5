/**
 * The save path of the grid and the import (saveRound), against a real SQLite file built by
 * the real migrations and seed: what is stored, what the audit log says, and what is refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GridRow } from "@/features/follow-up/schema";
import { appDb, demoViewer } from "../support/app-db";

// The app's client singleton (src/lib/db.ts) opens this database: the modules that use it are imported once it is set.
const { db } = appDb("save.db");

let saveRound: typeof import("@/features/follow-up/mutations").saveRound;
let setRoundStatus: typeof import("@/features/follow-up/mutations").setRoundStatus;
let clerk: { id: number; role: "secretariat" };
beforeAll(async () => {
  ({ saveRound, setRoundStatus } = await import("@/features/follow-up/mutations"));
  clerk = await demoViewer(db, "secretariat");
});

const row = (kpi: string, fields: Partial<GridRow>): GridRow => ({ kpi, valueVersion: 0, entryVersion: 0, ...fields });
const save = (fy: number, rows: GridRow[], dryRun = false) => saveRound("plan3-save", fy, { rows, evaluations: [] }, clerk, { dryRun });
const value = async (kpi: string, fy: number) =>
  db.yearlyValue.findFirst({
    where: { fiscalYear: fy, kpi: { code: kpi, plan: { code: "plan3-save" } } },
    select: { value: true, version: true },
  });

describe("saving a round", () => {
  beforeAll(async () => {
    // A plan of its own, with plan2's structure and no figures, so that every year is open.
    const plan2 = await db.plan.findUniqueOrThrow({ where: { code: "plan2" }, include: { projects: { include: { kpis: { where: { parentId: null } } } } } });
    const plan = await db.plan.create({ data: { code: "plan3-save", nameJa: "保存の試験", nameEn: "Save test", firstFy: 2030, lastFy: 2034 } });
    for (const p of plan2.projects) {
      await db.project.create({
        data: {
          planId: plan.id,
          no: p.no,
          code: p.code,
          nameJa: p.nameJa,
          nameEn: p.nameEn,
          kpis: { create: p.kpis.map(({ id: _i, projectId: _p, parentId: _q, ...k }) => ({ ...k, planId: plan.id })) },
        },
      });
    }
  });

  it("reads what a clerk types, stores it with one audit row per field, and opens the round with an audit row", async () => {
    const result = await save(2030, [row("pharma-out-1", { value: "１,２０９", detailJa: "導出が進んだ。" })]);
    expect(result).toMatchObject({ kind: "saved", changes: 2 });
    expect(await value("pharma-out-1", 2030)).toEqual({ value: 1209, version: 1 });
    const planId = (await db.plan.findUniqueOrThrow({ where: { code: "plan3-save" } })).id;
    const log = await db.auditLog.findMany({ where: { fiscalYear: 2030, planId }, orderBy: { id: "asc" } });
    expect(log.map((a) => [a.action, a.field, a.oldValue, a.newValue, a.userId])).toEqual([
      ["round.create", "status", null, "draft", clerk.id],
      ["value.update", "value", null, "1209", clerk.id],
      ["entry.update", "detailJa", null, "導出が進んだ。", clerk.id],
    ]);
  });

  it("refuses the whole grid when one field is wrong, and stores nothing", async () => {
    const before = await db.auditLog.count();
    const result = await save(2031, [row("pharma-out-1", { value: "5" }), row("pharma-out-4", { value: "120" }), row("genome-out-4", { value: "0x10" })]);
    expect(result).toEqual({
      kind: "invalid",
      errors: [
        { kpi: "pharma-out-4", field: "value", error: "shareRange" },
        { kpi: "genome-out-4", field: "value", error: "notANumber" },
      ],
    });
    expect(await value("pharma-out-1", 2031)).toBeNull();
    expect(await db.followUpRound.count({ where: { fiscalYear: 2031, plan: { code: "plan3-save" } } })).toBe(0);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("refuses a row saved by someone else since, with their value and name", async () => {
    const result = await save(2030, [row("pharma-out-1", { value: "7", valueVersion: 0 })]);
    expect(result).toMatchObject({ kind: "conflict", conflicts: [{ kpi: "pharma-out-1", field: "value", theirs: "1209", yours: "7", by: "事務局（デモ）" }] });
    expect(await value("pharma-out-1", 2030)).toEqual({ value: 1209, version: 1 });
  });

  it("a dry run reports the changes and rolls them back", async () => {
    const before = await db.auditLog.count();
    const result = await save(2030, [row("pharma-out-1", { value: "1300", valueVersion: 1 })], true);
    expect(result).toMatchObject({ kind: "preview", changes: 1, log: [{ kpi: "pharma-out-1", field: "value", oldValue: "1209", newValue: "1300" }] });
    expect(await value("pharma-out-1", 2030)).toEqual({ value: 1209, version: 1 });
    expect(await db.auditLog.count()).toBe(before);
  });

  it("a final round refuses edits, and freezes the figures of the years before it", async () => {
    expect(await setRoundStatus("plan3-save", 2030, { to: "final", meetingNo: 1, meetingDate: "2031-05-14" }, clerk)).toBe("ok");
    expect(await save(2030, [row("pharma-out-1", { value: "1", valueVersion: 1 })])).toEqual({ kind: "round-final" });
    expect(await setRoundStatus("plan3-save", 2031, { to: "final", meetingNo: 2, meetingDate: "2032-05-14" }, clerk)).toBe("not-found");
    expect(await save(2031, [row("genome-out-1", { value: "3" })])).toMatchObject({ kind: "saved" });
    expect(await setRoundStatus("plan3-save", 2031, { to: "final", meetingNo: 2, meetingDate: "2032-05-14" }, clerk)).toBe("ok");
    // A year with no round of its own is frozen by a later final round.
    expect(await save(2033, [row("genome-out-1", { value: "5" })])).toMatchObject({ kind: "saved" });
    expect(await setRoundStatus("plan3-save", 2033, { to: "final", meetingNo: 3, meetingDate: "2034-05-14" }, clerk)).toBe("ok");
    expect(await save(2032, [row("genome-out-1", { value: "4" })])).toEqual({ kind: "year-frozen", byRound: 2033 });
    expect(await value("genome-out-1", 2032)).toBeNull();
    // nor is a round opened for it by a save of texts alone
    expect(await save(2032, [row("genome-out-1", { rating: "B", overrideReason: "x" })])).toEqual({ kind: "year-frozen", byRound: 2033 });
    expect(await db.followUpRound.count({ where: { fiscalYear: 2032, plan: { code: "plan3-save" } } })).toBe(0);
    expect(await saveRound("plan3-save", 2035, { rows: [], evaluations: [] }, clerk)).toEqual({ kind: "fy-outside-plan", firstFy: 2030, lastFy: 2034 });
    expect(await db.roundSnapshot.count({ where: { round: { plan: { code: "plan3-save" } } } })).toBe(3);
  });

  it("two saves that open the same round at once both land, and two clicks on final take one snapshot", async () => {
    const results = await Promise.all([save(2034, [row("pharma-out-1", { value: "1" })]), save(2034, [row("genome-out-1", { value: "2" })])]);
    expect(results.map((r) => r.kind)).toEqual(["saved", "saved"]);
    expect(await db.followUpRound.count({ where: { fiscalYear: 2034, plan: { code: "plan3-save" } } })).toBe(1);
    const finalize = () => setRoundStatus("plan3-save", 2034, { to: "final", meetingNo: 5, meetingDate: "2035-05-14" }, clerk);
    expect((await Promise.all([finalize(), finalize()])).sort()).toEqual(["ok", "unchanged"]);
    expect(await db.roundSnapshot.count({ where: { round: { fiscalYear: 2034, plan: { code: "plan3-save" } } } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "round.finalize", fiscalYear: 2034 } })).toBe(1);
  });

  it("a grid of hundreds of rows is saved whole: each row's own values, its version moved on once, its time set, the rows left out untouched", async () => {
    // 250 KPIs (more than one statement of updateRows' 200) in a plan of their own.
    const plan = await db.plan.create({ data: { code: "plan3-bulk", nameJa: "一括保存の試験", nameEn: "Bulk save test", firstFy: 2030, lastFy: 2034 } });
    const project = await db.project.create({ data: { planId: plan.id, no: 1, code: "bulk", nameJa: "一括", nameEn: "Bulk" } });
    const codes = Array.from({ length: 251 }, (_, i) => `bulk-${i}`);
    await db.kpi.createMany({
      data: codes.map((code, i) => ({
        planId: plan.id,
        projectId: project.id,
        code,
        order: i,
        kind: "output",
        measure: "count",
        nameJa: code,
        nameEn: code,
        target: 100,
      })),
    });
    const saveBulk = (rows: GridRow[]) => saveRound("plan3-bulk", 2030, { rows, evaluations: [] }, clerk);
    const stored = async () =>
      new Map((await db.yearlyValue.findMany({ where: { fiscalYear: 2030, kpi: { planId: plan.id } }, include: { kpi: true } })).map((v) => [v.kpi.code, v]));
    const entries = async () =>
      new Map((await db.roundEntry.findMany({ where: { round: { planId: plan.id } }, include: { kpi: true } })).map((e) => [e.kpi.code, e]));
    const first = codes.slice(0, 250);
    expect(await saveBulk(first.map((kpi, i) => row(kpi, { value: String(i), detailJa: `詳細 ${i}` })))).toMatchObject({ kind: "saved", changes: 500 });
    expect(await saveBulk([row(codes[250], { value: "7" })])).toMatchObject({ kind: "saved", changes: 1 });
    const before = await stored();
    const beforeEntries = await entries();

    const result = await saveBulk(
      first.map((kpi, i) =>
        row(kpi, { value: String(1000 + i), valueVersion: 1, detailJa: i % 2 ? `詳細 ${i}` : `改訂 ${i}`, noteEn: `note ${i}`, entryVersion: 1 }),
      ),
    );
    expect(result).toMatchObject({ kind: "saved", changes: 250 + 125 + 250 });
    const after = await stored();
    const afterEntries = await entries();
    first.forEach((kpi, i) => {
      expect(after.get(kpi)).toMatchObject({ value: 1000 + i, version: 2, text: null, numerator: null });
      expect(after.get(kpi)!.updatedAt.getTime()).toBeGreaterThanOrEqual(before.get(kpi)!.updatedAt.getTime());
      expect(afterEntries.get(kpi)).toMatchObject({ detailJa: i % 2 ? `詳細 ${i}` : `改訂 ${i}`, noteEn: `note ${i}`, version: 2 });
    });
    // The row the grid left out keeps its value, version and time.
    expect(after.get(codes[250])).toEqual(before.get(codes[250]));
    expect(afterEntries.size).toBe(beforeEntries.size);
    // One audit row per changed field, pointing at its row, in the grid's order.
    const log = await db.auditLog.findMany({ where: { planId: plan.id, action: { in: ["value.update", "entry.update"] } }, orderBy: { id: "asc" }, skip: 501 });
    expect(log).toHaveLength(625);
    expect(log.slice(0, 3).map((a) => [a.kpiId, a.field, a.oldValue, a.newValue])).toEqual([
      [after.get("bulk-0")!.kpiId, "value", "0", "1000"],
      [after.get("bulk-0")!.kpiId, "detailJa", "詳細 0", "改訂 0"],
      [after.get("bulk-0")!.kpiId, "noteEn", null, "note 0"],
    ]);
    const valueIdOf = new Map([...after.values()].map((v) => [v.kpiId, v.id]));
    const entryIdOf = new Map([...afterEntries.values()].map((e) => [e.kpiId, e.id]));
    for (const a of log) expect(a.entityId).toBe((a.entity === "YearlyValue" ? valueIdOf : entryIdOf).get(a.kpiId!));
  });
});
