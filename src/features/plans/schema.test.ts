import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import { kpiEditSchema, newPlanSchema, projectEditSchema } from "@/features/plans/schema";

const issues = (input: unknown) => projectEditSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
const budget = (okuYen: unknown, fiscalYear: unknown = 2023, kind = "amed") => ({ budgets: [{ fiscalYear, kind, okuYen }] });

describe("a project's budget", () => {
  it("reads figures as a Japanese clerk types them", () => {
    expect(projectEditSchema.parse(budget("１,２３４.５")).budgets).toEqual([{ fiscalYear: 2023, kind: "amed", okuYen: 1234.5 }]);
    expect(projectEditSchema.parse(budget("１，２３４")).budgets![0].okuYen).toBe(1234);
    expect(projectEditSchema.parse(budget(" 326 ", "２０２３")).budgets![0]).toEqual({ fiscalYear: 2023, kind: "amed", okuYen: 326 });
    expect(projectEditSchema.parse(budget(0)).budgets![0].okuYen).toBe(0);
  });

  it("is removed by an empty cell", () => {
    expect(projectEditSchema.parse(budget("")).budgets![0].okuYen).toBeNull();
    expect(projectEditSchema.parse(budget(null)).budgets![0].okuYen).toBeNull();
  });

  it("refuses what is not a number, negative numbers, and a year or kind twice", () => {
    expect(issues(budget("abc"))).toEqual(["budgets.0.okuYen: budgetNotANumber"]);
    expect(issues(budget("1,23"))).toEqual(["budgets.0.okuYen: budgetNotANumber"]);
    expect(issues(budget(true))).toEqual(["budgets.0.okuYen: budgetNotANumber"]);
    expect(issues(budget("-5"))).toEqual(["budgets.0.okuYen: budgetNegative"]);
    expect(issues(budget(-0.1))).toEqual(["budgets.0.okuYen: budgetNegative"]);
    expect(issues(budget("1e9"))).toEqual(["budgets.0.okuYen: budgetNotANumber"]);
    expect(issues(budget(5_000_000))).toEqual(["budgets.0.okuYen: budgetTooLarge"]);
    expect(issues(budget(1, 2023, "other"))).toEqual(["budgets.0.kind: kindInvalid"]);
    expect(issues(budget(1, "R5"))).toEqual(["budgets.0.fiscalYear: fyInvalid"]);
    const twice = {
      budgets: [
        { fiscalYear: 2023, kind: "amed", okuYen: 1 },
        { fiscalYear: 2023, kind: "inhouse", okuYen: 1 },
        { fiscalYear: 2023, kind: "amed", okuYen: 2 },
      ],
    };
    expect(issues(twice)).toEqual(["budgets.2.fiscalYear: budgetDuplicate"]);
  });
});

describe("a project's ministries", () => {
  const m = (...list: [string, boolean][]) => ({ ministries: list.map(([ministry, lead]) => ({ ministry, lead })) });

  it("are known ministries, each once, with exactly one lead", () => {
    expect(projectEditSchema.parse(m(["MHLW", true], ["CAO", false])).ministries).toEqual([
      { ministry: "MHLW", lead: true },
      { ministry: "CAO", lead: false },
    ]);
    expect(issues(m(["MHLW", true], ["MOF", false]))).toEqual(["ministries.1.ministry: ministryUnknown"]);
    expect(issues(m(["MHLW", true], ["MEXT", true]))).toEqual(["ministries: leadExactlyOne"]);
    expect(issues(m(["MHLW", false]))).toEqual(["ministries: leadExactlyOne"]);
    expect(issues(m(["MHLW", true], ["MHLW", false]))).toEqual(["ministries.1.ministry: ministryDuplicate"]);
    expect(issues(m())).toEqual(["ministries: ministriesRequired", "ministries: leadExactlyOne"]);
  });
});

describe("a project edit", () => {
  it("has names, an optional reason, and nothing else", () => {
    expect(projectEditSchema.parse({ nameJa: " 医薬品 ", reason: "" })).toEqual({ nameJa: "医薬品", reason: null });
    expect(issues({ nameJa: "" })).toEqual(["nameJa: nameRequired"]);
    expect(issues({ reason: "x" })).toEqual([": nothingToChange"]);
    expect(projectEditSchema.safeParse({ nameJa: "x", code: "other" }).success).toBe(false);
  });
});

describe("a new plan's years", () => {
  const plan = (firstFy: unknown, lastFy: unknown) => newPlanSchema.safeParse({ code: "p3", nameJa: "第3期", nameEn: "Third", firstFy, lastFy });

  it("are read as an admin types them, in the Western or the Japanese calendar", () => {
    expect(plan("令和７年度", "FY2029").data).toMatchObject({ firstFy: 2025, lastFy: 2029 });
    expect(plan(" ２０２５ ", "R11").data).toMatchObject({ firstFy: 2025, lastFy: 2029 });
    expect(plan("平成31年度", "令和元年度").data).toMatchObject({ firstFy: 2019, lastFy: 2019 });
  });

  it("refuse what is no fiscal year", () => {
    expect(plan("R", "2029").error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual(["firstFy: fyInvalid"]);
    expect(plan("2025", "平成32年度").error?.issues.map((i) => i.message)).toEqual(["fyInvalid"]);
    expect(plan("25", "2029").success).toBe(false);
  });
});

describe("message keys", () => {
  it("of every schema's errors are in the messages", () => {
    const all = [
      ...["budgets", "ministries", "nameJa", "reason"].map((k) => projectEditSchema.safeParse({ [k]: 5 })),
      projectEditSchema.safeParse(budget("x", 1, "y")),
      projectEditSchema.safeParse("x"),
      newPlanSchema.safeParse({ code: "A B", nameJa: "", nameEn: 3, firstFy: "x", lastFy: 1900, copyFrom: 7 }),
      newPlanSchema.safeParse({ code: "ok", nameJa: "a", nameEn: "b", firstFy: 2030, lastFy: 2020 }),
      kpiEditSchema.safeParse({ target: "-1", targetQualifier: "most", reason: " " }),
      kpiEditSchema.safeParse([]),
    ].flatMap((r) => r.error!.issues.map((i) => i.message));
    expect(all.length).toBeGreaterThan(12);
    for (const key of all) expect(key in en.AdminProjects || key in en.Admin, key).toBe(true);
  });
});
