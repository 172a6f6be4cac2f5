import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { plan2 } from "../support/documents";
import { parseR4, parseSummary } from "../support/printed";

const round = (fy: number) => plan2.rounds.find((r) => r.fy === fy)!;
const kpis = plan2.projects.flatMap((p) => p.kpis.map((k) => ({ ...k, project: p.no })));
const fmt = (n: number, locale: "ja" | "en") => new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US").format(n);

function kpiRow(page: Page, name: string) {
  return page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) })
    .first();
}

// One rated count KPI per project, as the R4 report (001) prints it.
const samples = plan2.projects.map((p) => {
  const entry = round(2022).entries.find((e) => {
    const k = kpis.find((x) => x.code === e.kpi)!;
    return k.project === p.no && k.measure === "count" && e.rating;
  })!;
  const kpi = kpis.find((k) => k.code === entry.kpi)!;
  return { project: p.no, kpi, r4: parseR4(entry.printed!), r6: parseSummary(round(2024).entries.find((e) => e.kpi === kpi.code)!.printed!) };
});

for (const locale of ["ja", "en"] as const) {
  test.describe(`in ${locale}`, () => {
    for (const s of samples) {
      test(`project ${s.project}: ${s.kpi.code} matches the R4 and R6 reports`, async ({ page }) => {
        const name = locale === "ja" ? s.kpi.nameJa : s.kpi.nameEn;
        await page.goto(`/${locale}/plans/plan2/2022/projects/${s.project}`);
        const row = kpiRow(page, name);
        const unit = locale === "ja" ? "件" : "";
        await expect(row).toContainText(`${fmt(s.r4.cumulative!, locale)}${unit}`);
        const years = s.r4.perYear.join("/");
        await expect(row).toContainText(locale === "ja" ? `（${years}）` : `(${years})`);
        await expect(row.locator(".rating")).toHaveText(new RegExp(`^${s.r4.rating}`));

        await page.goto(`/${locale}/plans/plan2/2024/projects/${s.project}`);
        await expect(kpiRow(page, name)).toContainText(`${fmt(s.r6.cumulative!, locale)}${unit}`);
      });
    }

    test("the axe checker finds no serious or critical problem on any dashboard", async ({ page }) => {
      for (const path of ["2022", "2024/projects/3", "2024/kpis/pharma-out-1", "2022/kpis/device-out-2", "2024/compare"]) {
        await page.goto(`/${locale}/plans/plan2/${path}`);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      }
    });
  });
}

test("the overview counts ratings, shows the elapsed years and the round's highlights", async ({ page }) => {
  await page.goto("/ja/plans/plan2/2022");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第２期医療分野研究開発推進計画：令和4年度時点の概要");
  await expect(page.getByText("計画期間 5年のうち3年経過")).toBeVisible();
  const device = page.getByRole("region", { name: "② 医療機器・ヘルスケアプロジェクト" });
  await expect(device.getByRole("definition").first()).toHaveText(/A.*5.*B.*2.*評価なし\s*0/);
  await expect(device).toContainText("◎経産省");
  await expect(page.getByRole("region", { name: "主な成果" }).getByRole("listitem")).toHaveCount(22);

  await page.goto("/en/plans/plan2/2021");
  await expect(page.getByText("31st meeting of the Expert Committee on Healthcare Policy (17 May 2022)")).toBeVisible();
  await expect(page.getByRole("region", { name: "Main results" }).getByRole("listitem")).toHaveCount(6);
});

