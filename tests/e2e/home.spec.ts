import { expect, test } from "@playwright/test";

test.describe("in a Japanese browser", () => {
  test.use({ locale: "ja-JP" });

  test("/ opens the Japanese home page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/ja$/);
  });
});

test.describe("in an English browser", () => {
  test.use({ locale: "en-GB" });

  test("/ opens the English home page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/en$/);
  });
});

test("the home page lists the plan and its six projects in Japanese", async ({ page }) => {
  await page.goto("/ja");
  await expect(page).toHaveURL(/\/ja$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1, name: "推進計画と統合プロジェクト" })).toBeVisible();
  const plan = page.getByRole("region", { name: "第２期医療分野研究開発推進計画", exact: true });
  await expect(plan.getByText("計画期間：令和2年度～令和6年度")).toBeVisible();
  const rows = plan.getByRole("table", { name: "統合プロジェクト" }).locator("tbody tr");
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(0).getByRole("rowheader")).toHaveText("医薬品プロジェクト");
  await expect(rows.nth(0)).toContainText("326億円");
  await expect(rows.nth(5).getByRole("rowheader")).toHaveText("シーズ開発・研究基盤プロジェクト");
  await expect(page.getByRole("region", { name: "第３期医療分野研究開発推進計画", exact: true })).toContainText("令和7年度～令和11年度");
});

test("the language switch opens the same page in English", async ({ page }) => {
  await page.goto("/ja");
  await page.getByRole("navigation", { name: "言語" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Plans and integrated projects" })).toBeVisible();
  const plan = page.getByRole("region", { name: "2nd Medical R&D Promotion Plan", exact: true });
  const rows = plan.getByRole("table", { name: "Integrated projects" }).locator("tbody tr");
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(0).getByRole("rowheader")).toHaveText("Pharmaceuticals Project (drug R&D)");
  await expect(rows.nth(0)).toContainText("¥32.6 billion");
  await expect(plan.getByText("Plan period: FY2020 to FY2024")).toBeVisible();
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "日本語" }).click();
  await expect(page).toHaveURL(/\/ja$/);
});

for (const locale of ["ja", "en"] as const) {
  test(`${locale}: the 3rd plan, with no budget figures and plan-wide KPIs only, is shown as it is, in the overview's terms`, async ({ page }) => {
    const ja = locale === "ja";
    await page.goto(`/${locale}`);
    const plan = page.getByRole("region", { name: ja ? "第３期医療分野研究開発推進計画" : "3rd Medical R&D Promotion Plan", exact: true });
    const table = plan.getByRole("table", { name: ja ? "統合プロジェクト" : "Integrated projects" });
    await expect(table.locator("tbody tr")).toHaveCount(8);
    // no budget year to name: no empty brackets, and every project says it has no budget data, as the overview does
    await expect(plan).not.toContainText(ja ? "（）" : "()");
    await expect(table.getByRole("columnheader", { name: ja ? "予算額" : "Budget", exact: true })).toBeVisible();
    // its KPIs are plan-wide: said so, with the way to them, and no project's count of 0 suggests it has none
    await expect(plan).toContainText(ja ? "計画全体の目標・指標です（7件）" : "7 plan-wide targets and indicators");
    await expect(
      plan.getByRole("link", { name: ja ? "全体目標・アウトカム指標の報告を見る" : "Open the report on the plan-wide targets and indicators" }),
    ).toHaveAttribute("href", `/${locale}/plans/plan3/2025/plan-wide`);
    await expect(table.getByRole("columnheader", { name: ja ? "KPI数" : "KPIs" })).toHaveCount(0);
    // the ministries of a project the plan names none for: "no data", as on the overview, not an empty cell
    const noData = ja ? "データなし" : "No data";
    for (const row of await table.locator("tbody tr").all()) {
      const ministries = row.locator(`td[data-label="${ja ? "担当府省" : "Ministries in charge"}"]`);
      const listed = await ministries.locator("li").count();
      if (listed === 0) await expect(ministries).toHaveText(noData);
      await expect(row.getByRole("cell").last()).toHaveText(noData);
    }
    await expect(table.locator("tbody tr").nth(3).locator(".ministries li")).toHaveText(
      ja ? ["◎厚労省（主担当）", "内閣府", "文科省", "経産省"] : ["◎MHLW (lead)", "CAO", "MEXT", "METI"],
    );
  });
}

test("in English, the home page writes brackets as English does: half-width, after a space", async ({ page }) => {
  await page.goto("/en");
  await expect(page.getByRole("main")).not.toContainText(/[（）]/);
  await expect(page.getByRole("region", { name: "2nd Medical R&D Promotion Plan", exact: true }).locator(".ministries li").first()).toHaveText(
    /^◎\S+ \(lead\)$/,
  );
});
