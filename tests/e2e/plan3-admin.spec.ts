import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiAs, DEMO, seedPlan3Copy, sql } from "../support/e2e";

// It works on a copy of the 3rd plan of its own (plan3-e2e-admin, one of SPEC_PLANS): an admin
// shapes its structure, then a final round locks it.
const PLAN = "plan3-e2e-admin";
const API = `/api/admin/plans/${PLAN}`;

test.beforeAll(() => seedPlan3Copy({ code: PLAN, nameJa: "第３期計画（構成の試験）", nameEn: "3rd plan (structure test)" }));

const kpi = (code: string) =>
  sql<{ groupJa: string | null; groupEn: string | null; target: number | null; projectNo: number | null; counting: string }>(
    `SELECT k.groupJa, k.groupEn, k.target, p.no AS projectNo, k.counting FROM Kpi k JOIN Plan l ON l.id = k.planId LEFT JOIN Project p ON p.id = k.projectId
     WHERE l.code = ? AND k.code = ?`,
    PLAN,
    code,
  )[0];
const kpiCount = () => sql<{ n: number }>("SELECT COUNT(*) AS n FROM Kpi k JOIN Plan l ON l.id = k.planId WHERE l.code = ?", PLAN)[0].n;

test("an admin adds a special target, changes FY2026's annual target with a reason and sees it in the history, and sets a ministry", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "10.0.0.61");
  const context = await browser.newContext({ baseURL, storageState: await admin.storageState(), extraHTTPHeaders: { "X-Forwarded-For": "10.0.0.61" } });
  const page = await context.newPage();
  await page.goto("/ja/admin");
  await page.getByRole("navigation", { name: "管理メニュー" }).getByRole("link", { name: "構成（第３期計画（構成の試験））" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("構成の編集：第３期計画（構成の試験）");
  await expect(page.getByText("変更できます。この計画のフォローアップはまだ確定していません。")).toBeVisible();

  // a special target in project ③, its target typed with full-width digits and a comma
  const special = page.getByRole("form", { name: "特設目標の追加" });
  await special.getByLabel("所属").selectOption({ label: "③ 再生・細胞医療・遺伝子治療プロジェクト" });
  await special.getByLabel("コード").fill("E2E Special");
  await special.getByLabel("名称（日本語）").fill("特設目標（試験）");
  await special.getByLabel("名称（英語）").fill("Special target (test)");
  await special.getByLabel("目標（計画期間の累計）").fill("１,２００");
  await special.getByRole("button", { name: "特設目標の追加" }).click();
  await expect(special.getByRole("status")).toHaveText("入力に誤りがあります。");
  await expect(special.getByLabel("コード")).toHaveAccessibleDescription(/コードは英小文字・数字・ハイフンで、60文字までで入力してください。/);
  await special.getByLabel("コード").fill("e2e-special-1");
  await special.getByRole("button", { name: "特設目標の追加" }).click();
  await expect(special.getByRole("status")).toHaveText("追加しました。変更は履歴に残ります。");
  expect(kpi("e2e-special-1")).toEqual({ groupJa: "特設目標", groupEn: "Special targets", target: 1200, projectNo: 3, counting: "fiscal_year" });
  const regen = page.getByRole("region", { name: "③ 再生・細胞医療・遺伝子治療プロジェクト" });
  await expect(regen.getByRole("listitem").filter({ hasText: "e2e-special-1" })).toContainText("特設目標 ／ アウトプット ／ 件数 ／ 1,200");

  // FY2026's target of a plan-wide KPI: a reason is required; then it is set, and the history shows it
  const item = page.getByRole("listitem").filter({ hasText: "plan3-out-1" });
  await item.getByText("定義・集計の基準・年度目標").click();
  const fy2026 = item.getByRole("row", { name: /令和8年度/ });
  await expect(fy2026).toContainText("130件");
  await expect(fy2026).toContainText("既定値");
  await item.getByLabel("令和8年度の年度目標").fill("１４０");
  await fy2026.getByRole("button", { name: "保存" }).click();
  await expect(fy2026.getByRole("status")).toHaveText("入力に誤りがあります。");
  await expect(item.getByLabel("令和8年度の変更理由")).toHaveAccessibleDescription("変更理由を入力してください。");
  await item.getByLabel("令和8年度の変更理由").fill("e2e: 前倒しの見込み");
  await fy2026.getByRole("button", { name: "保存" }).click();
  await expect(item.getByRole("row", { name: /令和8年度/ })).toContainText("140件");
  await expect(item.getByRole("row", { name: /令和8年度/ })).toContainText("設定値");
  await expect(item).toContainText("年度目標の合計：660（計画期間の目標：650）");
  await expect(item.getByRole("list", { name: "年度目標の変更履歴" }).getByRole("listitem")).toHaveText([
    /^令和8年度：既定値 → 140 — 理由：e2e: 前倒しの見込み\s?（管理者（デモ）、/,
  ]);
  const history = await (await admin.get(`/api/plans/${PLAN}/audit?kpi=plan3-out-1&field=target_2026`)).json();
  expect(history.entries).toEqual([
    expect.objectContaining({
      action: "kpi.yearTarget",
      fiscalYear: 2026,
      oldValue: null,
      newValue: "140",
      reason: "e2e: 前倒しの見込み",
      user: "管理者（デモ）",
    }),
  ]);

  // project ① has no ministry yet: one ministry in charge, with no lead marked, is the lead
  await page.getByRole("link", { name: "名称・担当府省・予算額を編集する" }).click();
  const pharma = page.getByRole("region", { name: "① 医薬品プロジェクト" });
  await pharma.getByLabel("厚生労働省：担当").check();
  await pharma.getByLabel("変更理由（任意）").fill("e2e: 担当府省の設定");
  await pharma.getByRole("button", { name: "保存" }).click();
  await expect(pharma.getByRole("status")).toHaveText("保存しました。変更は履歴に残ります。");
  expect(
    sql(
      `SELECT m.ministry, m.lead FROM ProjectMinistry m JOIN Project p ON p.id = m.projectId JOIN Plan l ON l.id = p.planId WHERE l.code = ? AND p.no = 1`,
      PLAN,
    ),
  ).toEqual([{ ministry: "MHLW", lead: 1 }]);
  // another project with none keeps none while its name changes
  const device = page.getByRole("region", { name: "② 医療機器・ヘルスケアプロジェクト" });
  await device.getByLabel("名称（英語）").fill("Medical Devices and Healthcare Project (test)");
  await device.getByRole("button", { name: "保存" }).click();
  await expect(device.getByRole("status")).toHaveText("保存しました。変更は履歴に残ります。");
  await context.close();
  await admin.dispose();
});

