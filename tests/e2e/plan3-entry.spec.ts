/**
 * The 3rd plan's plan-wide KPIs through every secretariat screen and file: the grid (its own
 * section, a preview rated against the annual targets, the calendar year of Top1% papers),
 * the template and its import, the open data, the slides and the audit trail. The spec works
 * on a copy of the 3rd plan as seeded (plan3-e2e-entry, one of SPEC_PLANS), with figures made
 * up here: they are no official figures.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { apiAs, DEMO, seedPlan3Copy, sql } from "../support/e2e";

const PLAN = "plan3-e2e-entry";
const API = `/api/plans/${PLAN}`;
const OUT = path.resolve(__dirname, "../.tmp/plan3-entry");
mkdirSync(OUT, { recursive: true });
/** The stored single-year value of one of this plan's KPIs. */
const valueOf = (kpi: string, fy: number) =>
  sql<{ value: number }>(
    `SELECT v.value FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId JOIN Plan pl ON pl.id = k.planId AND pl.code = '${PLAN}' WHERE k.code = ? AND v.fiscalYear = ?`,
    kpi,
    fy,
  )[0]?.value;
const row = (kpi: string, fields: Record<string, unknown>) => ({ kpi, valueVersion: 0, entryVersion: 0, ...fields });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const OUT_1 = "権利譲渡契約・実施許諾契約・共同研究開発契約件数(シーズの企業導出件数)";

