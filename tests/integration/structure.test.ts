/**
 * An admin shapes the 3rd plan's structure, against a real SQLite file built by the real
 * migrations and seed: KPIs and special targets added, lists reordered, annual targets set
 * with a reason (and their history in the audit log), removals refused where they would lose
 * figures, and every structural change refused once a round is final, until an admin
 * unlocks the structure with a reason.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { kpiEditSchema, kpiStructureSchema, newKpiSchema, newProjectSchema, yearTargetSchema } from "@/features/plans/schema";
import { appDb } from "../support/app-db";

// The app's client singleton (src/lib/db.ts) opens this database: the modules that use it are imported once it is set.
const { db: prisma } = appDb("structure.db");

let m: typeof import("@/features/plans/mutations");
beforeAll(async () => {
  m = await import("@/features/plans/mutations");
});

const admin = async () => {
  const u = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.jp" } });
  return { id: u.id, role: "admin" as const, name: u.name };
};
const plan3 = () => prisma.plan.findUniqueOrThrow({ where: { code: "plan3" } });
const kpisOf = async (projectNo: number | null) => {
  const plan = await plan3();
  const project = projectNo === null ? null : await prisma.project.findFirstOrThrow({ where: { planId: plan.id, no: projectNo } });
  return (await prisma.kpi.findMany({ where: { planId: plan.id, projectId: project?.id ?? null }, orderBy: { order: "asc" } })).map((k) => k.code);
};
const projects = async () => (await prisma.project.findMany({ where: { planId: (await plan3()).id }, orderBy: { no: "asc" } })).map((p) => `${p.no}:${p.code}`);
const lastAudit = (action: string) => prisma.auditLog.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } });

const newKpi = (extra: Record<string, unknown>) =>
  newKpiSchema.parse({ kind: "output", measure: "count", nameJa: "新しい指標", nameEn: "A new indicator", ...extra });

describe("the 3rd plan's structure while no round is final", () => {
  it("takes a plan-wide KPI and a special target in a project, each field in the audit log", async () => {
    const me = await admin();
    expect(
      await m.addKpi("plan3", newKpi({ code: "plan3-out-5", target: "１,０００", unit: "件", groupJa: "全体目標", reason: "追加の全体目標" }), me),
    ).toEqual({
      kind: "saved",
      changed: ["kpi.plan3-out-5"],
      created: "plan3-out-5",
    });
    expect(await kpisOf(null)).toEqual([
      "plan3-out-1",
      "plan3-out-2",
      "plan3-out-3",
      "plan3-out-4",
      "plan3-outcome-1",
      "plan3-outcome-2",
      "plan3-outcome-3",
      "plan3-out-5",
    ]);
    const added = await prisma.kpi.findFirstOrThrow({ where: { code: "plan3-out-5" } });
    expect(added).toMatchObject({
      projectId: null,
      target: 1000,
      groupJa: "全体目標",
      groupEn: "Plan-wide targets",
      counting: "fiscal_year",
      management: false,
    });

    const special = newKpi({ code: "plan3-special-1", project: "3", groupJa: "特設目標", target: "50", counting: "calendar_year" });
    expect((await m.addKpi("plan3", special, me)).kind).toBe("saved");
    const stored = await prisma.kpi.findFirstOrThrow({ where: { code: "plan3-special-1" }, include: { project: true } });
    expect(stored).toMatchObject({ groupJa: "特設目標", groupEn: "Special targets", target: 50, counting: "calendar_year", order: 0 });
    expect(stored.project?.no).toBe(3);
    const log = await prisma.auditLog.findMany({ where: { kpiId: stored.id }, orderBy: { id: "asc" } });
    expect(log.map((a) => [a.action, a.field, a.newValue])).toEqual([
      ["kpi.create", "project", "3"],
      ["kpi.create", "code", "plan3-special-1"],
      ["kpi.create", "kind", "output"],
      ["kpi.create", "measure", "count"],
      ["kpi.create", "counting", "calendar_year"],
      ["kpi.create", "groupJa", "特設目標"],
      ["kpi.create", "groupEn", "Special targets"],
      ["kpi.create", "nameJa", "新しい指標"],
      ["kpi.create", "nameEn", "A new indicator"],
      ["kpi.create", "target", "50"],
    ]);
    expect(log.every((a) => a.userId === me.id && a.planId === stored.planId)).toBe(true);

    // a code is the plan's once; a project that is not there is refused
    expect(await m.addKpi("plan3", special, me)).toMatchObject({ kind: "conflict", code: "kpiCodeExists" });
    expect(await m.addKpi("plan3", newKpi({ code: "plan3-x", project: 9 }), me)).toEqual({
      kind: "invalid",
      errors: [{ field: "project", code: "projectUnknown" }],
    });
    expect(await m.addKpi("nowhere", newKpi({ code: "plan3-x" }), me)).toEqual({ kind: "planNotFound" });
  });

  it("reorders KPIs within their list, and projects with their numbers kept consecutive", async () => {
    const me = await admin();
    expect(await m.moveKpi("plan3", "plan3-out-5", 1, me)).toMatchObject({ kind: "saved" });
    expect((await kpisOf(null)).slice(0, 3)).toEqual(["plan3-out-5", "plan3-out-1", "plan3-out-2"]);
    const moved = await prisma.kpi.findFirstOrThrow({ where: { code: "plan3-out-5" } });
    expect(await prisma.auditLog.findFirst({ where: { action: "kpi.reorder", kpiId: moved.id } })).toMatchObject({
      field: "position",
      oldValue: "8",
      newValue: "1",
    });
    expect(await lastAudit("kpi.reorder")).toMatchObject({ field: "position", oldValue: "7", newValue: "8" });
    expect(await m.moveKpi("plan3", "plan3-out-5", 99, me)).toMatchObject({ kind: "saved" });
    expect((await kpisOf(null)).at(-1)).toBe("plan3-out-5");
    expect(await m.moveKpi("plan3", "plan3-out-5", 99, me)).toEqual({ kind: "saved", changed: [] });

    const before = await projects();
    expect(await m.moveProject("plan3", 8, 1, me)).toMatchObject({ kind: "saved" });
    expect(await projects()).toEqual(["1:ecosystem", ...before.slice(0, 7).map((p) => p.replace(/^(\d+)/, (n) => String(Number(n) + 1)))]);
    expect(await m.moveProject("plan3", 1, 8, me)).toMatchObject({ kind: "saved" });
    expect(await projects()).toEqual(before);
    expect(await lastAudit("project.reorder")).toMatchObject({ entity: "Project", field: "no", oldValue: "1", newValue: "8" });
    expect(await m.moveProject("plan3", 12, 1, me)).toEqual({ kind: "notFound", what: "project" });
  });

  it("adds and removes a project; one with KPIs stays", async () => {
    const me = await admin();
    const added = await m.addProject("plan3", newProjectSchema.parse({ code: "extra", nameJa: "追加プロジェクト", nameEn: "Extra Project" }), me);
    expect(added).toEqual({ kind: "saved", changed: ["project.9"], created: "9" });
    expect(await m.moveProject("plan3", 9, 2, me)).toMatchObject({ kind: "saved" });
    expect((await projects()).slice(0, 3)).toEqual(["1:pharma", "2:extra", "3:device"]);
    expect(await m.removeProject("plan3", 4, null, me)).toEqual({ kind: "conflict", code: "projectHasKpis", values: { count: 1 } });
    expect((await m.removeProject("plan3", 2, "作成の誤り", me)).kind).toBe("saved");
    expect(await projects()).toEqual(["1:pharma", "2:device", "3:regen", "4:infect", "5:data", "6:seeds-basic", "7:bridge", "8:ecosystem"]);
    expect(await lastAudit("project.delete")).toMatchObject({ field: "nameEn", oldValue: "Extra Project", reason: "作成の誤り" });
  });

  it("changes a KPI's counting basis and definition, audited", async () => {
    const me = await admin();
    const edit = kpiStructureSchema.parse({ counting: "calendar_year", definitionEn: "Counted by calendar year.", reason: "暦年で集計" });
    expect(await m.editKpiStructure("plan3", "plan3-out-5", edit, me)).toEqual({ kind: "saved", changed: ["counting", "definitionEn"] });
    expect(await m.editKpiStructure("plan3", "plan3-out-5", edit, me)).toEqual({ kind: "saved", changed: [] });
    expect(await lastAudit("kpi.update")).toMatchObject({ field: "definitionEn", oldValue: null, newValue: "Counted by calendar year.", reason: "暦年で集計" });
  });

  it("sets a year's target with a reason, keeps the history, and puts it back to the default", async () => {
    const me = await admin();
    const set = (target: unknown, reason: string, fiscalYear: unknown = "２０２６") => yearTargetSchema.parse({ fiscalYear, target, reason });
    expect(await m.setYearTarget("plan3", "plan3-out-1", set("１４０", "前倒しで契約が見込まれる"), me)).toEqual({ kind: "saved", changed: ["target_2026"] });
    expect(await m.setYearTarget("plan3", "plan3-out-1", set("1,50", "x"), me)).toEqual({
      kind: "invalid",
      errors: [{ field: "target", code: "targetInvalid" }],
    });
    expect(await m.setYearTarget("plan3", "plan3-out-1", set("150", "再見積もり"), me)).toMatchObject({ kind: "saved" });
    expect(await m.setYearTarget("plan3", "plan3-out-1", set("150", "同じ"), me)).toEqual({ kind: "saved", changed: [] });
    const kpi = await prisma.kpi.findFirstOrThrow({ where: { code: "plan3-out-1" }, include: { yearTargets: true } });
    expect(kpi.yearTargets.map((y) => [y.fiscalYear, y.target, y.reason, y.version])).toEqual([[2026, 150, "再見積もり", 2]]);
    expect(await m.setYearTarget("plan3", "plan3-out-1", set("", "既定値に戻す"), me)).toMatchObject({ kind: "saved" });
    expect(await prisma.kpiYearTarget.count({ where: { kpiId: kpi.id } })).toBe(0);

    const history = await prisma.auditLog.findMany({ where: { action: "kpi.yearTarget", kpiId: kpi.id }, orderBy: { id: "asc" } });
    expect(history.map((a) => [a.fiscalYear, a.field, a.oldValue, a.newValue, a.reason, a.userId])).toEqual([
      [2026, "target_2026", null, "140", "前倒しで契約が見込まれる", me.id],
      [2026, "target_2026", "140", "150", "再見積もり", me.id],
      [2026, "target_2026", "150", null, "既定値に戻す", me.id],
    ]);

    expect(await m.setYearTarget("plan3", "plan3-out-1", set("10", "x", 2030), me)).toMatchObject({
      kind: "invalid",
      errors: [{ field: "fiscalYear", code: "yearOutside" }],
    });
    expect(await m.setYearTarget("plan3", "plan3-outcome-1", set("10", "x"), me)).toEqual({ kind: "conflict", code: "kpiNoTarget" });
    expect(await m.setYearTarget("plan3", "nothing", set("10", "x"), me)).toEqual({ kind: "notFound", what: "kpi" });
  });

  it("refuses to remove a KPI that has figures, and removes one that has none", async () => {
    const me = await admin();
    const kpi = await prisma.kpi.findFirstOrThrow({ where: { code: "plan3-special-1" } });
    await prisma.yearlyValue.create({ data: { kpiId: kpi.id, fiscalYear: 2025, value: 3 } });
    expect(await m.removeKpi("plan3", "plan3-special-1", null, me)).toEqual({ kind: "conflict", code: "kpiHasFigures", values: { values: 1, entries: 0 } });
    await prisma.yearlyValue.deleteMany({ where: { kpiId: kpi.id } });
    const round = await prisma.followUpRound.findFirstOrThrow({ where: { plan: { code: "plan3" }, fiscalYear: 2025 } });
    await prisma.roundEntry.create({ data: { roundId: round.id, kpiId: kpi.id, detailJa: "記載あり" } });
    expect(await m.removeKpi("plan3", "plan3-special-1", null, me)).toEqual({ kind: "conflict", code: "kpiHasFigures", values: { values: 0, entries: 1 } });
    expect(await prisma.kpi.count({ where: { id: kpi.id } })).toBe(1);

    await m.setYearTarget("plan3", "plan3-out-5", yearTargetSchema.parse({ fiscalYear: 2027, target: "300", reason: "前倒し" }), me);
    expect(await m.removeKpi("plan3", "plan3-out-5", "重複していた", me)).toEqual({ kind: "saved", changed: ["kpi.plan3-out-5"] });
    expect(await prisma.kpi.count({ where: { code: "plan3-out-5" } })).toBe(0);
    expect(await lastAudit("kpi.delete")).toMatchObject({ field: "target", oldValue: "1000", reason: "重複していた" });
  });
});

describe("the structure once a round is final", () => {
  it("is locked for the 2nd plan, whose names and targets still change with a reason", async () => {
    const me = await admin();
    const count = await prisma.kpi.count({ where: { plan: { code: "plan2" } } });
    expect(await m.addKpi("plan2", newKpi({ code: "plan2-new" }), me)).toEqual({ kind: "locked" });
    expect(await m.moveKpi("plan2", "pharma-out-1", 2, me)).toEqual({ kind: "locked" });
    expect(await m.removeKpi("plan2", "pharma-out-1", null, me)).toEqual({ kind: "locked" });
    expect(await m.moveProject("plan2", 1, 2, me)).toEqual({ kind: "locked" });
    expect(await m.editKpiStructure("plan2", "pharma-out-1", kpiStructureSchema.parse({ counting: "calendar_year" }), me)).toEqual({ kind: "locked" });
    expect(await prisma.kpi.count({ where: { plan: { code: "plan2" } } })).toBe(count);
    expect(await m.setStructureLock("plan2", true, null, me)).toEqual({ kind: "conflict", code: "structureAlreadyLocked" });
  });

  it("locks the 3rd plan once its first round is final; an admin unlocks it with a reason, and locks it again", async () => {
    const me = await admin();
    expect(await m.setStructureLock("plan3", false, "まだ確定していない", me)).toEqual({ kind: "conflict", code: "structureOpenUntilFinal" });
    await prisma.followUpRound.updateMany({ where: { plan: { code: "plan3" }, fiscalYear: 2025 }, data: { status: "final" } });

    const special = newKpi({ code: "plan3-special-2", groupJa: "特設目標", target: "10" });
    const year = yearTargetSchema.parse({ fiscalYear: 2027, target: "200", reason: "見直し" });
    expect(await m.addKpi("plan3", special, me)).toEqual({ kind: "locked" });
    expect(await m.setYearTarget("plan3", "plan3-out-2", year, me)).toEqual({ kind: "locked" });
    expect(await m.moveProject("plan3", 2, 1, me)).toEqual({ kind: "locked" });
    expect(await m.removeProject("plan3", 5, null, me)).toEqual({ kind: "locked" });
    expect(await m.addProject("plan3", newProjectSchema.parse({ code: "late", nameJa: "遅い", nameEn: "Late" }), me)).toEqual({ kind: "locked" });
    // what an admin could change before the lock still changes: names and the total target, with a reason
    expect(await m.editKpi("plan3", "plan3-out-2", kpiEditSchema.parse({ target: "３１０", reason: "本部決定の改定" }), me)).toEqual({
      kind: "saved",
      changed: ["target"],
    });

    expect(await m.setStructureLock("plan3", false, "特設目標の追加", me)).toEqual({ kind: "saved", changed: ["structureUnlockedAt"] });
    expect((await plan3()).structureUnlockedAt).toBeInstanceOf(Date);
    expect(await lastAudit("plan.structureUnlock")).toMatchObject({
      entity: "Plan",
      field: "structureUnlockedAt",
      oldValue: null,
      reason: "特設目標の追加",
      userId: me.id,
    });
    expect(await m.setStructureLock("plan3", false, "again", me)).toEqual({ kind: "conflict", code: "structureAlreadyUnlocked" });
    expect((await m.addKpi("plan3", special, me)).kind).toBe("saved");
    expect(await m.setYearTarget("plan3", "plan3-out-2", year, me)).toEqual({ kind: "saved", changed: ["target_2027"] });

    expect(await m.setStructureLock("plan3", true, null, me)).toEqual({ kind: "saved", changed: ["structureUnlockedAt"] });
    expect((await plan3()).structureUnlockedAt).toBeNull();
    expect(await lastAudit("plan.structureLock")).toMatchObject({ newValue: null, reason: null });
    expect(await m.removeKpi("plan3", "plan3-special-2", null, me)).toEqual({ kind: "locked" });
  });
});
