/**
 * The gaps an outside review found (issue 9), each tried through the real HTTP API or the
 * browser. The spec works on a plan of its own (a copy of plan2's structure, FY2040–2044),
 * so it changes nothing that other specs read.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import ExcelJS from "exceljs";
import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import Papa from "papaparse";
import { apiAs, DEMO, E2E_DB, sql } from "../support/e2e";

const PLAN = "trust-e2e";
const API = `/api/plans/${PLAN}`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const row = (kpi: string, fields: Record<string, unknown>) => ({ kpi, valueVersion: 0, entryVersion: 0, ...fields });
const file = (name: string, mimeType: string, buffer: Buffer, token?: string) => ({
  multipart: { file: { name, mimeType, buffer }, ...(token ? { token } : {}) },
});
const valueOf = (kpi: string, fy: number) =>
  sql<{ value: number | null; version: number }>(
    "SELECT v.value, v.version FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId JOIN Project p ON p.id = k.projectId JOIN Plan pl ON pl.id = p.planId WHERE pl.code = ? AND k.code = ? AND v.fiscalYear = ?",
    PLAN,
    kpi,
    fy,
  )[0];

/** The template of a round, with the cells of some KPIs changed as a clerk would. */
async function editedTemplate(ctx: APIRequestContext, fy: number, edits: Record<string, Record<string, string>>): Promise<Buffer> {
  const res = await ctx.get(`${API}/rounds/${fy}/template`);
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as string[]).slice(1);
  for (const r of ws.getRows(2, ws.rowCount - 1)!) {
    for (const [column, value] of Object.entries(edits[r.getCell(1).text] ?? {})) r.getCell(header.indexOf(column) + 1).value = value;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test.describe.serial("trust: nothing lost, nobody in", () => {
  let admin: APIRequestContext, secretariat: APIRequestContext, committee: APIRequestContext, anonymous: APIRequestContext;

  test.beforeAll(async ({ playwright, baseURL }) => {
    [admin, secretariat, committee, anonymous] = await Promise.all([
      apiAs(playwright, baseURL!, DEMO.admin, "10.9.0.1"),
      apiAs(playwright, baseURL!, DEMO.secretariat, "10.9.0.2"),
      apiAs(playwright, baseURL!, DEMO.committee, "10.9.0.3"),
      apiAs(playwright, baseURL!, null, "10.9.0.4"),
    ]);
    const created = await admin.post("/api/admin/plans", {
      data: { code: PLAN, nameJa: "検証用計画", nameEn: "Trust test plan", firstFy: 2040, lastFy: 2044, copyFrom: "plan2" },
    });
    expect(created.status()).toBe(201);
  });

  test.afterAll(async () => {
    await Promise.all([admin, secretariat, committee, anonymous].map((c) => c.dispose()));
  });

  test("opening a round is audited: who, when, what", async () => {
    expect((await secretariat.post(`${API}/rounds/2040/entries?lang=ja`, { data: { rows: [row("pharma-out-1", { value: "209" })] } })).status()).toBe(200);
    const audit = await (await committee.get(`${API}/audit?fy=2040`)).json();
    expect(audit.entries).toContainEqual(
      expect.objectContaining({ action: "round.create", field: "status", oldValue: null, newValue: "draft", user: "事務局（デモ）", fiscalYear: 2040 }),
    );
  });

  test("an old template cannot put back values a colleague saved since: a conflict with their value and name, and apply refuses it", async () => {
    // Monday: the template is made from value 209 (version 1).
    const monday = await editedTemplate(secretariat, 2040, { "genome-out-1": { value: "7" } });
    // Wednesday: a colleague saves 555.
    expect((await admin.post(`${API}/rounds/2040/entries`, { data: { rows: [row("pharma-out-1", { value: "555", valueVersion: 1 })] } })).status()).toBe(200);
    // Friday: Monday's file comes back.
    const preview = await secretariat.post(`${API}/rounds/2040/import?mode=preview&lang=ja`, file("monday.xlsx", XLSX, monday));
    expect(preview.status()).toBe(409);
    const { conflicts } = await preview.json();
    expect(conflicts).toEqual([
      expect.objectContaining({ kpi: "pharma-out-1", field: "value", theirs: "555", yours: "209", by: "管理者（デモ）", row: expect.any(Number) }),
    ]);
    const applied = await secretariat.post(`${API}/rounds/2040/import?mode=apply&lang=ja`, file("monday.xlsx", XLSX, monday));
    expect(applied.status()).toBe(409);
    expect(valueOf("pharma-out-1", 2040)?.value).toBe(555);
    expect(valueOf("genome-out-1", 2040)).toBeUndefined();

    // A fresh template carries the colleague's value: it applies, and keeps 555.
    const fresh = await editedTemplate(secretariat, 2040, { "genome-out-1": { value: "7" } });
    const checked = await secretariat.post(`${API}/rounds/2040/import?mode=preview`, file("fresh.xlsx", XLSX, fresh));
    expect(checked.status()).toBe(200);
    expect((await checked.json()).changes).toEqual([expect.objectContaining({ kpi: "genome-out-1", field: "value", oldValue: null, newValue: "7" })]);
    expect((await secretariat.post(`${API}/rounds/2040/import?mode=apply`, file("fresh.xlsx", XLSX, fresh))).status()).toBe(200);
    expect(valueOf("genome-out-1", 2040)?.value).toBe(7);
    expect(valueOf("pharma-out-1", 2040)?.value).toBe(555);
  });

  test("the import panel shows a conflict with the other person's value and name, and offers no apply", async ({ browser, baseURL }) => {
    const stale = await editedTemplate(secretariat, 2040, {});
    expect((await admin.post(`${API}/rounds/2040/entries`, { data: { rows: [row("pharma-out-1", { value: "600", valueVersion: 2 })] } })).status()).toBe(200);
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "10.9.0.5" } });
    const page = await context.newPage();
    await page.goto("/ja/signin");
    await page.getByLabel("メールアドレス").fill(DEMO.secretariat.email);
    await page.getByLabel("パスワード").fill(DEMO.secretariat.password);
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect(page).toHaveURL(/\/ja$/);
    await page.goto(`/ja/workspace/${PLAN}/2040`);
    await page.getByLabel("ファイル").setInputFiles({ name: "stale.xlsx", mimeType: XLSX, buffer: stale });
    await page.getByRole("button", { name: "内容を確認" }).click();
    const table = page.getByRole("table", { name: /他の人が保存しています/ });
    await expect(table).toContainText("555");
    await expect(table).toContainText("600");
    await expect(page.getByRole("status").filter({ hasText: "他の人が保存しています" })).toBeVisible();
    await expect(page.getByRole("button", { name: "反映する" })).toBeDisabled();
    await context.close();
  });

  test("a hand-made CSV is applied on the basis of its preview: refused without it, and if anything it touches changed since", async () => {
    const csv = Buffer.from("kpi,value\r\ngenome-out-2,3\r\n", "utf8");
    const url = `${API}/rounds/2040/import?lang=ja`;
    const noPreview = await secretariat.post(`${url}&mode=apply`, file("hand.csv", "text/csv", csv));
    expect(noPreview.status()).toBe(409);
    expect((await noPreview.json()).error.code).toBe("previewFirst");
    const first = await (await secretariat.post(`${url}&mode=preview`, file("hand.csv", "text/csv", csv))).json();
    expect(first.token).toEqual(expect.any(String));
    // A colleague saves the same KPI after the preview.
    expect((await admin.post(`${API}/rounds/2040/entries`, { data: { rows: [row("genome-out-2", { value: "4" })] } })).status()).toBe(200);
    const stale = await secretariat.post(`${url}&mode=apply`, file("hand.csv", "text/csv", csv, first.token));
    expect(stale.status()).toBe(409);
    expect((await stale.json()).conflicts).toEqual([expect.objectContaining({ kpi: "genome-out-2", theirs: "4", yours: "3", by: "管理者（デモ）" })]);
    expect(valueOf("genome-out-2", 2040)?.value).toBe(4);
    // A token is for the file it checked, and cannot be altered.
    const second = await (await secretariat.post(`${url}&mode=preview`, file("hand.csv", "text/csv", csv))).json();
    const other = Buffer.from("kpi,value\r\ngenome-out-2,9\r\n", "utf8");
    expect((await secretariat.post(`${url}&mode=apply`, file("hand.csv", "text/csv", other, second.token))).status()).toBe(409);
    expect(
      (
        await secretariat.post(
          `${url}&mode=apply`,
          file(
            "hand.csv",
            "text/csv",
            csv,
            second.token.replace(/^./, (c: string) => (c === "e" ? "f" : "e")),
          ),
        )
      ).status(),
    ).toBe(409);
    expect((await secretariat.post(`${url}&mode=apply`, file("hand.csv", "text/csv", csv, second.token))).status()).toBe(200);
    expect(valueOf("genome-out-2", 2040)?.value).toBe(3);
  });

  test("odd input gets a clear answer, never a 500: a KPI twice in a file, a body of the wrong type, a stray percent sign", async () => {
    const twice = Buffer.from("kpi,value\r\ngenome-out-5,1\r\ngenome-out-5,2\r\n", "utf8");
    const res = await secretariat.post(`${API}/rounds/2040/import?mode=preview&lang=en`, file("twice.csv", "text/csv", twice));
    expect(res.status()).toBe(400);
    expect((await res.json()).errors).toEqual([
      expect.objectContaining({ row: 3, kpi: "genome-out-5", field: "kpi", message: "This KPI is listed on another row of the file too. Keep it on one row." }),
    ]);
    const wrongType = await anonymous.post("/api/auth/signin?lang=en", { data: ["x"] });
    expect(wrongType.status()).toBe(400);
    expect((await wrongType.json()).error).toEqual({ code: "invalid", message: "Some inputs are not valid." });
    expect((await secretariat.post(`${API}/rounds/%25/status`, { data: { to: "final" } })).status()).toBe(404);
    // a body that is not JSON at all, and an empty one
    const notJson = await anonymous.post("/api/auth/signin?lang=en", { headers: { "Content-Type": "application/json" }, data: Buffer.from("{email:") });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error).toEqual({ code: "bodyNotJson", message: "The request body must be JSON." });
    const empty = await anonymous.post("/api/auth/signin?lang=en", { headers: { "Content-Type": "application/json" }, data: Buffer.from("") });
    expect((await empty.json()).error.code).toBe("emailRequired");
    // an address with no API behind it: JSON, in the caller's language
    for (const method of ["get", "post"] as const) {
      const none = await anonymous[method]("/api/nothing/here?lang=en");
      expect(none.status()).toBe(404);
      expect((await none.json()).error).toEqual({ code: "notFound", message: "There is no API at this address." });
    }
    // a broken %-escape: a 400 in the address's language, never a bare 500
    for (const [address, text] of [
      ["/en/plans/plan2/%E0%A4%A", "This address is not valid"],
      ["/ja/plans/plan2/2024/projects/%E0%A4%A", "アドレスが正しくありません"],
      ["/%E0%A4%A", "アドレスが正しくありません"],
    ]) {
      const bad = await anonymous.get(address);
      expect(bad.status(), address).toBe(400);
      expect(await bad.text()).toContain(text);
    }
    const badApi = await anonymous.get("/api/plans/%E0%A4%A");
    expect(badApi.status()).toBe(400);
    expect((await badApi.json()).error.code).toBe("badAddress");
  });

  test("a final round takes only a real meeting date in the round's span, with a translated field error", async () => {
    const finalize = (data: Record<string, unknown>, lang = "ja") =>
      secretariat.post(`${API}/rounds/2040/status?lang=${lang}`, { data: { to: "final", ...data } });
    const refused = async (data: Record<string, unknown>, lang: string, field: string, message: string) => {
      const res = await finalize(data, lang);
      expect(res.status()).toBe(400);
      expect((await res.json()).errors).toEqual([{ field, code: expect.any(String), message }]);
    };
    await refused({ meetingNo: 50, meetingDate: "2025-13-45" }, "ja", "meetingDate", "会議の日付は実在する日付で入力してください（例：2025-05-14）。");
    await refused({ meetingNo: 50, meetingDate: "2041-02-29" }, "en", "meetingDate", "Enter the meeting date as a real date, e.g. 2025-05-14.");
    await refused({ meetingNo: 50, meetingDate: "2043-01-10" }, "ja", "meetingDate", "会議の日付は2040年4月1日から2042年3月31日までの日付で入力してください。");
    await refused({ meetingNo: 50, meetingDate: "2039-12-01" }, "en", "meetingDate", "The meeting date must be between 1 April 2040 and 31 March 2042.");
    await refused({ meetingNo: "0x10", meetingDate: "2041-05-14" }, "ja", "meetingNo", "会議の回は1～10000の整数で入力してください。");
    expect(sql("SELECT r.status FROM FollowUpRound r JOIN Plan p ON p.id = r.planId WHERE p.code = ? AND r.fiscalYear = 2040", PLAN)).toEqual([
      { status: "draft" },
    ]);
    expect(
      sql("SELECT COUNT(*) AS n FROM RoundSnapshot s JOIN FollowUpRound r ON r.id = s.roundId JOIN Plan p ON p.id = r.planId WHERE p.code = ?", PLAN),
    ).toEqual([{ n: 0 }]);
    // as a clerk types it: full-width digits
    expect((await finalize({ meetingNo: "５０", meetingDate: "２０４１－０５－１４" })).status()).toBe(200);
    const round = (await (await anonymous.get(`${API}/follow-up?fy=2040`)).json()).round;
    expect(round).toMatchObject({ status: "final", meeting_no: 50, meeting_date: "2041-05-14" });
  });

  test("a value entered during an unlock for a year with no row, then cleared, is no correction", async () => {
    const editing = (rows: unknown[]) => secretariat.post(`${API}/rounds/2041/entries`, { data: { rows } });
    expect((await editing([row("pharma-out-1", { value: "10" })])).status()).toBe(200);
    expect((await secretariat.post(`${API}/rounds/2041/status`, { data: { to: "final", meetingNo: 51, meetingDate: "2042-05-14" } })).status()).toBe(200);
    expect((await admin.post(`${API}/rounds/2041/status`, { data: { to: "draft", reason: "a late figure" } })).status()).toBe(200);
    expect((await editing([row("genome-out-3", { value: "5" })])).status()).toBe(200);
    expect((await editing([row("genome-out-3", { value: "", valueVersion: 1 })])).status()).toBe(200);
    expect(valueOf("genome-out-3", 2041)).toEqual({ value: null, version: 2 });
    // …while a real correction is one.
    expect((await editing([row("pharma-out-1", { value: "11", valueVersion: 1 })])).status()).toBe(200);
    expect((await secretariat.post(`${API}/rounds/2041/status`, { data: { to: "final", meetingNo: 51, meetingDate: "2042-05-14" } })).status()).toBe(200);
    const page = async (kpi: string) => (await (await anonymous.get(`/ja/plans/${PLAN}/2041/kpis/${kpi}`)).text()).replace(/<!-- -->/g, "");
    expect(await page("genome-out-3")).not.toContain("この指標はフォローアップの提示後に修正されています。");
    expect(await page("pharma-out-1")).toContain("この指標はフォローアップの提示後に修正されています。");
  });

  test("an admin's target edit follows the grid's rules: no 101 % share, no 1.5 count, no hex or exponent", async () => {
    const kpi = (code: string) => `/api/admin/plans/${PLAN}/kpis/${code}`;
    const targetOf = (code: string) =>
      sql<{ target: number | null }>(
        "SELECT k.target FROM Kpi k JOIN Project p ON p.id = k.projectId JOIN Plan pl ON pl.id = p.planId WHERE pl.code = ? AND k.code = ?",
        PLAN,
        code,
      )[0].target;
    const share = targetOf("pharma-out-4");
    const count = targetOf("pharma-out-1");
    const refused = async (code: string, target: unknown, message: string, lang = "ja") => {
      const res = await admin.post(`${kpi(code)}?lang=${lang}`, { data: { target, reason: "試し" } });
      expect(res.status(), `${code} ${String(target)}`).toBe(400);
      expect((await res.json()).errors).toEqual([{ field: "target", code: expect.any(String), message }]);
    };
    await refused("pharma-out-4", "101", "割合の目標は0～100の範囲で入力してください。");
    await refused("pharma-out-4", 100.5, "A share target must be between 0 and 100.", "en");
    await refused("pharma-out-1", "1.5", "件数の目標は整数で入力してください。");
    await refused("pharma-out-1", 1.5, "件数の目標は整数で入力してください。");
    for (const bad of ["0x10", "1e3", "Infinity", "-1", "１２a"]) await refused("pharma-out-1", bad, "目標は0以上の数値で入力してください。");
    expect([targetOf("pharma-out-4"), targetOf("pharma-out-1")]).toEqual([share, count]);
    // full-width digits and commas are fine
    expect((await admin.post(kpi("pharma-out-1"), { data: { target: "１,２００", reason: "試し" } })).status()).toBe(200);
    expect(targetOf("pharma-out-1")).toBe(1200);
    // a budget reads the same way
    const budget = await admin.patch(`/api/admin/plans/${PLAN}/projects/1?lang=en`, {
      data: { budgets: [{ fiscalYear: 2040, kind: "amed", okuYen: "0x10" }] },
    });
    expect(budget.status()).toBe(400);
    expect((await budget.json()).errors[0]).toMatchObject({ field: "budgets.0.okuYen", code: "budgetNotANumber" });
  });

  test("signing out ends the session on the server: a copy of the cookie is refused at once", async ({ playwright, baseURL }) => {
    const clerk = await apiAs(playwright, baseURL!, DEMO.secretariat, "10.9.0.6");
    const { cookies } = await clerk.storageState();
    const copy = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! }, storageState: { cookies, origins: [] } });
    expect((await (await copy.get("/api/auth/me")).json()).user).toMatchObject({ role: "secretariat" });
    expect((await clerk.post("/api/auth/signout")).status()).toBe(200);
    expect((await (await copy.get("/api/auth/me")).json()).user).toBeNull();
    const save = await copy.post(`${API}/rounds/2042/entries`, { data: { rows: [row("pharma-out-1", { value: "1" })] } });
    expect(save.status()).toBe(401);
    expect(valueOf("pharma-out-1", 2042)).toBeUndefined();
    await Promise.all([clerk.dispose(), copy.dispose()]);
  });

  test("the per-client sign-in limit is not reset by a forged X-Forwarded-For from an undeclared peer", async ({ baseURL }) => {
    // From 127.0.0.2: a loopback address that playwright.config.ts does not declare a proxy.
    const { port } = new URL(baseURL!);
    const attempt = (i: number) =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify({ email: `nobody-${i}@example.jp`, password: "wrong-password-123" });
        const req = httpRequest(
          {
            host: "127.0.0.1",
            port: Number(port),
            localAddress: "127.0.0.2",
            method: "POST",
            path: "/api/auth/signin",
            headers: { "Content-Type": "application/json", Origin: baseURL!, "X-Forwarded-For": `198.51.100.${i}`, "X-Kpi-Peer-Address": `192.0.2.${i}` },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    const statuses: number[] = [];
    for (let i = 1; i <= 21; i++) statuses.push(await attempt(i));
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  test("answers that depend on the session say so: private for members, Vary: Cookie for everyone", async () => {
    const urls = [
      "/api/plans/plan2/follow-up?fy=2022",
      "/api/plans/plan2/follow-up?fy=2022&format=csv",
      "/api/plans/plan2/follow-up?fy=2022&format=xlsx",
      "/api/plans/plan2/audit",
      "/api/auth/me",
      "/api/plans",
      `${API}/rounds/2042/template`,
    ];
    for (const url of urls) {
      const res = await secretariat.get(url);
      expect(res.status(), url).toBe(200);
      expect(res.headers()["cache-control"], url).toBe("private, no-store");
      expect(res.headers()["vary"], url).toMatch(/\bCookie\b/);
    }
    // A draft round: members get it privately; the public gets a 404 on the same URL, keyed by the cookie.
    expect((await secretariat.post(`${API}/rounds/2043/entries`, { data: { rows: [row("pharma-out-1", { value: "1" })] } })).status()).toBe(200);
    const draft = await committee.get(`${API}/follow-up?fy=2043`);
    expect(draft.status()).toBe(200);
    expect((await draft.json()).round.status).toBe("draft");
    expect(draft.headers()["cache-control"]).toBe("private, no-store");
    const hidden = await anonymous.get(`${API}/follow-up?fy=2043`);
    expect(hidden.status()).toBe(404);
    expect(hidden.headers()["vary"]).toMatch(/\bCookie\b/);
    const publicExport = await anonymous.get("/api/plans/plan2/follow-up?fy=2022&format=csv");
    expect(publicExport.headers()["vary"]).toMatch(/\bCookie\b/);
    expect(publicExport.headers()["cache-control"] ?? "").not.toContain("private");
  });

  test("the CSV export neutralises text that a spreadsheet would run, keeps numbers as numbers; the .xlsx stores it as text", async () => {
    const renamed = await admin.post(`/api/admin/plans/${PLAN}/kpis/pharma-out-1`, {
      data: { nameJa: "=1+1", nameEn: '@SUM(1,2)\n=HYPERLINK("http://evil.example")', reason: "試し" },
    });
    expect(renamed.status()).toBe(200);
    const csv = await (await anonymous.get(`${API}/follow-up?fy=2041&format=csv`)).text();
    const records = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    const pharma = records.find((r) => r.kpi === "pharma-out-1")!;
    expect(pharma.name_ja).toBe("'=1+1");
    expect(pharma.name_en.startsWith("'@SUM(1,2)")).toBe(true);
    expect(pharma.target).toBe("1200");
    expect(csv).toContain(",1200,");
    for (const r of records) for (const [k, v] of Object.entries(r)) expect(/^[=+\-@\t\r]/.test(v), `${r.kpi} ${k}: ${v}`).toBe(false);

    const xlsx = await anonymous.get(`${API}/follow-up?fy=2041&format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const cols = (sheet.getRow(1).values as string[]).slice(1);
    const cell = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => r.getCell(2).text === "pharma-out-1")!
      .getCell(cols.indexOf("name_ja") + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe("=1+1");
  });
});

test("when no PDF can be made, the slides link leads to a translated page that says why; API clients keep the JSON error", async ({
  browser,
  request,
  playwright,
}) => {
  // A second server on the same build and database, with no Chromium to print with. It counts
  // sign-in attempts in the same table as the first: like the first, it believes the client
  // address that apiAs sends, so its sign-in does not count against 127.0.0.1's.
  const port = 3199;
  const server = spawn("node", ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${E2E_DB}`,
      PORT: String(port),
      CHROMIUM_PATH: "/nonexistent/chromium",
      COOKIE_SECURE: "false",
      TRUST_PROXY: "127.0.0.1",
      SESSION_SECRET: "e2e-secret-that-is-at-least-32-characters-long",
    },
    stdio: "ignore",
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await expect.poll(async () => (await request.get(`${base}/api/plans`).catch(() => null))?.status() ?? 0, { timeout: 30_000 }).toBe(200);
    // A round finalized through this server, whose PDF it cannot print: finalizing tries to
    // make its stored decks, and the PDF ones fail (the PowerPoint needs no Chromium).
    const secretariat = await apiAs(playwright, base, DEMO.secretariat, "10.9.1.1");
    expect((await secretariat.post(`${API}/rounds/2044/entries`, { data: { rows: [row("pharma-out-1", { value: "3" })] } })).status()).toBe(200);
    expect((await secretariat.post(`${API}/rounds/2044/status`, { data: { to: "final", meetingNo: null, meetingDate: null } })).status()).toBe(200);
    await secretariat.dispose();
    const api = await request.get(`${base}${API}/follow-up/slides?fy=2044&lang=en`, { headers: { Accept: "application/json" } });
    expect(api.status()).toBe(503);
    expect((await api.json()).error.code).toBe("pdfUnavailable");
    const pptx = await request.get(`${base}${API}/follow-up/slides?fy=2044&lang=en&format=pptx`);
    expect(pptx.status()).toBe(200);
    expect(pptx.headers()["content-type"]).toContain("presentationml");

    const page = await browser.newPage();
    for (const [lang, link, title, back] of [
      ["ja", "スライド（PDF）", "スライド（PDF）を作成できませんでした", "令和26年度の概要に戻る"],
      ["en", "Slides (PDF)", "The slides (PDF) could not be made", "Back to the FY2044 overview"],
    ]) {
      await page.goto(`${base}/${lang}/plans/${PLAN}/2044`);
      await page.getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page).toHaveURL(new RegExp(`/${lang}/plans/${PLAN}/2044/slides-unavailable`));
      await expect(page.getByRole("link", { name: back })).toBeVisible();
      await expect(page.locator("header")).toBeVisible();
    }
    await page.close();
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
});
