import { expect, test } from "@playwright/test";

// It adds a plan of its own (plan3-draft, one of SPEC_PLANS).
test("an admin creates a plan copying another's structure and changes a target, which keeps its history", async ({ playwright, baseURL }) => {
  const sign = async (email: string, password: string) => {
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    expect((await ctx.post("/api/auth/signin", { data: { email, password } })).status()).toBe(200);
    return ctx;
  };
  const admin = await sign("admin@example.jp", "demo-admin-password");
  const secretariat = await sign("secretariat@example.jp", "demo-secretariat-password");
  const plan = { code: "plan3-draft", nameJa: "第３期計画（試行）", nameEn: "3rd plan (trial)", firstFy: "２０２５", lastFy: "2029", copyFrom: "plan2" };

  expect((await secretariat.post("/api/admin/plans", { data: plan })).status()).toBe(403);
  expect((await admin.post("/api/admin/plans", { data: { ...plan, lastFy: "2020" } })).status()).toBe(400);
  expect((await admin.post("/api/admin/plans", { data: plan })).status()).toBe(201);
  expect((await admin.post("/api/admin/plans", { data: plan })).status()).toBe(409);
  const plans = (await (await admin.get("/api/plans")).json()).plans;
  expect(plans).toContainEqual({ code: "plan3-draft", name_ja: "第３期計画（試行）", name_en: "3rd plan (trial)", first_fy: 2025, last_fy: 2029 });

  const kpi = "/api/admin/plans/plan3-draft/kpis/pharma-out-1";
  expect((await secretariat.post(kpi, { data: { target: "30", reason: "x" } })).status()).toBe(403);
  expect((await admin.post(kpi, { data: { target: "30" } })).status()).toBe(400); // a reason is required
  const saved = await admin.post(kpi, { data: { target: "３０", reason: "第３期の目標に合わせる" } });
  expect(await saved.json()).toEqual({ kind: "saved", changed: ["target"] });
  const history = await (await admin.get("/api/plans/plan3-draft/audit?kpi=pharma-out-1&field=target")).json();
  expect(history.entries).toEqual([expect.objectContaining({ oldValue: "25", newValue: "30", reason: "第３期の目標に合わせる", user: "管理者（デモ）" })]);
  // the 2nd plan's own target is untouched
  const plan2 = await (await admin.get("/api/plans/plan2/follow-up?fy=2022")).json();
  expect(plan2.rows[0]).toMatchObject({ kpi: "pharma-out-1", target: 25 });
  await admin.dispose();
  await secretariat.dispose();
});

test("the admin page is for admins", async ({ page }) => {
  await page.goto("/ja/admin");
  await expect(page.getByText("管理者のみが利用できます。")).toBeVisible();
  await page.goto("/ja/signin");
  await page.getByLabel("メールアドレス").fill("admin@example.jp");
  await page.getByLabel("パスワード").fill("demo-admin-password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/ja$/);
  await page.goto("/ja/admin");
  await expect(page.getByRole("heading", { name: "新しい計画" })).toBeVisible();
  await expect(page.getByLabel("統合プロジェクトとKPIの構成をコピーする計画")).toBeVisible();
});

test("signed-in users reach data entry (and admins the plans) from the header", async ({ page }) => {
  await page.goto("/en/signin");
  await page.getByLabel("E-mail address").fill("admin@example.jp");
  await page.getByLabel("Password").fill("demo-admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await page.getByRole("banner").getByRole("link", { name: "Data entry" }).click();
  await page.getByRole("region", { name: "2nd Medical R&D Promotion Plan", exact: true }).getByRole("link", { name: "FY2023" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data entry: FY2023 follow-up");
  await expect(page.getByRole("banner").getByRole("link", { name: "Plans" })).toBeVisible();
});

test("a year with no follow-up of its own, its figures summed in a later final one, offers nothing to enter and says why", async ({ page }) => {
  await page.goto("/en/signin");
  await page.getByLabel("E-mail address").fill("secretariat@example.jp");
  await page.getByLabel("Password").fill("demo-secretariat-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en$/);
  // the index says where each year stands (FY2023 is left out: auth.spec gives it a draft round)
  await page.goto("/en/workspace");
  const years = page.getByRole("region", { name: "2nd Medical R&D Promotion Plan", exact: true }).getByRole("listitem");
  await expect(years.first()).toHaveText("FY2020 in the FY2021 follow-up");
  await expect(years.nth(1)).toHaveText("FY2021 final");
  await expect(years.last()).toHaveText("FY2024 final");
  await page.goto("/en/workspace/plan2/2020");
  await expect(page.getByText("FY2020 has no follow-up of its own: its figures are part of the FY2021 follow-up, which is final")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  const grid = page.getByRole("table").first();
  await expect(grid.getByRole("textbox").first()).toBeDisabled();
  await expect(grid.getByRole("combobox").first()).toBeDisabled();
});
