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