/** Every structural call, with a body an admin could send. */
const CALLS: [method: "post" | "put" | "patch" | "delete", path: string, data: unknown][] = [
  ["post", `${API}/kpis`, { code: "e2e-denied", kind: "output", measure: "count", nameJa: "拒否", nameEn: "Denied", groupJa: "特設目標" }],
  ["put", `${API}/kpis/plan3-out-1/year-targets`, { fiscalYear: 2026, target: "200", reason: "x" }],
  ["patch", `${API}/kpis/plan3-out-1`, { counting: "calendar_year" }],
  ["post", `${API}/kpis/plan3-out-1/move`, { to: 2 }],
  ["delete", `${API}/kpis/plan3-outcome-3`, {}],
  ["post", `${API}/projects`, { code: "denied", nameJa: "拒否", nameEn: "Denied" }],
  ["post", `${API}/projects/2/move`, { to: 1 }],
  ["delete", `${API}/projects/7`, {}],
  ["post", `${API}/structure`, { locked: false, reason: "x" }],
];
const send = (ctx: APIRequestContext, [method, path, data]: (typeof CALLS)[number], lang = "ja") => ctx[method](`${path}?lang=${lang}`, { data });

test("the structure's API refuses the secretariat and the committee (403), anonymous callers (401) and other sites (403), and changes nothing", async ({
  playwright,
  baseURL,
}) => {
  const secretariat = await apiAs(playwright, baseURL!, DEMO.secretariat, "10.0.0.62");
  const committee = await apiAs(playwright, baseURL!, DEMO.committee, "10.0.0.63");
  const anonymous = await apiAs(playwright, baseURL!, null, "10.0.0.64");
  const before = { kpis: kpiCount(), audit: sql("SELECT COUNT(*) AS n FROM AuditLog") };
  for (const call of CALLS) {
    for (const ctx of [secretariat, committee]) {
      const res = await send(ctx, call);
      expect(res.status(), `${call[0]} ${call[1]}`).toBe(403);
      expect(await res.json()).toEqual({ error: { code: "forbidden", message: "この操作は管理者のみが行えます。" } });
      expect(res.headers()["cache-control"]).toBe("private, no-store");
    }
    const res = await send(anonymous, call, "en");
    expect(res.status(), `${call[0]} ${call[1]}`).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "Please sign in." } });
  }
  // nor does an admin's browser from another site
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "10.0.0.68");
  for (const [method, path, data] of CALLS) {
    expect((await admin[method](path, { data, headers: { Origin: "https://evil.example" } })).status(), `cross-site ${method} ${path}`).toBe(403);
  }
  expect({ kpis: kpiCount(), audit: sql("SELECT COUNT(*) AS n FROM AuditLog") }).toEqual(before);
  for (const ctx of [secretariat, committee, anonymous, admin]) await ctx.dispose();
});

