/**
 * The dashboards of the 3rd plan: its plan-wide KPIs (全体目標, アウトカム指標) and its rule
 * (A when the cumulative reaches the sum of the annual targets to date). The spec works on a
 * copy of the 3rd plan of its own (plan3-e2e-dash), into which the secretariat enters made-up
 * FY2025 and FY2026 figures through the API: the figures exist only here.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { apiAs, DEMO, seedPlan3Copy } from "../support/e2e";

const PLAN = "plan3-e2e-dash";
const CLIENT = "10.12.0.1";
/** Made up for this spec. Annual targets (the seeded totals ÷ 5): out-1 130, out-2 60, out-3 120, out-4 120 a year. */
const FIGURES: Record<number, Record<string, string>> = {
  2025: { "plan3-out-1": "140", "plan3-out-2": "50", "plan3-out-4": "125", "plan3-outcome-1": "3" },
  2026: { "plan3-out-1": "110", "plan3-out-2": "75", "plan3-out-4": "118" },
};

const NAMES = {
  out1: {
    ja: "権利譲渡契約・実施許諾契約・共同研究開発契約件数(シーズの企業導出件数)",
    en: "Number of rights-assignment, licensing and joint R&D contracts (seeds transferred to companies)",
  },
  out4: { ja: "医療研究分野の論文数(Top1%論文)", en: "Number of medical research papers (top 1% most-cited)" },
  outcome1: { ja: "薬事承認", en: "Regulatory (marketing) approvals" },
};

/** A KPI's row in a table, by the link of its name. */
function kpiRow(page: Page, name: string) {
  return page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) })
    .first();
}

/** The rows of a table as the texts of their cells. */
async function cells(page: Page, table: string) {
  return page
    .getByRole("table", { name: table })
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? "").trim())));
}

