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
});
