import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import Database from "better-sqlite3";
import path from "node:path";

const DB = path.resolve(__dirname, "../.tmp/e2e.db");
const USERS = {
  admin: { email: "admin@example.jp", password: "demo-admin-password" },
  secretariat: { email: "secretariat@example.jp", password: "demo-secretariat-password" },
  committee: { email: "committee@example.jp", password: "demo-committee-password" },
};
const ENTRIES = "/api/plans/plan2/rounds/2023/entries?lang=ja";

function sql<T>(query: string, ...args: unknown[]): T[] {
  const db = new Database(DB, { readonly: true });
  try {
    return db.prepare(query).all(...args) as T[];
  } finally {
    db.close();
  }
}

async function as(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, who: keyof typeof USERS | null): Promise<APIRequestContext> {
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  if (who) expect((await ctx.post("/api/auth/signin", { data: USERS[who] })).status()).toBe(200);
  return ctx;
}

const row = (kpi: string, fields: Record<string, unknown>) => ({ kpi, valueVersion: 0, entryVersion: 0, ...fields });

// These tests change the data (unlock FY2024, enter FY2023) and put FY2024 back as presented.
test.describe.serial("data entry for a round", () => {
  let admin: APIRequestContext, secretariat: APIRequestContext, committee: APIRequestContext, anonymous: APIRequestContext;

  test.beforeAll(async ({ playwright, baseURL }) => {
    [admin, secretariat, committee, anonymous] = await Promise.all([
      as(playwright, baseURL!, "admin"),
      as(playwright, baseURL!, "secretariat"),
      as(playwright, baseURL!, "committee"),
      as(playwright, baseURL!, null),
    ]);
  });

  test("a final round stays frozen: its years refuse writes, and only an admin may unlock it", async () => {
    const frozen = await secretariat.post("/api/plans/plan2/rounds/2022/entries?lang=ja", { data: { rows: [row("disease-outcome-1", { value: "5" })] } });
    expect(frozen.status()).toBe(409);
    expect((await frozen.json()).error.message).toBe("このフォローアップは確定済みのため変更できません。修正には管理者による確定解除が必要です。");
    const covered = await secretariat.post(ENTRIES, { data: { rows: [row("disease-outcome-1", { value: "5" })] } });
    expect(covered.status()).toBe(409);
    expect((await covered.json()).error.message).toBe("令和5年度の数値は令和6年度のフォローアップで確定済みのため変更できません。");

    expect((await secretariat.post("/api/plans/plan2/rounds/2024/status", { data: { to: "draft", reason: "FY2023 breakdown" } })).status()).toBe(403);
    expect((await committee.post("/api/plans/plan2/rounds/2024/status", { data: { to: "draft", reason: "x" } })).status()).toBe(403);
    expect((await admin.post("/api/plans/plan2/rounds/2024/status", { data: { to: "draft", reason: "" } })).status()).toBe(400);
    expect((await admin.post("/api/plans/plan2/rounds/2024/status", { data: { to: "draft", reason: "FY2023 breakdown received" } })).status()).toBe(200);
  });

  test("each role can do what it may, and no more, by direct HTTP calls too", async () => {
    const body = { data: { rows: [row("disease-outcome-1", { value: "5" })] } };
    expect((await anonymous.post(ENTRIES, body)).status()).toBe(401);
    expect((await committee.post(ENTRIES, body)).status()).toBe(403);
    const cross = await secretariat.post(ENTRIES, { ...body, headers: { Origin: "https://evil.example" } });
    expect(cross.status()).toBe(403);
    expect((await anonymous.get("/api/plans/plan2/audit")).status()).toBe(401);
    expect((await committee.get("/api/plans/plan2/audit")).status()).toBe(200);
    for (const method of ["put", "delete", "patch"] as const) expect((await admin[method]("/api/plans/plan2/audit")).status()).toBe(405);
    expect(sql("SELECT 1 FROM YearlyValue WHERE fiscalYear = 2023")).toEqual([]);
  });

  test("bad inputs are refused with their messages, and nothing is saved", async () => {
    const res = await secretariat.post(ENTRIES, {
      data: {
        rows: [
          row("disease-outcome-1", { value: "-3" }),
          row("genome-out-4", { value: "2.5" }),
          row("device-out-2", { numerator: "12", denominator: "10" }),
          row("pharma-out-4", { value: "120" }),
          row("genome-out-1", { value: "１２", rating: "B" }),
          row("no-such-kpi", { value: "1" }),
          row("genome-out-2", { value: "3", detailJa: "あ".repeat(4001) }),
        ],
      },
    });
    expect(res.status()).toBe(400);
    const { errors } = await res.json();
    const message = (kpi: string, field: string) => errors.find((e: { kpi: string; field: string }) => e.kpi === kpi && e.field === field)?.message;
    expect(message("disease-outcome-1", "value")).toBe("負の数は入力できません。");
    expect(message("genome-out-4", "value")).toBe("件数は整数で入力してください。");
    expect(message("device-out-2", "numerator")).toBe("分子が分母を超えています。");
    expect(message("pharma-out-4", "value")).toBe("割合は0～100の範囲で入力してください。");
    expect(message("genome-out-1", "overrideReason")).toBe("自動判定と異なる評価にするには、変更理由を記入してください。");
    expect(message("no-such-kpi", "kpi")).toBe("このKPIは計画にありません。");
    expect(message("genome-out-2", "detailJa")).toBe("文字数が多すぎます（4,000字まで）。");
    // all or nothing: the valid rows of the same grid were not saved either
    expect(sql("SELECT 1 FROM YearlyValue WHERE fiscalYear = 2023")).toEqual([]);
    expect(sql("SELECT 1 FROM AuditLog WHERE fiscalYear = 2023")).toEqual([]);
  });

  test("a save reads what a clerk types, and lands in the audit trail", async () => {
    const res = await secretariat.post(ENTRIES, {
      data: { rows: [row("disease-outcome-1", { value: " １５ ", rating: "A", detailJa: "導出が進んだ。" }), row("device-out-2", { numerator: "1,200", denominator: "2,400" })] },
    });
    expect(res.status()).toBe(200);
    expect(sql("SELECT value FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId WHERE k.code = 'disease-outcome-1' AND v.fiscalYear = 2023")).toEqual([{ value: 15 }]);
    const audit = await (await committee.get("/api/plans/plan2/audit?kpi=disease-outcome-1&fy=2023")).json();
    expect(audit.entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ user: "事務局（デモ）", kpi: "disease-outcome-1", fiscalYear: 2023, field: "value", oldValue: null, newValue: "15" })]),
    );
    const device = await (await committee.get("/api/plans/plan2/audit?kpi=device-out-2&field=numerator")).json();
    expect(device.entries[0]).toMatchObject({ newValue: "1200" });
  });

  test("two editors at once: a save from stale data is refused and shows what the other changed", async () => {
    // Both loaded disease-outcome-1 FY2023 at version 1 (after the save above).
    const first = await secretariat.post(ENTRIES, { data: { rows: [{ ...row("disease-outcome-1", { value: "16" }), valueVersion: 1 }] } });
    expect(first.status()).toBe(200);
    const second = await admin.post(ENTRIES, { data: { rows: [{ ...row("disease-outcome-1", { value: "17" }), valueVersion: 1 }] } });
    expect(second.status()).toBe(409);
    const body = await second.json();
    expect(body.error.message).toBe("他の人が先に保存した内容と重なりました。保存していません。内容を確認してください。");
    expect(body.conflicts).toEqual([expect.objectContaining({ kpi: "disease-outcome-1", field: "value", theirs: "16", yours: "17", by: "事務局（デモ）" })]);
    expect(sql("SELECT value FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId WHERE k.code = 'disease-outcome-1' AND v.fiscalYear = 2023")).toEqual([{ value: 16 }]);
  });

  test("the grid previews the cumulative and the rating as the user types, and flags errors in place", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(`${baseURL}/ja/signin`);
    await page.getByLabel("メールアドレス").fill(USERS.secretariat.email);
    await page.getByLabel("パスワード").fill(USERS.secretariat.password);
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect(page).toHaveURL(/\/ja$/);
    await page.goto(`${baseURL}/ja/workspace/plan2/2023`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("令和5年度フォローアップの入力");
    const input = page.locator("#genome-out-1-value");
    await input.fill("３");
    const preview = page.getByRole("row").filter({ has: input }).locator("td").nth(1);
    // genome 非臨床POC: 1+1+3 through FY2022, +3 in FY2023 = 8 against 5 × 4/5 = 4
    await expect(preview).toContainText("累計: 8件");
    await expect(preview).toContainText("按分目安: 4件");
    await expect(preview).toContainText("自動判定: A");
    await input.fill("-1");
    await expect(page.getByText("負の数は入力できません。")).toBeVisible();
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await context.close();
  });

  test("a finalized round shows its new figures on the dashboard at once", async () => {
    const before = await (await anonymous.get("/api/plans/plan2/follow-up?fy=2024")).json();
    expect(before.error.code).toBe("roundNotFound"); // unlocked: a draft again
    const res = await secretariat.post("/api/plans/plan2/rounds/2024/status", { data: { to: "final", meetingNo: 43, meetingDate: "2025-05-14" } });
    expect(res.status()).toBe(200);
    const page = await anonymous.get("/ja/plans/plan2/2024/kpis/disease-outcome-1");
    expect(page.status()).toBe(200);
    const html = (await page.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("（3/3/4/16/R6計17）");
    const after = await (await anonymous.get("/api/plans/plan2/follow-up?fy=2024")).json();
    const row = after.rows.find((r: { kpi: string }) => r.kpi === "disease-outcome-1");
    expect(row).toMatchObject({ cumulative: 43, values: { "2023": 16 }, missing_years: [{ from: 2024, to: 2024, sum: 17 }] });
    expect(after.round).toMatchObject({ status: "final", meeting_no: 43, meeting_date: "2025-05-14" });
  });

  test.afterAll(async () => {
    // Whatever happened above, FY2024 ends final again, as presented, for the other tests.
    await admin?.post("/api/plans/plan2/rounds/2024/status", { data: { to: "final", meetingNo: 43, meetingDate: "2025-05-14" } });
    for (const c of [admin, secretariat, committee, anonymous]) await c?.dispose();
  });
});