test("every rating says where it comes from: FY2024's are automatic and marked so, FY2022's are the committee's, sub-targets carry none", async ({ page }) => {
  for (const [locale, mark, auto] of [
    ["ja", "自動", "評価（自動判定）"],
    ["en", "auto", "Rating (automatic)"],
  ] as const) {
    // FY2024: the R6 summary prints no A/B, so every rating shown is automatic
    await page.goto(`/${locale}/plans/plan2/2024`);
    const ratings = page.locator("main .project-grid table .rating--A, main .project-grid table .rating--B");
    expect(await ratings.count()).toBeGreaterThan(30);
    for (const text of await ratings.allTextContents()) expect(text).toMatch(new RegExp(`^[AB]${mark}`));
    await expect(page.getByRole("columnheader", { name: auto }).first()).toBeVisible();
    await expect(page.locator(".legend-line")).toContainText(
      locale === "ja" ? "委員会の評価（A・B）が記載・入力されていません" : "No rating of this year was decided",
    );

    // FY2022: the R4 report's ratings are the committee's; the sub-targets (うち…) have none
    await page.goto(`/${locale}/plans/plan2/2022/projects/3`);
    const decided = page.locator("main .rating--A, main .rating--B");
    expect(await decided.count()).toBeGreaterThan(10);
    for (const text of await decided.allTextContents()) expect(text).toMatch(/^[AB](（| \()/);
    expect(await page.locator("main .rating__mark").count()).toBe(0);
    const subs = await page.locator("main tr.sub").all();
    expect(subs.length).toBeGreaterThan(0);
    for (const sub of subs) await expect(sub.locator(".rating")).toHaveCount(0);

    // the comparison: R3 and R6 automatic, R4 decided
    await page.goto(`/${locale}/plans/plan2/2024/compare`);
    const cells = kpiRow(page, locale === "ja" ? "非臨床POCの取得件数" : kpis.find((k) => k.code === "pharma-out-1")!.nameEn).locator("td .rating");
    expect((await cells.allTextContents()).map((t) => t.includes(mark))).toEqual([true, false, true]);
  }
  // the open data says the same: see open-data.spec (rating_basis)
});

test("a KPI shows its history, and years known only as a sum are never split", async ({ page }) => {
  await page.goto("/ja/plans/plan2/2024/kpis/pharma-out-1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("非臨床POCの取得件数");
  await expect(page.getByText("R3: 81件 → R4: 128件 → R6: 214件")).toBeVisible();
  const table = page.getByRole("table", { name: "非臨床POCの取得件数の年度別の数値" });
  await expect(kpiRow(page, "令和4年度")).toContainText("47件");
  await expect(table.getByRole("cell", { name: "R5～R6計86件" })).toHaveAttribute("rowspan", "2");
  await expect(page.getByText("合計（86件）のみ判明")).toBeVisible();

  // a pro-rata guide that is no whole number is shown as it is (2 × 1 ÷ 5), not rounded to 0
  await page.goto("/ja/plans/plan2/2024/kpis/regen-outcome-3");
  await expect(kpiRow(page, "令和2年度")).toContainText("0.4件");

  await page.goto("/en/plans/plan2/2024/kpis/pharma-out-1");
  await expect(page.getByText("FY2021: 81 → FY2022: 128 → FY2024: 214")).toBeVisible();
  await expect(page.getByRole("table", { name: "Number of non-clinical proofs of concept (POC) obtained by fiscal year" })).toContainText(
    "FY2023–FY2024 total 86",
  );
});

test("a KPI's chart is drawn once its code has loaded after the page, with its series named in both languages", async ({ page }) => {
  for (const [lang, legend] of [
    ["ja", ["単年実績", "累計"]],
    ["en", ["Single-year actual", "Cumulative"]],
  ] as const) {
    await page.goto(`/${lang}/plans/plan2/2024/kpis/pharma-out-1`);
    const chart = page.locator("figure.chart");
    // the table holds the same figures and comes with the page; the chart (hidden from assistive technology) follows
    await expect(page.getByRole("table", { name: lang === "ja" ? "非臨床POCの取得件数の年度別の数値" : /by fiscal year/ })).toBeVisible();
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
    for (const name of legend) await expect(chart.locator(".recharts-legend-item-text", { hasText: name }).first()).toBeVisible();
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeAttached();
    await expect(chart.locator("[aria-hidden='true']").first()).toBeAttached();
  }
});

test("the comparison can be narrowed, by keyboard, to what needs attention", async ({ page }) => {
  await page.goto("/en/plans/plan2/2024/compare");
  const table = page.getByRole("table", { name: /Ratings and achievement/ });
  await expect(table.getByText("✗ Not achieved")).toHaveCount(4);
  const clinicalPoc = page.getByRole("rowheader", { name: "Number of clinical proofs of concept (POC) obtained", exact: true });
  await expect(clinicalPoc).toHaveCount(2); // pharma's and genome's
  const filter = page.getByRole("checkbox", { name: "Show only KPIs rated B or not achieved" });
  await filter.focus();
  await page.keyboard.press("Space");
  await expect(filter).toBeChecked();
  // the four KPIs short of target at the plan's end, and genome 臨床POC (3 < 10 × 2/5 in FY2021)
  await expect(page.getByRole("status")).toHaveText(/Showing 5 of 52 rows/);
  await expect(clinicalPoc).toHaveCount(1); // hidden rows leave the accessibility tree
  await expect(page.getByRole("row").filter({ has: clinicalPoc })).toContainText("B");
  await expect(kpiRow(page, "Number of regulatory approvals of Class III/IV medical devices")).toBeVisible();
});

test("switching language or year keeps the page", async ({ page }) => {
  await page.goto("/ja/plans/plan2/2022/projects/3");
  await page.getByRole("navigation", { name: "言語" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/plans\/plan2\/2022\/projects\/3$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Regenerative/Cell Medicine and Gene Therapy Project: FY2022 follow-up");
  await page
    .getByRole("navigation", { name: "Fiscal year shown" })
    .getByRole("link", { name: /FY2024/ })
    .click();
  await expect(page).toHaveURL(/\/en\/plans\/plan2\/2024\/projects\/3$/);
  await expect(page.getByRole("navigation", { name: "Fiscal year shown" }).locator("[aria-current=page]")).toContainText("FY2024");
});

test("everything is reachable by keyboard: skip link, tabs, links", async ({ page }) => {
  await page.goto("/ja/plans/plan2/2022");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "本文へ移動" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  const tab = page.getByRole("navigation", { name: "計画" }).getByRole("link", { name: "年度比較" });
  await tab.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ja\/plans\/plan2\/2022\/compare$/);
  await expect(page.getByRole("navigation", { name: "計画" }).getByRole("link", { name: "年度比較" })).toHaveAttribute("aria-current", "page");
});

test("a year without a follow-up is shown as of that year, as its overview says, with the single years that are known", async ({ page }) => {
  const poc = kpis.find((k) => k.code === "pharma-out-1")!;
  await page.goto("/en/plans/plan2/2023");
  await expect(page.locator(".notice").first()).toContainText("There is no follow-up for FY2023.");
  await page.goto("/en/plans/plan2/2023/projects/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`① ${plan2.projects[0].nameEn}: as of FY2023`);
  await expect(page.locator(".notice").first()).toContainText("There is no follow-up for FY2023.");
  // the breakdown says what "No data" does not: the years that are known
  await expect(kpiRow(page, poc.nameEn)).toContainText("No data (45/36/47/no data for FY2023)");
  await page.goto("/ja/plans/plan2/2023/projects/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`① ${plan2.projects[0].nameJa}：令和5年度時点`);
  await page.goto("/ja/plans/plan2/2022/projects/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`① ${plan2.projects[0].nameJa}：令和4年度フォローアップ`);
  await expect(page.locator(".notice")).toHaveCount(0);
});

test("English pages write brackets as English does: half-width, after a space", async ({ page }) => {
  for (const path of ["/en/plans/plan2/2022", "/en/plans/plan2/2024/kpis/regen-out-1-s1", "/en/plans/plan3/2025"]) {
    await page.goto(path);
    await expect(page.getByRole("main"), path).not.toContainText(/[（）]/);
  }
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("（");
  await page.goto("/en/plans/plan2/2024/kpis/regen-out-1-s1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^\S.* \(.+\)$/);
});

test("a plan opens at its latest final round; unknown years and KPIs are not found", async ({ page }) => {
  await page.goto("/ja/plans/plan2");
  await expect(page).toHaveURL(/\/ja\/plans\/plan2\/2024$/);
  expect((await page.goto("/ja/plans/plan2/2030"))!.status()).toBe(404);
  expect((await page.goto("/en/plans/plan2/2022/kpis/no-such-kpi"))!.status()).toBe(404);
  expect((await page.goto("/en/plans/plan9/2022"))!.status()).toBe(404);
  // said in the reader's language, in the site's layout
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("banner")).toBeVisible();
  expect((await page.goto("/ja/no/such/page"))!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
  await expect(page.getByRole("link", { name: "トップページへ" })).toBeVisible();
});