test("an admin's bad input is answered per field, translated, with no stack trace", async ({ playwright, baseURL }) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "10.0.0.65");
  const good = { code: "e2e-ok", kind: "output", measure: "count", nameJa: "x", nameEn: "x" };
  const bad = await admin.post(`${API}/kpis?lang=en`, { data: { ...good, code: "../x", nameJa: "あ".repeat(301), unit: "件".repeat(21) } });
  expect(bad.status()).toBe(400);
  expect(bad.headers()["cache-control"]).toBe("private, no-store");
  expect((await bad.json()).errors).toEqual([
    expect.objectContaining({ field: "code", message: "The code must be lower-case letters, digits or hyphens, 60 characters at most." }),
    expect.objectContaining({ field: "unit", message: "The unit is 20 characters at most." }),
    expect.objectContaining({ field: "nameJa", message: "The name is too long." }),
  ]);
  const target = await admin.post(`${API}/kpis?lang=ja`, { data: { ...good, measure: "share", target: "１２０" } });
  expect((await target.json()).errors).toEqual([expect.objectContaining({ field: "target", message: "割合の目標は0～100の範囲で入力してください。" })]);
  const notJson = await admin.post(`${API}/kpis`, { headers: { "Content-Type": "application/json" }, data: "{not json" });
  expect(notJson.status()).toBe(400);
  expect(JSON.stringify(await notJson.json())).not.toMatch(/at |\.ts|Error:/);
  expect(
    (await admin.post(`/api/admin/plans/nowhere/kpis`, { data: { code: "x", kind: "output", measure: "count", nameJa: "x", nameEn: "x" } })).status(),
  ).toBe(404);
  const figures = await admin.delete(`${API}/kpis/plan3-out-9?lang=en`);
  expect(figures.status()).toBe(404);
  expect(await figures.json()).toEqual({ error: { code: "notFound", message: `Plan "${PLAN}" has no KPI "plan3-out-9".` } });
  await admin.dispose();
});