test.describe.serial("the plan-wide KPIs of the 3rd plan, entered and reported", () => {
  let secretariat: APIRequestContext, anonymous: APIRequestContext;

  test.beforeAll(async ({ playwright, baseURL }) => {
    seedPlan3Copy({ code: PLAN, nameJa: "第３期計画（全体目標の入力試験用の写し）", nameEn: "3rd plan (copy for the plan-wide entry tests)" });
    [secretariat, anonymous] = await Promise.all([apiAs(playwright, baseURL!, DEMO.secretariat, "10.9.0.1"), apiAs(playwright, baseURL!, null, "10.9.0.2")]);
  });

  test("the grid has a section of plan-wide KPIs first, previews their rating against the year's target, and saves them", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: "ja-JP", extraHTTPHeaders: { "X-Forwarded-For": "10.9.0.3" } });
    const page = await context.newPage();
    await page.goto(`${baseURL}/ja/signin`);
    await page.getByLabel("メールアドレス").fill(DEMO.secretariat.email);
    await page.getByLabel("パスワード").fill(DEMO.secretariat.password);
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect(page).toHaveURL(/\/ja$/);
    await page.goto(`${baseURL}/ja/workspace/${PLAN}/2025`);
    await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("計画全体の指標");
    const region = page.getByRole("region", { name: "計画全体の指標の入力表" });
    await expect(region.getByRole("row")).toHaveCount(8); // the heading row, four targets, three outcome indicators

    await expect(region.getByLabel("令和7年度の単年実績").first()).toHaveAttribute("id", "plan3-out-1-value");
    const input = page.locator("#plan3-out-1-value");
    const cells = region.getByRole("row").filter({ has: input }).locator("td");
    // 650 over five years: 130 in FY2025
    await expect(cells.nth(0)).toContainText("令和7年度の目標: 130件");
    await input.fill("１２０");
    await expect(cells.nth(1)).toContainText("累計: 120件");
    await expect(cells.nth(1)).toContainText("累計目標: 130件");
    await expect(cells.nth(1)).toContainText("自動判定: B");
    await input.fill("140");
    await expect(cells.nth(1)).toContainText("自動判定: A");
    // Top1% papers count calendar years: the FY2025 round takes calendar 2025's
    await expect(region.getByLabel("2025年（暦年）の単年実績")).toHaveAttribute("id", "plan3-out-4-value");
    await region.getByLabel("2025年（暦年）の単年実績").fill("131");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect.poll(() => valueOf("plan3-out-1", 2025)).toBe(140);
    expect(valueOf("plan3-out-4", 2025)).toBe(131);
    await expect(page.locator("#plan3-out-1-value")).toHaveValue("140");

    await page.goto(`${baseURL}/en/workspace/${PLAN}/2025`);
    const en = page.getByRole("region", { name: "Entry table, plan-wide indicators" });
    await expect(en.getByLabel("Single-year actual, CY2025 (calendar year)")).toHaveValue("131");
    await expect(en.getByRole("row").filter({ has: page.locator("#plan3-out-1-value") })).toContainText("Target for FY2025: 130");
    await expect(en.getByRole("row").filter({ has: page.locator("#plan3-out-1-value") })).toContainText("Annual targets to date: 130");
    await context.close();
  });

  test("the template lists the plan-wide rows, and a file with full-width digits in one imports", async () => {
    const res = await secretariat.get(`${API}/rounds/2025/template`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as string[]).slice(1);
    const cell = (code: string, column: string) =>
      ws
        .getRows(2, ws.rowCount - 1)!
        .find((r) => r.getCell(1).text === code)!
        .getCell(header.indexOf(column) + 1);
    expect(ws.rowCount - 1).toBe(7);
    expect(["project", "counting", "year_target", "value"].map((c) => cell("plan3-out-1", c).text)).toEqual(["全体", "fiscal_year", "130", "140"]);
    expect(["counting", "year_target", "value"].map((c) => cell("plan3-out-4", c).text)).toEqual(["calendar_year", "120", "131"]);
    expect(cell("plan3-outcome-1", "year_target").text).toBe("");

    // A clerk types full-width digits in the template, and a thousands separator.
    cell("plan3-out-2", "value").value = "６４";
    cell("plan3-out-3", "value").value = "1,180";
    const file = { name: "令和7年度.xlsx", mimeType: XLSX, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
    const preview = await secretariat.post(`${API}/rounds/2025/import?lang=ja&mode=preview`, { multipart: { file } });
    expect(preview.status()).toBe(200);
    const checked = await preview.json();
    expect(checked.changes).toEqual([
      {
        row: ws.getRows(2, ws.rowCount - 1)!.findIndex((r) => r.getCell(1).text === "plan3-out-2") + 2,
        kpi: "plan3-out-2",
        project: null,
        field: "value",
        oldValue: null,
        newValue: "64",
      },
      {
        row: ws.getRows(2, ws.rowCount - 1)!.findIndex((r) => r.getCell(1).text === "plan3-out-3") + 2,
        kpi: "plan3-out-3",
        project: null,
        field: "value",
        oldValue: null,
        newValue: "1180",
      },
    ]);
    expect(valueOf("plan3-out-2", 2025)).toBeUndefined();
    const applied = await secretariat.post(`${API}/rounds/2025/import?lang=ja&mode=apply`, { multipart: { file, token: checked.token } });
    expect(applied.status()).toBe(200);
    expect([valueOf("plan3-out-2", 2025), valueOf("plan3-out-3", 2025)]).toEqual([64, 1180]);
  });

  test("the open data of a second year says what a plan-wide row is, how it counts and what it is rated against", async () => {
    const saved = await secretariat.post(`${API}/rounds/2026/entries?lang=ja`, {
      data: { rows: [row("plan3-out-1", { value: "１２０" }), row("plan3-out-2", { value: "50" }), row("plan3-out-4", { value: "117" })] },
    });
    expect(saved.status()).toBe(200);
    const json = await (await secretariat.get(`${API}/follow-up?fy=2026`)).json();
    expect(json.plan).toMatchObject({ code: PLAN, first_fy: 2025, last_fy: 2029, rating_rule: "annual_targets" });
    const out1 = json.rows.find((r: { kpi: string }) => r.kpi === "plan3-out-1");
    expect(out1).toMatchObject({
      project: null,
      counting: "fiscal_year",
      rating_rule: "annual_targets",
      target: 650,
      target_per_year: { "2025": 130, "2026": 130, "2027": 130, "2028": 130, "2029": 130 },
      values: { "2025": 140, "2026": 120 },
      cumulative: 260,
      expected: 260,
      rating_auto: "A",
    });
    // 64 + 50 = 114 against 60 + 60
    expect(json.rows.find((r: { kpi: string }) => r.kpi === "plan3-out-2")).toMatchObject({ project: null, cumulative: 114, expected: 120, rating_auto: "B" });
    expect(json.rows.find((r: { kpi: string }) => r.kpi === "plan3-out-4")).toMatchObject({ project: null, counting: "calendar_year", cumulative: 248 });
    expect(json.rows.find((r: { kpi: string }) => r.kpi === "plan3-outcome-1")).toMatchObject({ project: null, target: null, target_per_year: null });

    const csv = Papa.parse<Record<string, string>>((await (await secretariat.get(`${API}/follow-up?fy=2026&format=csv`)).text()).replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    });
    const line = csv.data.find((r) => r.kpi === "plan3-out-4")!;
    expect([line.project, line.counting, line.rating_rule, line.target_2026, line.value_2026, line.cumulative]).toEqual([
      "",
      "calendar_year",
      "annual_targets",
      "120",
      "117",
      "248",
    ]);
    // a draft: for signed-in users only
    expect((await anonymous.get(`${API}/follow-up?fy=2026`)).status()).toBe(404);
  });

  for (const lang of ["ja", "en"] as const) {
    test(`the ${lang} slides have the plan-wide KPIs' figures and their annual targets to date`, async () => {
      const res = await secretariat.get(`${API}/follow-up/slides?fy=2026&lang=${lang}`, { timeout: 60_000 });
      expect(res.status()).toBe(200);
      const file = path.join(OUT, `${PLAN}-FY2026-${lang}.pdf`);
      writeFileSync(file, await res.body());
      const flat = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      if (lang === "ja") {
        const table = flat.indexOf("計画全体の達成目標と最新の数値");
        expect(table).toBeGreaterThan(flat.indexOf("統合プロジェクト別の進捗評価"));
        expect(flat).toContain(OUT_1);
        expect(flat).toContain("260件");
        expect(flat).toContain("（140/120）");
        expect(flat).toContain("（累計目標260件）");
        expect(flat).toContain("医療研究分野の論文数(Top1%論文)（暦年）");
        expect(flat).toContain("（131/117）");
        expect(flat).toContain("計画全体：目標と年度目標の累計に対する達成率（令和8年度）");
      } else {
        expect(flat).toContain("Plan-wide:targetsandlatestvalues");
        expect(flat).toContain("Numberofrights-assignment,licensingandjointR&Dcontracts");
        expect(flat).toContain("(todate:260)");
        expect(flat).toContain("(140/120)");
        expect(flat).toContain("(calendaryear)");
      }
    });
  }

  test("the audit trail lists the plan-wide KPIs in its filter, and names them in its rows", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL!, "X-Forwarded-For": "10.9.0.4" } });
    expect((await context.request.post("/api/auth/signin", { data: DEMO.secretariat })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`/ja/workspace/${PLAN}/audit`);
    const filter = page.getByLabel("指標");
    await expect(filter.locator("optgroup").first()).toHaveAttribute("label", "計画全体の指標");
    await filter.selectOption("plan3-out-1");
    await page.getByRole("button", { name: "表示" }).click();
    await expect(page).toHaveURL(/kpi=plan3-out-1(&|$)/);
    const fy2025 = page.getByRole("row").filter({ hasText: `全体 ${OUT_1} · 令和7年度 · 単年実績` });
    await expect(fy2025).toHaveCount(1);
    await expect(fy2025.getByRole("cell").nth(1)).toHaveText("事務局（デモ）");
    await expect(fy2025.getByRole("cell").nth(4)).toHaveText("140");
    await expect(
      page
        .getByRole("row")
        .filter({ hasText: `全体 ${OUT_1} · 令和8年度 · 単年実績` })
        .getByRole("cell")
        .nth(4),
    ).toHaveText("120");
    await expect(page.getByRole("row").filter({ hasText: "治験に至った件数" })).toHaveCount(0); // only that indicator
    await context.close();
  });

  test.afterAll(async () => {
    for (const c of [secretariat, anonymous]) await c?.dispose();
  });
});