async function noSeriousAxe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${page.url()}: ${v.id}`)).toEqual([]);
}

test.describe.serial("the 3rd plan's dashboards", () => {
  let context: BrowserContext;
  let page: Page;
  const base = (locale: string, fy: number) => `/${locale}/plans/${PLAN}/${fy}`;

  test.beforeAll(async ({ browser, playwright, baseURL }) => {
    seedPlan3Copy({ code: PLAN, nameJa: "第３期計画（ダッシュボード試験用の写し）", nameEn: "3rd plan (copy for the dashboard tests)" });
    const secretariat = await apiAs(playwright, baseURL!, DEMO.secretariat, CLIENT);
    for (const [fy, values] of Object.entries(FIGURES)) {
      const rows = Object.entries(values).map(([kpi, value]) => ({ kpi, value, valueVersion: 0, entryVersion: 0 }));
      // FY2025's draft round is seeded; the first save of FY2026 opens its round
      const res = await secretariat.post(`/api/plans/${PLAN}/rounds/${fy}/entries?lang=ja`, { data: { rows } });
      expect(res.status(), await res.text()).toBe(200);
    }
    // the rounds are drafts: only a signed-in member sees them
    context = await browser.newContext({ baseURL, storageState: await secretariat.storageState(), extraHTTPHeaders: { "X-Forwarded-For": CLIENT } });
    await secretariat.dispose();
    page = await context.newPage();
  });
  test.afterAll(async () => context.close());

  test("the overview shows the plan-wide targets and indicators before the projects, and says a project has no KPIs yet", async () => {
    await page.goto(base("ja", 2026));
    const headings = await page.locator("main h2").allTextContents();
    expect(headings.indexOf("全体目標・アウトカム指標")).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf("全体目標・アウトカム指標")).toBeLessThan(headings.indexOf("統合プロジェクトの進捗"));
    const planWide = page.getByRole("region", { name: "全体目標・アウトカム指標" });
    await expect(planWide.locator("tr.group th")).toHaveText(["○全体目標", "○アウトカム指標"]);
    const out1 = kpiRow(page, NAMES.out1.ja);
    await expect(out1).toContainText("250件（140/110）");
    await expect(out1).toContainText("令和8年度の目標 130件");
    await expect(out1.locator(".rating")).toHaveText(/^B自動/);
    await expect(planWide.getByRole("columnheader", { name: "年度目標の合計に対する達成率" })).toBeVisible();
    await expect(planWide.getByRole("definition").first()).toHaveText(/A.*2.*B.*1.*評価なし\s*4/);
    await expect(page.getByText("「暦年」と付いた指標は暦年（1月～12月）の数値")).toBeVisible();
    await expect(page.getByText("このアプリが計画の年度目標ルール").first()).toBeVisible();
    await expect(page.getByRole("region", { name: "① 医薬品プロジェクト" })).toContainText("この統合プロジェクトのKPIは、まだ登録されていません。");
    await expect(page.getByRole("region", { name: "① 医薬品プロジェクト" }).getByRole("table")).toHaveCount(0);
    await noSeriousAxe(page);

    await planWide.getByRole("link", { name: "全体目標・アウトカム指標の報告を見る" }).click();
    await expect(page).toHaveURL(new RegExp(`/ja/plans/${PLAN}/2026/plan-wide$`));

    await page.goto(base("en", 2026));
    const en = page.getByRole("region", { name: "Plan-wide targets and indicators" });
    await expect(en.locator("tr.group th")).toHaveText(["○Plan-wide targets", "○Outcome indicators"]);
    await expect(en).toContainText("FY2026 target: 130");
    await expect(en).toContainText("CY2026 target: 120");
    await expect(en.getByText("calendar year", { exact: true })).toBeVisible();
  });

  test("the plan-wide page reports them as a project's report does, and is in the plan's tabs", async () => {
    await page.goto(`${base("ja", 2026)}/plan-wide`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("全体目標・アウトカム指標：令和8年度フォローアップ");
    await expect(page.getByRole("navigation", { name: "計画" }).getByRole("link", { name: "全体目標・指標" })).toHaveAttribute("aria-current", "page");
    const out1 = kpiRow(page, NAMES.out1.ja);
    await expect(out1).toContainText("650件");
    await expect(out1).toContainText("令和8年度の目標 130件");
    await expect(out1).toContainText("250件（140/110）");
    await expect(out1.locator(".rating")).toHaveText(/^B自動/);
    const out4 = kpiRow(page, NAMES.out4.ja);
    await expect(out4.getByRole("rowheader")).toHaveText(`${NAMES.out4.ja}暦年`);
    await expect(out4).toContainText("2026年の目標 120件");
    await expect(out4).toContainText("243件（125/118）");
    await expect(page.getByRole("heading", { name: "＜アウトカム＞" })).toBeVisible();
    // FY2025's figure alone (no unit), FY2026's not entered: no cumulative, and the gap is said
    await expect(kpiRow(page, NAMES.outcome1.ja)).toContainText("データなし（3/R8はデータなし）");
    await noSeriousAxe(page);

    await page.goto(`${base("en", 2026)}/plan-wide`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plan-wide targets and indicators: FY2026 follow-up");
    await expect(kpiRow(page, NAMES.out1.en)).toContainText("FY2026 target: 130");
  });

  test("a KPI page says which rule rates it and shows the figures that decide it, year by year", async () => {
    await page.goto(`${base("ja", 2026)}/kpis/plan3-out-1`);
    await expect(page.locator(".breadcrumb").getByRole("link")).toHaveText("全体目標・アウトカム指標");
    await expect(page.locator(".breadcrumb").getByRole("link")).toHaveAttribute("href", `/ja/plans/${PLAN}/2026/plan-wide`);
    const rule = page.getByRole("region", { name: "自動判定のルール" });
    await expect(rule).toContainText("年度目標ルール：各年度の目標は計画期間の目標 ÷ 5年");
    await expect(rule).toContainText("累計 250件 < 年度目標の合計 260件（令和7年度 130件 + 令和8年度 130件） → B（進捗が不十分）");
    await expect(page.locator(".summary")).toContainText("年度目標の合計（令和8年度まで）260件");
    await expect(page.locator(".summary")).toContainText("集計の単位年度（4月～翌3月）");
    // each year's actual against that year's target
    expect(await cells(page, `${NAMES.out1.ja}の年度別の数値`)).toEqual([
      ["令和7年度", "140件", "130件", "✓ 達成", "140件", "130件"],
      ["令和8年度", "110件", "130件", "✗ 未達", "250件", "260件"],
    ]);
    await noSeriousAxe(page);

    // as of FY2025, the same KPI was on track
    await page.goto(`${base("ja", 2025)}/kpis/plan3-out-1`);
    await expect(page.getByRole("region", { name: "自動判定のルール" })).toContainText(
      "累計 140件 ≥ 年度目標の合計 130件（令和7年度 130件） → A（順調に進捗している）",
    );

    await page.goto(`${base("en", 2026)}/kpis/plan3-out-1`);
    const en = page.getByRole("region", { name: "How the automatic rating is decided" });
    await expect(en).toContainText("Annual-target rule: each year's target is the plan's target ÷ 5 years");
    await expect(en).toContainText("Cumulative 250 < the sum of the annual targets 260 (FY2025 130 + FY2026 130) → B (Insufficient progress)");
    expect(await cells(page, `${NAMES.out1.en} by fiscal year`)).toEqual([
      ["FY2025", "140", "130", "✓ Met", "140", "130"],
      ["FY2026", "110", "130", "✗ Not met", "250", "260"],
    ]);

    // a year short of its target while the cumulative reaches the sum: A
    await page.goto(`${base("ja", 2026)}/kpis/plan3-out-2`);
    await expect(page.getByText("※定義：AMED 支援による研究成果を活用して治験へ移行した課題")).toBeVisible();
    await expect(page.getByRole("region", { name: "自動判定のルール" })).toContainText(
      "累計 125件 ≥ 年度目標の合計 120件（令和7年度 60件 + 令和8年度 60件） → A（順調に進捗している）",
    );
    expect((await cells(page, "治験に至った件数の年度別の数値")).map((r) => r[3])).toEqual(["✗ 未達", "✓ 達成"]);
  });

  test("a KPI counted by calendar year says so, and names its years 2025年 / CY2025", async () => {
    await page.goto(`${base("ja", 2026)}/kpis/plan3-out-4`);
    await expect(page.locator(".summary")).toContainText("暦年（1月～12月）令和8年度のフォローアップで2026年の数値を報告します。");
    await expect(page.getByRole("region", { name: "自動判定のルール" })).toContainText(
      "累計 243件 ≥ 年度目標の合計 240件（2025年 120件 + 2026年 120件） → A（順調に進捗している）",
    );
    const table = page.getByRole("table", { name: `${NAMES.out4.ja}の暦年別の数値` });
    await expect(table.getByRole("columnheader").first()).toHaveText("年（暦年）");
    expect(await cells(page, `${NAMES.out4.ja}の暦年別の数値`)).toEqual([
      ["2025年", "125件", "120件", "✓ 達成", "125件", "120件"],
      ["2026年", "118件", "120件", "✗ 未達", "243件", "240件"],
    ]);

    await page.goto(`${base("en", 2026)}/kpis/plan3-out-4`);
    await expect(page.locator(".summary")).toContainText("Calendar year (January–December)The FY2026 follow-up reports CY2026.");
    await expect(page.getByRole("region", { name: "How the automatic rating is decided" })).toContainText(
      "Cumulative 243 ≥ the sum of the annual targets 240 (CY2025 120 + CY2026 120) → A (On track)",
    );
    const en = page.getByRole("table", { name: `${NAMES.out4.en} by calendar year` });
    await expect(en.getByRole("columnheader").first()).toHaveText("Calendar year");
    await expect(en.getByRole("rowheader")).toHaveText(["CY2025", "CY2026"]);
  });

  test("a KPI with no figures yet, and an indicator without a target, say so", async () => {
    for (const locale of ["ja", "en"] as const) {
      await page.goto(`${base(locale, 2025)}/kpis/plan3-out-3`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("region", { name: locale === "ja" ? "自動判定のルール" : "How the automatic rating is decided" })).toContainText(
        locale === "ja"
          ? "令和7年度時点の累計はまだ記載・入力されていないため、自動判定はありません。比べる値は年度目標の合計 120件（令和7年度 120件）です。"
          : "No cumulative has been entered as of FY2025 yet, so there is no automatic rating. It will be compared with the sum of the annual targets 120 (FY2025 120).",
      );
      await expect(
        page.getByText(locale === "ja" ? "令和7年度時点の数値は、まだ記載・入力されていません。" : "No figures have been entered as of FY2025 yet."),
      ).toBeVisible();
      expect(await page.locator("main").textContent()).not.toMatch(/NaN|undefined|Infinity/);
    }
    await page.goto(`${base("ja", 2026)}/kpis/plan3-outcome-1`);
    await expect(page.getByRole("region", { name: "自動判定のルール" })).toHaveText(/目標のない指標（数値を観測する指標）には自動判定がありません。/);
    await expect(page.locator(".breadcrumb")).toHaveText("全体目標・アウトカム指標");
  });

  test("the comparison groups the plan-wide KPIs before the projects", async () => {
    for (const [locale, heading, first] of [
      ["ja", "全体目標・アウトカム指標", "① 医薬品プロジェクト"],
      ["en", "Plan-wide targets and indicators", "① Pharmaceuticals Project"],
    ] as const) {
      await page.goto(`${base(locale, 2026)}/compare`);
      const groups = await page.locator("tr.group th").allTextContents();
      expect(groups.slice(0, 2)).toEqual([heading, first]);
      const kpis = page.getByRole("table").locator("tbody").first().getByRole("link");
      await expect(kpis).toHaveCount(7);
    }
  });

  test("the public sees the plan-wide frame of targets, without the draft figures", async ({ browser, baseURL }) => {
    const anonymous = await browser.newContext({ baseURL });
    const pub = await anonymous.newPage();
    await pub.goto(`/ja/plans/${PLAN}/2025/plan-wide`);
    // the draft is not the public's: for them FY2025 has no follow-up, as the overview says
    await expect(pub.getByRole("heading", { level: 1 })).toHaveText("全体目標・アウトカム指標：令和7年度時点");
    await expect(pub.locator(".notice")).toHaveText("令和7年度のフォローアップはありません。");
    const out1 = kpiRow(pub, NAMES.out1.ja);
    await expect(out1).toContainText("650件");
    await expect(out1).toContainText("データなし");
    // "no data" is said once, not again in brackets as the year's own "no data"
    await expect(out1).not.toContainText("データなし（");
    await expect(out1).not.toContainText("140");
    await pub.goto(`/ja/plans/${PLAN}/2025`);
    await expect(pub.getByRole("region", { name: "全体目標・アウトカム指標" })).toBeVisible();
    await anonymous.close();
  });
});

for (const locale of ["ja", "en"] as const) {
  test(`${locale}: the plan-wide page of a year without a follow-up says so, as the overview does, and says "no data" once`, async ({ page }) => {
    const ja = locale === "ja";
    await page.goto(`/${locale}/plans/plan3/2025`);
    const notice = ja ? "令和7年度のフォローアップはありません。" : "There is no follow-up for FY2025.";
    await expect(page.locator(".notice")).toHaveText(notice);
    await page.goto(`/${locale}/plans/plan3/2025/plan-wide`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      ja ? "全体目標・アウトカム指標：令和7年度時点" : "Plan-wide targets and indicators as of FY2025",
    );
    await expect(page.locator(".notice")).toHaveText(notice);
    const out1 = kpiRow(page, NAMES.out1[locale]);
    await expect(out1).toContainText(ja ? "データなし" : "No data");
    await expect(page.getByRole("main")).not.toContainText(ja ? "データなし（" : "No data (");
    // a project's page of that year alike
    await page.goto(`/${locale}/plans/plan3/2025/projects/1`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ja ? "① 医薬品プロジェクト：令和7年度時点" : "① Pharmaceuticals Project: as of FY2025");
  });
}

test("the 2nd plan's KPI pages explain the pro-rata rule with their figures, and it has no plan-wide page", async ({ page }) => {
  await page.goto("/ja/plans/plan2/2022/kpis/pharma-out-1");
  await expect(page.getByRole("region", { name: "自動判定のルール" })).toContainText(
    "累計 128件 ≥ 目標 25件 × 経過 3年 ÷ 5年 = 15件 → A（順調に進捗している）",
  );
  await page.goto("/en/plans/plan2/2022/kpis/pharma-out-1");
  await expect(page.getByRole("region", { name: "How the automatic rating is decided" })).toContainText(
    "Cumulative 128 ≥ the target 25 × 3 years elapsed ÷ 5 years = 15 → A (On track)",
  );
  // genome's clinical POC in FY2021: 3 < 10 × 2/5
  await page.goto("/ja/plans/plan2/2021/kpis/genome-out-2");
  await expect(page.getByRole("region", { name: "自動判定のルール" })).toContainText("累計 3件 < 目標 10件 × 経過 2年 ÷ 5年 = 4件 → B（進捗が不十分）");
  await expect(page.getByRole("navigation", { name: "計画" }).getByRole("link", { name: "全体目標・指標" })).toHaveCount(0);
  expect((await page.goto("/ja/plans/plan2/2022/plan-wide"))!.status()).toBe(404);
});
