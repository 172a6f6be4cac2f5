import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { apiAs, DEMO } from "../support/e2e";

// Every page on a phone (390 px) and on a desktop (1280 px), in Japanese and English: nothing
// scrolls sideways (a wide table scrolls inside its own region, or its rows become cards),
// and axe finds nothing serious or critical. Reads only: no figure or setting changes.

const WIDTHS = [390, 1280] as const;
const LOCALES = ["ja", "en"] as const;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const PUBLIC = [
  "",
  "/plans/plan2/2021",
  "/plans/plan2/2022",
  "/plans/plan2/2024",
  ...[2022, 2024].flatMap((fy) => [1, 2, 3, 4, 5, 6].map((no) => `/plans/plan2/${fy}/projects/${no}`)),
  ...["pharma-out-1", "regen-out-1", "regen-out-1-s1", "device-out-2", "pharma-out-m1", "genome-outcome-1", "disease-outcome-1"].map(
    (kpi) => `/plans/plan2/2024/kpis/${kpi}`,
  ),
  "/plans/plan2/2022/kpis/seeds-out-2",
  "/plans/plan2/2022/compare",
  "/plans/plan2/2024/compare",
  // the 3rd plan: a frame with no projects yet (/plans/plan3 opens its first year)
  "/plans/plan3",
  "/plans/plan3/2025/compare",
  "/plans/plan3/2029",
  // its plan-wide targets and indicators, with no figures yet, and a project with no KPIs yet
  "/plans/plan3/2025/plan-wide",
  ...["plan3-out-1", "plan3-out-4", "plan3-outcome-1"].map((kpi) => `/plans/plan3/2025/kpis/${kpi}`),
  "/plans/plan3/2025/projects/1",
  // not found, in the site's layout
  "/plans/plan9/2022",
  "/plans/plan2/2022/kpis/nope",
  "/signin",
];

const SIGNED_IN = ["/workspace", "/workspace/plan2/2023", "/workspace/plan2/audit", "/admin", "/admin/users", "/admin/projects/plan2"];

/** What a page may not do at this width: scroll sideways, or fail axe seriously. */
async function check(page: Page, path: string, expectStatus: number | null = 200) {
  const res = await page.goto(path);
  if (expectStatus !== null) expect(res?.status(), path).toBe(expectStatus);
  // the web fonts decide the widths of the texts
  await page.evaluate(() => document.fonts.ready);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${path} scrolls sideways at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
  // a table that scrolls in its region keeps its caption in view: wrapped within the screen, not cut off at its edge
  const captions = await page.evaluate(() =>
    [...document.querySelectorAll(".table-wrap > table > caption:not(.sr-only)")]
      .filter((c) => c.getBoundingClientRect().right > window.innerWidth)
      .map((c) => c.textContent),
  );
  expect(captions, `${path}: captions past the screen's edge at ${innerWidth} px`).toEqual([]);

  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `${path} at ${innerWidth} px`).toEqual([]);
  // headings go down one level at a time (axe counts a skipped level as moderate only)
  const levels = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  const skips = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1] + 1 ? [`h${levels[i - 1]} → h${level}`] : []));
  expect(skips, `${path}: headings skip a level`).toEqual([]);
}