test("once a round is final the structure is locked (409), until an admin unlocks it with a reason; names still change", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "10.0.0.66");
  const secretariat = await apiAs(playwright, baseURL!, DEMO.secretariat, "10.0.0.67");
  const finalize = await secretariat.post(`/api/plans/${PLAN}/rounds/2025/status`, { data: { to: "final", meetingNo: 50, meetingDate: "2026-05-20" } });
  expect(finalize.status()).toBe(200);

  const special = {
    code: "e2e-special-2",
    kind: "output",
    measure: "count",
    nameJa: "特設目標二",
    nameEn: "Special target 2",
    groupJa: "特設目標",
    target: "10",
  };
  for (const [call, lang, message] of [
    [["post", `${API}/kpis`, special], "ja", /理由を記入して固定を解除してください。$/],
    [["put", `${API}/kpis/plan3-out-2/year-targets`, { fiscalYear: 2027, target: "70", reason: "見直し" }], "en", /unlock the structure with a reason\.$/],
    [["post", `${API}/projects/2/move`, { to: 1 }], "en", /locked/],
  ] as const) {
    const res = await send(admin, call as (typeof CALLS)[number], lang);
    expect(res.status()).toBe(409);
    expect(await res.json()).toEqual({ error: { code: "structureLocked", message: expect.stringMatching(message) } });
  }
  // a name or the total target keeps changing with a reason, as before
  expect((await admin.post(`${API}/kpis/plan3-out-2`, { data: { nameEn: "Projects that reached clinical trials", reason: "e2e" } })).status()).toBe(200);

  const context = await browser.newContext({ baseURL, storageState: await admin.storageState(), extraHTTPHeaders: { "X-Forwarded-For": "10.0.0.66" } });
  const page = await context.newPage();
  await page.goto(`/en/admin/plans/${PLAN}/structure`);
  await expect(page.getByText("Locked: the FY2025 follow-up is final")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a special target" })).toBeDisabled();
  await page.getByRole("button", { name: "Unlock the structure" }).click();
  await expect(page.getByLabel("Reason for unlocking (required)")).toHaveAccessibleDescription("Give a reason for the change.");
  await page.getByLabel("Reason for unlocking (required)").fill("e2e: add a special target decided later");
  await page.getByRole("button", { name: "Unlock the structure" }).click();
  await expect(page.getByText("The structure was unlocked.")).toBeVisible();
  await expect(page.getByText(/^Unlocked \(/)).toBeVisible();
  await expect(page.getByText("Reason for unlocking: e2e: add a special target decided later")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a special target" })).toBeEnabled();

  expect((await send(admin, ["post", `${API}/kpis`, special])).status()).toBe(201);
  expect(kpi("e2e-special-2")).toMatchObject({ groupEn: "Special targets", target: 10, projectNo: null });
  const audit = await (await admin.get(`/api/plans/${PLAN}/audit?field=structureUnlockedAt`)).json();
  expect(audit.entries[0]).toMatchObject({ action: "plan.structureUnlock", reason: "e2e: add a special target decided later", user: "管理者（デモ）" });

  await page.getByRole("button", { name: "Lock the structure" }).click();
  await expect(page.getByText("The structure was locked.")).toBeVisible();
  await expect(page.getByText("Locked: the FY2025 follow-up is final")).toBeVisible();
  expect((await send(admin, ["delete", `${API}/kpis/e2e-special-2`, {}])).status()).toBe(409);
  await context.close();
  await admin.dispose();
  await secretariat.dispose();
});

test("the structure page fits a phone and a desktop in both languages, its KPIs opened, with nothing serious for axe", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "10.0.0.69");
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ baseURL, viewport: { width, height: 844 }, storageState: await admin.storageState() });
    const page = await context.newPage();
    for (const locale of ["ja", "en"]) {
      await page.goto(`/${locale}/admin/plans/${PLAN}/structure`);
      for (const details of await page.locator("details").all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
      await page.evaluate(() => document.fonts.ready);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `${locale} at ${width} px`).toBeLessThanOrEqual(innerWidth);
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious, `${locale} at ${width} px`).toEqual([]);
    }
    await context.close();
  }
  await admin.dispose();
});
