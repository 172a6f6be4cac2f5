/**
 * The 3rd plan, end to end below the browser: the migration that brought plan-wide KPIs keeps
 * every 2nd-plan record, the seed holds what the public documents give and nothing more, and
 * made-up FY2025 and FY2026 figures (here only, never in the seed) are rated against the
 * annual targets, counted by calendar year where the KPI says so, and exported.
 */
import Database from "better-sqlite3";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csvRecords, exportRow, followUpAt, openDataJson, type PlanData } from "@/features/follow-up/model";
import { createPrismaClient } from "@/lib/prisma-client";
import { parseSeedFile, seedPlan } from "../../scripts/seed/load";
import { appDb, demoViewer } from "../support/app-db";
import { ROOT, TMP, migratedDb, onPostgres } from "../support/db";

// The app's client singleton (src/lib/db.ts) opens this database: the modules that use it are imported once it is set.
const { url, db } = appDb("plan3.db");

let saveRound: typeof import("@/features/follow-up/mutations").saveRound;
let readPlanData: typeof import("@/features/follow-up/data").readPlanData;
let clerk: { id: number; role: "secretariat" };
beforeAll(async () => {
  ({ saveRound } = await import("@/features/follow-up/mutations"));
  ({ readPlanData } = await import("@/features/follow-up/data"));
  clerk = await demoViewer(db, "secretariat");
});

const SHARED = path.resolve(ROOT, "../shared/data/plan3-structure.json");