/** A table too wide for the phone scrolls in a region the keyboard reaches, named, with a visible focus. */
async function scrollRegionsAreReachable(page: Page) {
  for (const wrap of await page.locator(".table-wrap").all()) {
    const scrolls = await wrap.evaluate((el) => el.scrollWidth > el.clientWidth);
    if (!scrolls) continue;
    await expect(wrap).toHaveAttribute("role", "region");
    await expect(wrap).toHaveAttribute("tabindex", "0");
    expect(await wrap.evaluate((el) => el.getAttribute("aria-label") ?? el.getAttribute("aria-labelledby"))).toBeTruthy();
    await wrap.focus();
    expect(await wrap.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  }
}

/**
 * Wherever a rating is shown, the page says what kind it is: the A/B legend, and where any
 * rating is marked automatic (自動 / auto), the legend that explains the mark.
 */
async function ratingsSayTheirKind(page: Page, locale: "ja" | "en") {
  const { badges, marks, legend } = await page.evaluate(() => {
    const all = [...document.querySelectorAll("main .rating--A, main .rating--B")].filter((b) => !b.closest(".count"));
    return {
      badges: all.length,
      marks: all.filter((b) => b.querySelector(".rating__mark")).length,
      legend: [...document.querySelectorAll("main .legend-line")].map((e) => e.textContent).join(" "),
    };
  });
  if (badges > 0) expect(legend).toContain(locale === "ja" ? "進捗：A．順調に進捗している" : "Progress: A = on track");
  if (marks > 0) expect(legend).toContain(locale === "ja" ? "「自動」と付いた評価は" : "A rating marked “auto”");
}

const status = (path: string) => (path.includes("plan9") || path.endsWith("/nope") ? 404 : 200);

for (const width of WIDTHS) {
  for (const locale of LOCALES) {
    test.describe(`${locale} at ${width} px`, () => {
      test.describe.configure({ mode: "serial" });
      let context: BrowserContext;
      let page: Page;
      test.beforeAll(async ({ browser, baseURL }) => {
        context = await browser.newContext({ baseURL, viewport: { width, height: 844 } });
        page = await context.newPage();
      });
      test.afterAll(async () => context.close());

      for (const path of PUBLIC) {
        test(`/${locale}${path}`, async () => {
          await check(page, `/${locale}${path}`, status(path));
          await ratingsSayTheirKind(page, locale);
          if (width === 390) await scrollRegionsAreReachable(page);
        });
      }
    });
  }
}

test.describe("on a phone, signed in", () => {
  test.describe.configure({ mode: "serial" });
  let context: BrowserContext;
  let page: Page;
  test.beforeAll(async ({ browser, playwright, baseURL }) => {
    const admin = await apiAs(playwright, baseURL!, DEMO.admin, "10.6.0.1");
    context = await browser.newContext({
      baseURL,
      viewport: { width: 390, height: 844 },
      storageState: await admin.storageState(),
      extraHTTPHeaders: { "X-Forwarded-For": "10.6.0.1" },
    });
    await admin.dispose();
    page = await context.newPage();
  });
  test.afterAll(async () => context.close());

  test("the admin's targets table fits too once it lists a plan's KPIs, with their forms", async () => {
    await check(page, "/ja/admin");
    const targets = page.getByRole("region", { name: "KPIの目標" });
    await targets.getByLabel("計画", { exact: true }).selectOption("plan2");
    expect(await targets.getByRole("row").count()).toBeGreaterThan(20);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  for (const locale of LOCALES) {
    for (const path of SIGNED_IN) {
      test(`/${locale}${path}`, async () => {
        await check(page, `/${locale}${path}`);
        // signed in, not sent to the sign-in page
        expect(new URL(page.url()).pathname).toBe(`/${locale}${path}`);
        await scrollRegionsAreReachable(page);
      });
    }
  }

  test("the entry grid scrolls inside a region named after its project", async () => {
    await page.goto("/ja/workspace/plan2/2023");
    const region = page.getByRole("region", { name: "⑤の入力表" });
    await expect(region.getByRole("table")).toBeVisible();
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });
});

test("the report's table becomes cards on a phone and keeps its table semantics and column names", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/ja/plans/plan2/2022/projects/3");
  const table = page.getByRole("table").first();
  const row = table.getByRole("row", { name: /非臨床POCの取得件数/ });
  await expect(row.getByRole("rowheader")).toHaveText("非臨床POCの取得件数");
  // the column's name is shown before each value, and is not read twice
  const latest = row.getByRole("cell").nth(1);
  expect(await latest.evaluate((el) => getComputedStyle(el, "::before").content)).toContain("最新の数値");
  await expect(latest).toHaveAccessibleName(/^\d+件/);
  await expect(table.getByRole("columnheader", { name: "進捗の詳細" })).toHaveCount(1);
  // no name is squeezed to a few characters a line: the card is as wide as the page allows
  expect((await row.getByRole("rowheader").boundingBox())!.width).toBeGreaterThan(250);
  await context.close();
});

test("the site has an icon", async ({ request }) => {
  const html = await (await request.get("/ja")).text();
  const hrefs = [...html.matchAll(/<link rel="icon" href="([^"]+)"/g)].map((m) => m[1]);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of [...hrefs, "/favicon.ico"]) expect((await request.get(href)).status(), href).toBe(200);
});

test("the review page of a draft round, as the secretariat who may ask: fits, and its headings skip no level", async ({ browser, playwright, baseURL }) => {
  const clerk = await apiAs(playwright, baseURL!, DEMO.secretariat, "10.6.0.2");
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, storageState: await clerk.storageState() });
  await clerk.dispose();
  const page = await context.newPage();
  for (const locale of LOCALES) {
    await check(page, `/${locale}/workspace/plan3/2025/review`);
    await expect(page.getByRole("heading", { level: 3 }).last()).toHaveText(locale === "ja" ? "質問・意見を書く" : "Ask a question or give an opinion");
  }
  await context.close();
});

test("on a phone the plan's tabs are one row that scrolls sideways, with the current tab in view", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  for (const locale of LOCALES) {
    await check(page, `/${locale}/plans/plan2/2024/projects/6`);
    const nav = page.getByRole("navigation", { name: locale === "ja" ? "計画" : "Plan" });
    const tops = await nav.getByRole("listitem").evaluateAll((items) => items.map((li) => (li as HTMLElement).offsetTop));
    expect(new Set(tops).size, "one row").toBe(1);
    const current = nav.locator('[aria-current="page"]');
    await expect(current).toHaveText(/⑥/);
    // the row has been scrolled to the current tab: it lies within the row's visible part (from its start, if wider)
    const { left, right, wider, scrolled } = await current.evaluate((a) => {
      const ul = a.closest("ul")!;
      const box = a.getBoundingClientRect();
      const row = ul.getBoundingClientRect();
      return { left: box.left - row.left, right: row.right - box.right, wider: box.width > row.width, scrolled: ul.scrollLeft };
    });
    expect(scrolled).toBeGreaterThan(0);
    expect(left).toBeGreaterThanOrEqual(0);
    if (wider) expect(left).toBeLessThan(1);
    else expect(right).toBeGreaterThanOrEqual(0);
  }
  await context.close();
});
