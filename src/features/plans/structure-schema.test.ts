import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import ja from "../../../messages/ja.json";
import {
  kpiParams,
  kpiStructureSchema,
  moveSchema,
  newKpiSchema,
  newProjectSchema,
  projectParams,
  removeSchema,
  structureLockSchema,
  yearTargetSchema,
} from "@/features/plans/schema";

const issues = (schema: { safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) =>
  schema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

const kpi = (extra: Record<string, unknown> = {}) => ({
  code: "plan3-special-1",
  project: null,
  kind: "output",
  measure: "count",
  nameJa: "特設目標の件数",
  nameEn: "Number of special things",
  ...extra,
});

describe("a new KPI", () => {
  it("reads its target as a clerk types it, against its measure", () => {
    expect(newKpiSchema.parse(kpi({ target: "１，８６０" })).target).toBe(1860);
    expect(newKpiSchema.parse(kpi({ target: "1,860" })).target).toBe(1860);
    expect(newKpiSchema.parse(kpi({ target: " ６５０ " })).target).toBe(650);
    expect(newKpiSchema.parse(kpi({ measure: "share", target: "７５.５" })).target).toBe(75.5);
    expect(newKpiSchema.parse(kpi({ target: "" })).target).toBeNull();
    expect(newKpiSchema.parse(kpi()).target).toBeNull();
    expect(issues(newKpiSchema, kpi({ target: "1.5" }))).toEqual(["target: targetNotInteger"]);
    expect(issues(newKpiSchema, kpi({ target: "abc" }))).toEqual(["target: targetInvalid"]);
    expect(issues(newKpiSchema, kpi({ target: "-3" }))).toEqual(["target: targetInvalid"]);
    expect(issues(newKpiSchema, kpi({ measure: "share", target: "120" }))).toEqual(["target: targetShareRange"]);
    expect(issues(newKpiSchema, kpi({ measure: "qualitative", target: "5" }))).toEqual(["target: targetQualitative"]);
  });

  it("keeps a qualifier only with a target, and counts by fiscal year unless told otherwise", () => {
    const k = newKpiSchema.parse(kpi({ target: "2", targetQualifier: "at_least" }));
    expect(k).toMatchObject({ target: 2, targetQualifier: "at_least", counting: "fiscal_year", project: null });
    expect(newKpiSchema.parse(kpi({ targetQualifier: "at_least" })).targetQualifier).toBeNull();
    expect(newKpiSchema.parse(kpi({ counting: "calendar_year" })).counting).toBe("calendar_year");
    expect(issues(newKpiSchema, kpi({ counting: "school_year" }))).toEqual(["counting: countingUnknown"]);
  });

  it("belongs to the plan (empty or null) or to a project by its number", () => {
    expect(newKpiSchema.parse(kpi({ project: "" })).project).toBeNull();
    expect(newKpiSchema.parse(kpi({ project: undefined })).project).toBeNull();
    expect(newKpiSchema.parse(kpi({ project: "3" })).project).toBe(3);
    expect(newKpiSchema.parse(kpi({ project: 8 })).project).toBe(8);
    expect(issues(newKpiSchema, kpi({ project: "③" }))).toEqual(["project: projectInvalid"]);
    expect(issues(newKpiSchema, kpi({ project: 0 }))).toEqual(["project: projectInvalid"]);
  });

  it("gets the other language's name of a group the forms offer", () => {
    expect(newKpiSchema.parse(kpi({ groupJa: "特設目標" }))).toMatchObject({ groupJa: "特設目標", groupEn: "Special targets" });
    expect(newKpiSchema.parse(kpi({ groupEn: "Outcome indicators", groupJa: "" }))).toMatchObject({ groupJa: "アウトカム指標", groupEn: "Outcome indicators" });
    expect(newKpiSchema.parse(kpi({ groupJa: "○シーズ研究に関する指標", groupEn: "" }))).toMatchObject({ groupJa: "○シーズ研究に関する指標", groupEn: null });
    expect(newKpiSchema.parse(kpi({ groupJa: " ", groupEn: "" }))).toMatchObject({ groupJa: null, groupEn: null });
  });

  it("refuses bad codes, unknown kinds and measures, over-long texts and unknown fields", () => {
    for (const code of ["Plan3", "plan 3", "plan_3", "", "計画", "a".repeat(61), "../x"]) {
      expect(issues(newKpiSchema, kpi({ code })), code).toEqual(["code: kpiCodeInvalid"]);
    }
    expect(newKpiSchema.parse(kpi({ code: " plan3-sp-2 " })).code).toBe("plan3-sp-2");
    expect(issues(newKpiSchema, kpi({ kind: "input" }))).toEqual(["kind: kindUnknown"]);
    expect(issues(newKpiSchema, kpi({ measure: "sum" }))).toEqual(["measure: measureUnknown"]);
    expect(issues(newKpiSchema, kpi({ nameJa: "あ".repeat(301) }))).toEqual(["nameJa: nameTooLong"]);
    expect(issues(newKpiSchema, kpi({ nameEn: "  " }))).toEqual(["nameEn: nameRequired"]);
    expect(issues(newKpiSchema, kpi({ unit: "件".repeat(21) }))).toEqual(["unit: unitTooLong"]);
    expect(issues(newKpiSchema, kpi({ groupJa: "x".repeat(101) }))).toEqual(["groupJa: groupTooLong"]);
    expect(issues(newKpiSchema, kpi({ definitionEn: "x".repeat(2001) }))).toEqual(["definitionEn: textTooLong"]);
    expect(issues(newKpiSchema, kpi({ reason: "x".repeat(2001) }))).toEqual(["reason: reasonTooLong"]);
    expect(issues(newKpiSchema, kpi({ target: "1".repeat(51) }))).toEqual(["target: targetInvalid"]);
    expect(issues(newKpiSchema, kpi({ management: true }))[0]).toMatch(/^: /);
  });
});

describe("a new project", () => {
  it("has a code and two names", () => {
    expect(newProjectSchema.parse({ code: "new-one", nameJa: " 新プロジェクト ", nameEn: "New" })).toEqual({
      code: "new-one",
      nameJa: "新プロジェクト",
      nameEn: "New",
    });
    expect(issues(newProjectSchema, { code: "New One", nameJa: "x", nameEn: "y" })).toEqual(["code: projectCodeInvalid"]);
    expect(issues(newProjectSchema, { code: "a".repeat(31), nameJa: "x", nameEn: "y" })).toEqual(["code: projectCodeInvalid"]);
    expect(issues(newProjectSchema, { code: "ok", nameJa: "", nameEn: "y".repeat(301) })).toEqual(["nameJa: nameRequired", "nameEn: nameTooLong"]);
  });
});

describe("an annual target", () => {
  it("has a year (full-width too), a target as typed and a required reason", () => {
    expect(yearTargetSchema.parse({ fiscalYear: "２０２６", target: "１,８６０", reason: " 前倒し " })).toEqual({
      fiscalYear: 2026,
      target: "１,８６０",
      reason: "前倒し",
    });
    expect(yearTargetSchema.parse({ fiscalYear: 2026, target: "", reason: "既定値に戻す" }).target).toBe("");
    expect(yearTargetSchema.parse({ fiscalYear: 2026, reason: "既定値に戻す" }).target).toBeNull();
    expect(issues(yearTargetSchema, { fiscalYear: 2026, target: "140" })).toEqual(["reason: reasonRequired"]);
    expect(issues(yearTargetSchema, { fiscalYear: 2026, target: "140", reason: "  " })).toEqual(["reason: reasonRequired"]);
    expect(issues(yearTargetSchema, { fiscalYear: "R8", target: "140", reason: "x" })).toEqual(["fiscalYear: fyInvalid"]);
    expect(issues(yearTargetSchema, { fiscalYear: 2026, target: {}, reason: "x" })).toEqual(["target: targetInvalid"]);
  });
});

describe("moves, removals and the lock", () => {
  it("move to a place from 1", () => {
    expect(moveSchema.parse({ to: 2 })).toEqual({ to: 2 });
    expect(issues(moveSchema, { to: 0 })).toEqual(["to: positionInvalid"]);
    expect(issues(moveSchema, { to: 1.5 })).toEqual(["to: positionInvalid"]);
    expect(issues(moveSchema, { to: "2" })).toEqual(["to: positionInvalid"]);
  });

  it("remove with an optional reason, or with no body", () => {
    expect(removeSchema.parse(undefined)).toBeNull();
    expect(removeSchema.parse({})).toBeNull();
    expect(removeSchema.parse({ reason: "重複" })).toBe("重複");
    expect(issues(removeSchema, { reason: "x".repeat(2001) })).toEqual(["reason: reasonTooLong"]);
  });

  it("unlock only with a reason; lock with or without one", () => {
    expect(structureLockSchema.parse({ locked: false, reason: "特設目標の追加" })).toEqual({ locked: false, reason: "特設目標の追加" });
    expect(structureLockSchema.parse({ locked: true })).toEqual({ locked: true });
    expect(issues(structureLockSchema, { locked: false, reason: " " })).toEqual(["reason: reasonRequired"]);
    expect(issues(structureLockSchema, { locked: "no", reason: "x" })).toEqual(["locked: lockInvalid"]);
  });

  it("a KPI's structure changes at least one thing", () => {
    expect(kpiStructureSchema.parse({ counting: "calendar_year" })).toEqual({ counting: "calendar_year" });
    expect(kpiStructureSchema.parse({ unit: "", groupJa: "全体目標" })).toEqual({ unit: null, groupJa: "全体目標", groupEn: "Plan-wide targets" });
    expect(issues(kpiStructureSchema, { reason: "x" })).toEqual([": nothingToChange"]);
    expect(issues(kpiStructureSchema, { counting: "weekly" })).toEqual(["counting: countingUnknown"]);
    expect(issues(kpiStructureSchema, { measure: "share" })[0]).toMatch(/^: /);
  });
});

describe("the routes' parameters", () => {
  it("are codes and numbers", () => {
    expect(kpiParams.safeParse({ code: "plan3", kpi: "plan3-out-1" }).success).toBe(true);
    expect(kpiParams.safeParse({ code: "plan3", kpi: "PLAN3" }).success).toBe(false);
    expect(projectParams.parse({ code: "plan3", no: "8" })).toEqual({ code: "plan3", no: 8 });
    expect(projectParams.safeParse({ code: "plan3", no: "⑧" }).success).toBe(false);
  });
});

describe("message keys of the structure's schemas", () => {
  it("are in AdminStructure or Admin, in both languages", () => {
    const all = [
      newKpiSchema.safeParse({
        code: "X",
        project: "x",
        kind: 1,
        measure: 2,
        unit: 3,
        groupJa: 4,
        nameJa: "",
        nameEn: 5,
        counting: 6,
        definitionJa: 7,
        reason: 8,
      }),
      newKpiSchema.safeParse(kpi({ target: "1.5" })),
      newKpiSchema.safeParse(kpi({ measure: "qualitative", target: "1" })),
      newProjectSchema.safeParse({ code: "" }),
      yearTargetSchema.safeParse({ fiscalYear: "x", target: [], reason: "" }),
      moveSchema.safeParse({ to: -1 }),
      structureLockSchema.safeParse({ locked: 1 }),
      structureLockSchema.safeParse({ locked: false }),
      kpiStructureSchema.safeParse({}),
      removeSchema.safeParse(5),
    ].flatMap((r) => r.error!.issues.map((i) => i.message));
    expect(all.length).toBeGreaterThan(15);
    for (const key of all) {
      expect(key in en.AdminStructure || key in en.Admin, key).toBe(true);
      expect(key in ja.AdminStructure || key in ja.Admin, key).toBe(true);
    }
  });
});