// SQLite's history only: PostgreSQL's begins later, at a baseline (prisma/postgres/migrations).
describe.skipIf(onPostgres)("the migration to plan-wide KPIs", () => {
  it("keeps every 2nd-plan record as it was, and gives each KPI its project's plan", () => {
    // The schema before it (every earlier migration), holding the 2nd plan as seeded today.
    const dir = path.join(ROOT, "prisma/migrations");
    const migrations = readdirSync(dir)
      .filter((d) => /^\d{14}_/.test(d))
      .sort();
    const last = migrations.indexOf("20261125000000_plan_wide_kpis_and_annual_targets");
    expect(last).toBeGreaterThan(0);
    const file = path.join(TMP, "plan3-migration.db");
    for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
    const old = new Database(file);
    for (const m of migrations.slice(0, last)) old.exec(readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
    const seeded = url.replace(/^file:/, "");
    old.exec(`ATTACH DATABASE '${seeded}' AS seeded`);
    const columns = (table: string) => (old.prepare(`PRAGMA main.table_info("${table}")`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(", ");
    const plan2 = "(SELECT id FROM seeded.Plan WHERE code = 'plan2')";
    const copies: Record<string, string> = {
      Plan: `id = ${plan2}`,
      Project: `planId = ${plan2}`,
      Kpi: `planId = ${plan2}`,
      YearlyValue: `kpiId IN (SELECT id FROM seeded.Kpi WHERE planId = ${plan2})`,
      FollowUpRound: `planId = ${plan2}`,
      RoundEntry: `roundId IN (SELECT id FROM seeded.FollowUpRound WHERE planId = ${plan2})`,
    };
    for (const [table, where] of Object.entries(copies))
      old.exec(`INSERT INTO main."${table}" (${columns(table)}) SELECT ${columns(table)} FROM seeded."${table}" WHERE ${where}`);
    // Every column each table had, read before and after.
    const oldColumns = Object.fromEntries(Object.keys(copies).map((t) => [t, columns(t)]));
    const dump = (table: string) => old.prepare(`SELECT ${oldColumns[table]} FROM main."${table}" ORDER BY id`).all();
    const before = Object.fromEntries(Object.keys(copies).map((t) => [t, dump(t)]));
    expect(before.Kpi).toHaveLength(52);
    expect(before.YearlyValue.length).toBeGreaterThan(100);

    old.exec(readFileSync(path.join(dir, migrations[last], "migration.sql"), "utf8"));

    for (const table of Object.keys(copies)) expect(dump(table), table).toEqual(before[table]);
    const kpis = old
      .prepare(`SELECT k.planId AS planId, p.planId AS projectPlan, k.counting AS counting FROM main.Kpi k JOIN main.Project p ON p.id = k.projectId`)
      .all() as {
      planId: number;
      projectPlan: number;
      counting: string;
    }[];
    expect(kpis).toHaveLength(52);
    expect(kpis.every((k) => k.planId === k.projectPlan && k.counting === "fiscal_year")).toBe(true);
    expect(old.prepare("SELECT ratingRule FROM main.Plan").all()).toEqual([{ ratingRule: "pro_rata" }]);
    expect(old.prepare("PRAGMA main.foreign_key_check").all()).toEqual([]);
    old.close();
  });
});

describe("the 3rd plan as seeded", () => {
  it("has the eight projects, the plan-wide targets and outcome indicators, and a FY2025 draft round", async () => {
    const plan = (await readPlanData(db, "plan3", { id: clerk.id, role: "secretariat" }))!;
    expect(plan.ratingRule).toBe("annual_targets");
    expect(plan.projects.map((p) => `${p.no} ${p.nameJa}`)).toEqual([
      "1 医薬品プロジェクト",
      "2 医療機器・ヘルスケアプロジェクト",
      "3 再生・細胞医療・遺伝子治療プロジェクト",
      "4 感染症プロジェクト",
      "5 データ利活用・ライフコースプロジェクト",
      "6 シーズ開発・基礎研究プロジェクト",
      "7 橋渡し・臨床加速化プロジェクト",
      "8 イノベーション・エコシステムプロジェクト",
    ]);
    // Ministries only where the documents print them: ④ (健、文、◎厚、経) and ⑧ (健、◎経).
    expect(plan.projects.map((p) => p.ministries.map((m) => `${m.lead ? "◎" : ""}${m.ministry}`).join(","))).toEqual([
      "",
      "",
      "",
      "◎MHLW,CAO,MEXT,METI",
      "",
      "",
      "",
      "◎METI,CAO",
    ]);
    expect(plan.kpis.every((k) => k.projectNo === null)).toBe(true);
    expect(plan.kpis.map((k) => [k.code, k.groupJa, k.target, k.counting])).toEqual([
      ["plan3-out-1", "全体目標", 650, "fiscal_year"],
      ["plan3-out-2", "全体目標", 300, "fiscal_year"],
      ["plan3-out-3", "全体目標", 600, "fiscal_year"],
      ["plan3-out-4", "全体目標", 600, "calendar_year"],
      ["plan3-outcome-1", "アウトカム指標", null, "fiscal_year"],
      ["plan3-outcome-2", "アウトカム指標", null, "fiscal_year"],
      ["plan3-outcome-3", "アウトカム指標", null, "fiscal_year"],
    ]);
    expect(plan.kpis.filter((k) => k.definitionJa).map((k) => k.code)).toEqual([
      "plan3-out-2",
      "plan3-out-3",
      "plan3-outcome-1",
      "plan3-outcome-2",
      "plan3-outcome-3",
    ]);
    expect(plan.rounds.map((r) => [r.fiscalYear, r.status])).toEqual([[2025, "draft"]]);
    expect(plan.kpis.every((k) => k.facts.length === 0)).toBe(true);
  });

  it.runIf(existsSync(SHARED) || process.env.CI)("agrees with the shared structure file, and leaves out what is only in the strategy", async () => {
    const shared = JSON.parse(readFileSync(SHARED, "utf8")) as {
      projects: { no: number; code: string; name_ja: string; name_en: string; ministries: { ministry: string; lead: boolean }[] | null }[];
      kpis: {
        code: string;
        scope: string;
        name_ja: string;
        name_en: string;
        target_total: number | null;
        target_per_year: number | null;
        counting: string | null;
        definition_ja: string | null;
      }[];
    };
    const plan = (await readPlanData(db, "plan3", null))!;
    expect(plan.projects.map((p) => [p.no, p.code, p.nameJa, p.nameEn])).toEqual(shared.projects.map((p) => [p.no, p.code, p.name_ja, p.name_en]));
    expect(plan.projects.map((p) => p.ministries.map((m) => [m.ministry, m.lead]).sort())).toEqual(
      shared.projects.map((p) => (p.ministries ?? []).map((m) => [m.ministry, m.lead]).sort()),
    );
    const inPlan = shared.kpis.filter((k) => k.scope === "plan");
    expect(shared.kpis.some((k) => k.scope === "strategy")).toBe(true);
    expect(plan.kpis.map((k) => k.code)).toEqual(inPlan.map((k) => k.code));
    for (const k of inPlan) {
      const mine = plan.kpis.find((x) => x.code === k.code)!;
      expect([mine.nameJa, mine.nameEn, mine.target, mine.definitionJa], k.code).toEqual([k.name_ja, k.name_en, k.target_total, k.definition_ja]);
      if (k.counting) expect(mine.counting, k.code).toBe(k.counting);
      // The annual target the plan prints is the default, the total ÷ 5.
      if (k.target_per_year !== null) expect(followUpAt(plan, 2025).rows.find((r) => r.code === k.code)!.status.annual?.[0].target).toBe(k.target_per_year);
    }
  });
});

describe("seeding again", () => {
  it("leaves the structure as an admin shaped it: a removed project or KPI does not come back", async () => {
    const file = parseSeedFile(JSON.parse(readFileSync(path.join(ROOT, "seeds/plan3.json"), "utf8")));
    const scratch = createPrismaClient(migratedDb("plan3-reseed.db"));
    try {
      await seedPlan(scratch, file);
      const plan = await scratch.plan.findUniqueOrThrow({ where: { code: "plan3" } });
      await scratch.kpi.deleteMany({ where: { planId: plan.id, code: "plan3-outcome-3" } });
      await scratch.project.deleteMany({ where: { planId: plan.id, no: 8 } });
      await seedPlan(scratch, file);
      expect(await scratch.kpi.count({ where: { planId: plan.id } })).toBe(6);
      expect(await scratch.project.count({ where: { planId: plan.id } })).toBe(7);
      expect(await scratch.followUpRound.count({ where: { planId: plan.id } })).toBe(1);
    } finally {
      await scratch.$disconnect();
    }
  });
});

describe("made-up FY2025 and FY2026 figures against the annual targets", () => {
  const row = (kpi: string, value: string, valueVersion = 0) => ({ kpi, valueVersion, entryVersion: 0, value });
  let plan: PlanData;

  beforeAll(async () => {
    // FY2025: 140 seeds transferred (target 130), 50 trials (60), calendar 2025's 118 Top1% papers (120), 7 approvals (observed).
    expect(
      await saveRound(
        "plan3",
        2025,
        { rows: [row("plan3-out-1", "１４０"), row("plan3-out-2", "50"), row("plan3-out-4", "118"), row("plan3-outcome-1", "7")], evaluations: [] },
        clerk,
      ),
    ).toMatchObject({ kind: "saved", changes: 4 });
    // FY2026 (its round is opened by this save): 110 more seeds, 75 more trials, calendar 2026's "1,2" is refused, then 125 papers.
    expect(await saveRound("plan3", 2026, { rows: [row("plan3-out-4", "1,2.5")], evaluations: [] }, clerk)).toMatchObject({ kind: "invalid" });
    expect(
      await saveRound("plan3", 2026, { rows: [row("plan3-out-1", "110"), row("plan3-out-2", "75"), row("plan3-out-4", "125")], evaluations: [] }, clerk),
    ).toMatchObject({ kind: "saved", changes: 3 });
    plan = (await readPlanData(db, "plan3", { id: clerk.id, role: "secretariat" }))!;
  });

  const status = (fy: number, code: string) => followUpAt(plan, fy).rows.find((r) => r.code === code)!.status;

  it("rates FY2025 against one year's target and FY2026 against the sum of two", () => {
    expect([status(2025, "plan3-out-1").cumulative.value, status(2025, "plan3-out-1").expected, status(2025, "plan3-out-1").ratingAuto]).toEqual([
      140,
      130,
      "A",
    ]);
    expect([status(2026, "plan3-out-1").cumulative.value, status(2026, "plan3-out-1").expected, status(2026, "plan3-out-1").ratingAuto]).toEqual([
      250,
      260,
      "B",
    ]);
    expect([status(2025, "plan3-out-2").cumulative.value, status(2025, "plan3-out-2").ratingAuto]).toEqual([50, "B"]);
    expect([status(2026, "plan3-out-2").cumulative.value, status(2026, "plan3-out-2").expected, status(2026, "plan3-out-2").ratingAuto]).toEqual([
      125,
      120,
      "A",
    ]);
    // Each year's actual against that year's target.
    expect(
      status(2026, "plan3-out-1")
        .annual!.slice(0, 2)
        .map((y) => [y.fiscalYear, y.target, y.actual, y.met]),
    ).toEqual([
      [2025, 130, 140, true],
      [2026, 130, 110, false],
    ]);
    // An outcome indicator is observed: a cumulative, no target, no rating.
    expect([status(2025, "plan3-outcome-1").cumulative.value, status(2025, "plan3-outcome-1").expected, status(2025, "plan3-outcome-1").ratingAuto]).toEqual([
      7,
      null,
      null,
    ]);
  });

  it("follows an annual target an admin set apart", async () => {
    const kpi = await db.kpi.findFirstOrThrow({ where: { code: "plan3-out-1", plan: { code: "plan3" } } });
    await db.kpiYearTarget.create({ data: { kpiId: kpi.id, fiscalYear: 2026, target: 100, reason: "test" } });
    try {
      const edited = (await readPlanData(db, "plan3", { id: clerk.id, role: "secretariat" }))!;
      const s = followUpAt(edited, 2026).rows.find((r) => r.code === "plan3-out-1")!.status;
      expect([s.expected, s.ratingAuto, s.annual![1].set]).toEqual([230, "A", true]);
    } finally {
      await db.kpiYearTarget.delete({ where: { kpiId_fiscalYear: { kpiId: kpi.id, fiscalYear: 2026 } } });
    }
  });

  it("keys a calendar-year KPI's figures by the round that reports them: FY2025's round holds calendar 2025", () => {
    const papers = status(2026, "plan3-out-4");
    expect(papers.values).toEqual({ 2025: 118, 2026: 125 });
    expect([papers.cumulative.value, papers.expected, papers.ratingAuto]).toEqual([243, 240, "A"]);
    expect(status(2025, "plan3-out-4").ratingAuto).toBe("B");
  });

  it("exports plan-wide rows with project null, their counting, the targets per year and the rule", () => {
    const { rows } = followUpAt(plan, 2026);
    const json = openDataJson({ plan, round: plan.rounds.find((r) => r.fiscalYear === 2026)!, rows });
    expect(json.plan.rating_rule).toBe("annual_targets");
    const papers = json.rows.find((r) => r.kpi === "plan3-out-4")!;
    expect(papers).toMatchObject({
      project: null,
      counting: "calendar_year",
      rating_rule: "annual_targets",
      target: 600,
      target_per_year: { 2025: 120, 2026: 120, 2027: 120, 2028: 120, 2029: 120 },
      values: { 2025: 118, 2026: 125 },
      cumulative: 243,
      expected: 240,
      rating_auto: "A",
      rating: null,
    });
    // FY2026 has no approvals figure yet: the cumulative is unknown, never FY2025's carried on.
    expect(json.rows.find((r) => r.kpi === "plan3-outcome-1")).toMatchObject({
      project: null,
      target: null,
      target_per_year: null,
      values: { 2025: 7 },
      cumulative: null,
      missing_years: [{ from: 2026, to: 2026, sum: null }],
    });
    const csv = csvRecords(rows.map(exportRow), plan).find((r) => r.kpi === "plan3-out-1")!;
    expect([
      csv.project,
      csv.counting,
      csv.rating_rule,
      csv.value_2025,
      csv.value_2026,
      csv.target_2025,
      csv.target_2029,
      csv.expected,
      csv.rating_auto,
    ]).toEqual([null, "fiscal_year", "annual_targets", 140, 110, 130, 130, 260, "B"]);
  });

  it("leaves the 2nd plan's open data as it was, apart from the new fields", async () => {
    const plan2 = (await readPlanData(db, "plan2", null))!;
    const rows = followUpAt(plan2, 2024).rows.map(exportRow);
    expect(rows.every((r) => r.project !== null && r.counting === "fiscal_year" && r.target_per_year === null && r.rating_rule === "pro_rata")).toBe(true);
    // The CSV's columns up to the markers are the ones it had; the new ones follow them.
    const keys = Object.keys(csvRecords(rows, plan2)[0]);
    expect(keys.slice(keys.indexOf("markers") + 1)).toEqual([
      "counting",
      "rating_rule",
      "target_2020",
      "target_2021",
      "target_2022",
      "target_2023",
      "target_2024",
    ]);
  });
});
