/**
 * Data entry, end to end. The spec works on a full copy of the 2nd plan (plan2-e2e, seeded
 * with the same figures, rounds and snapshots), so its changes (unlocking FY2024, entering
 * FY2023, a budget) touch nothing that the other specs read.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { apiAs, DEMO, seedPlan2Copy, sql } from "../support/e2e";

const PLAN = "plan2-e2e";
const API = `/api/plans/${PLAN}`;
const ENTRIES = `${API}/rounds/2023/entries?lang=ja`;
/** Joins a KPI (alias k) to its plan, keeping this spec's plan only. */
const KPI_OF_PLAN = `JOIN Project p ON p.id = k.projectId JOIN Plan pl ON pl.id = p.planId AND pl.code = '${PLAN}'`;
/** Joins a round (alias r) to its plan, keeping this spec's plan only. */
const ROUND_OF_PLAN = `JOIN Plan pl ON pl.id = r.planId AND pl.code = '${PLAN}'`;
const valuesOf2023 = () => sql(`SELECT 1 FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId ${KPI_OF_PLAN} WHERE v.fiscalYear = 2023`);

const row = (kpi: string, fields: Record<string, unknown>) => ({ kpi, valueVersion: 0, entryVersion: 0, ...fields });
const IMPORT = `${API}/rounds/2023/import?lang=ja`;
const valueOf = (kpi: string) =>
  sql<{ value: number }>(`SELECT value FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId ${KPI_OF_PLAN} WHERE k.code = ? AND v.fiscalYear = 2023`, kpi)[0]?.value;
const upload = (name: string, mimeType: string, buffer: Buffer) => ({ multipart: { file: { name, mimeType, buffer } } });

test.describe.serial("data entry for a round", () => {
  let admin: APIRequestContext, secretariat: APIRequestContext, committee: APIRequestContext, anonymous: APIRequestContext;

  test.beforeAll(async ({ playwright, baseURL }) => {
    seedPlan2Copy({ code: PLAN, nameJa: "第２期計画（入力試験用の写し）", nameEn: "2nd plan (copy for the data-entry tests)" });
    [admin, secretariat, committee, anonymous] = await Promise.all([
      apiAs(playwright, baseURL!, DEMO.admin, "10.7.0.1"),
      apiAs(playwright, baseURL!, DEMO.secretariat, "10.7.0.2"),
      apiAs(playwright, baseURL!, DEMO.committee, "10.7.0.3"),
      apiAs(playwright, baseURL!, null, "10.7.0.4"),
    ]);
  });

  test("a final round stays frozen: its years refuse writes, and only an admin may unlock it", async () => {
    const frozen = await secretariat.post(`${API}/rounds/2022/entries?lang=ja`, { data: { rows: [row("disease-outcome-1", { value: "5" })] } });
    expect(frozen.status()).toBe(409);
    expect((await frozen.json()).error.message).toBe("このフォローアップは確定済みのため変更できません。修正には管理者による確定解除が必要です。");
    const covered = await secretariat.post(ENTRIES, { data: { rows: [row("disease-outcome-1", { value: "5" })] } });
    expect(covered.status()).toBe(409);
    expect((await covered.json()).error.message).toBe("令和5年度の数値は令和6年度のフォローアップで確定済みのため変更できません。");

    expect((await secretariat.post(`${API}/rounds/2024/status`, { data: { to: "draft", reason: "FY2023 breakdown" } })).status()).toBe(403);
    expect((await committee.post(`${API}/rounds/2024/status`, { data: { to: "draft", reason: "x" } })).status()).toBe(403);
    expect((await admin.post(`${API}/rounds/2024/status`, { data: { to: "draft", reason: "" } })).status()).toBe(400);
    expect((await admin.post(`${API}/rounds/2024/status`, { data: { to: "draft", reason: "FY2023 breakdown received" } })).status()).toBe(200);
  });

  test("each role can do what it may, and no more, by direct HTTP calls too", async () => {
    const body = { data: { rows: [row("disease-outcome-1", { value: "5" })] } };
    expect((await anonymous.post(ENTRIES, body)).status()).toBe(401);
    expect((await committee.post(ENTRIES, body)).status()).toBe(403);
    const cross = await secretariat.post(ENTRIES, { ...body, headers: { Origin: "https://evil.example" } });
    expect(cross.status()).toBe(403);
    expect((await anonymous.get(`${API}/audit`)).status()).toBe(401);
    expect((await committee.get(`${API}/audit`)).status()).toBe(200);
    for (const method of ["put", "delete", "patch"] as const) expect((await admin[method](`${API}/audit`)).status()).toBe(405);
    expect(valuesOf2023()).toEqual([]);
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
    expect(valuesOf2023()).toEqual([]);
    expect(sql(`SELECT 1 FROM AuditLog a JOIN Plan pl ON pl.id = a.planId AND pl.code = '${PLAN}' WHERE a.fiscalYear = 2023`)).toEqual([]);
  });

  test("a save reads what a clerk types, and lands in the audit trail", async () => {
    const res = await secretariat.post(ENTRIES, {
      data: {
        rows: [
          row("disease-outcome-1", { value: " １５ ", rating: "A", detailJa: "導出が進んだ。" }),
          row("device-out-2", { numerator: "1,200", denominator: "2,400" }),
        ],
      },
    });
    expect(res.status()).toBe(200);
    expect(
      sql(`SELECT value FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId ${KPI_OF_PLAN} WHERE k.code = 'disease-outcome-1' AND v.fiscalYear = 2023`),
    ).toEqual([{ value: 15 }]);
    const audit = await (await committee.get(`${API}/audit?kpi=disease-outcome-1&fy=2023`)).json();
    expect(audit.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user: "事務局（デモ）", kpi: "disease-outcome-1", fiscalYear: 2023, field: "value", oldValue: null, newValue: "15" }),
      ]),
    );
    const device = await (await committee.get(`${API}/audit?kpi=device-out-2&field=numerator`)).json();
    expect(device.entries[0]).toMatchObject({ newValue: "1200" });
  });

  test("the audit trail can be read per indicator in the browser, filtered, by any signed-in role and by nobody else", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    const page = await context.newPage();
    await page.goto(`/ja/workspace/${PLAN}/audit?kpi=disease-outcome-1`);
    await expect(page.getByRole("heading", { name: "変更履歴" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0); // anonymous: asked to sign in

    expect((await context.request.post("/api/auth/signin", { data: DEMO.committee })).status()).toBe(200);
    await page.goto(`/ja/workspace/${PLAN}/2023`);
    await page
      .getByRole("region", { name: "⑤ 疾患基礎研究プロジェクト" })
      .getByRole("link", { name: "履歴: シーズの他の統合プロジェクトや企業等への導出件数" })
      .click();
    await expect(page).toHaveURL(/audit\?kpi=disease-outcome-1$/);
    const row = page.getByRole("row").filter({ hasText: "⑤ シーズの他の統合プロジェクトや企業等への導出件数 · 令和5年度 · 単年実績" });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell").nth(1)).toHaveText("事務局（デモ）");
    await expect(row.getByRole("cell").nth(4)).toHaveText("15");
    await expect(page.getByRole("row").filter({ hasText: "医薬品" })).toHaveCount(0); // only that indicator

    // Filter by item: the rating change of the same save, and nothing else.
    await page.getByLabel("項目").selectOption("ratingFinal");
    await page.getByRole("button", { name: "表示" }).click();
    await expect(page).toHaveURL(/field=ratingFinal/);
    await expect(page.getByRole("row")).toHaveCount(2);
    await expect(page.getByRole("row").nth(1)).toContainText("委員会の評価");

    // A project's budgets edited by an admin name the project, the year and the item: every
    // year's AMED budget of project 3 raised by one and put back, eleven times (110 changes of
    // the item, more than a page of 100), and last as it was.
    const YEARS = [2020, 2021, 2022, 2023, 2024];
    const budgets = () =>
      sql<{ fiscalYear: number; okuYen: number }>(
        `SELECT b.fiscalYear, b.okuYen FROM ProjectBudget b JOIN Project p ON p.id = b.projectId JOIN Plan pl ON pl.id = p.planId AND pl.code = '${PLAN}' WHERE p.no = 3 AND b.kind = 'amed' ORDER BY b.fiscalYear`,
      );
    const original = budgets();
    const okuYen = (fy: number) => original.find((b) => b.fiscalYear === fy)?.okuYen ?? null;
    const setBudgets = (raised: boolean) =>
      admin.patch(`/api/admin/plans/${PLAN}/projects/3`, {
        data: {
          budgets: YEARS.map((fiscalYear) => ({ fiscalYear, kind: "amed", okuYen: raised ? (okuYen(fiscalYear) ?? 0) + 1 : okuYen(fiscalYear) })),
          reason: "e2e",
        },
      });
    for (let i = 0; i < 22; i++) expect((await setBudgets(i % 2 === 0)).status()).toBe(200);
    expect(budgets()).toEqual(original);
    // The API pages the same way: 200 at a time, `older` the cursor of the next page (none here).
    const trail = await (await committee.get(`${API}/audit?field=budget_amed`)).json();
    expect([trail.entries.length, trail.older]).toEqual([110, null]);
    const older = await (await committee.get(`${API}/audit?field=budget_amed&before=${trail.entries[99].id}`)).json();
    expect(older.entries.map((e: { id: number }) => e.id)).toEqual(trail.entries.slice(100).map((e: { id: number }) => e.id));
    expect((await committee.get(`${API}/audit?before=abc`)).status()).toBe(400);
    await page.goto(`/ja/workspace/${PLAN}/audit?field=budget_amed`);
    await expect(page.getByRole("row")).toHaveCount(101); // a page: the header and 100 changes
    await expect(
      page.getByRole("row").filter({ hasText: "③ 再生・細胞医療・遺伝子治療プロジェクト · 令和4年度 · 予算額（日本医療研究開発機構対象経費）" }),
    ).toHaveCount(20);
    // The older changes a page further, the filter kept (a link: no script needed), and back to the newest.
    const pages = page.getByRole("navigation", { name: "変更履歴のページ" });
    await expect(pages.getByRole("link", { name: "最新の変更に戻る" })).toHaveCount(0);
    const newest = await page.getByRole("row").nth(1).textContent();
    await pages.getByRole("link", { name: "さらに古い変更を表示" }).click();
    await expect(page).toHaveURL(/\?field=budget_amed&before=\d+$/);
    await expect(page.getByText("前のページより古い変更を新しい順に表示しています。")).toBeVisible();
    await expect(page.getByLabel("項目")).toHaveValue("budget_amed");
    await expect(page.getByRole("row")).toHaveCount(11); // the header and the 10 oldest
    await expect(pages.getByRole("link", { name: "さらに古い変更を表示" })).toHaveCount(0);
    await pages.getByRole("link", { name: "最新の変更に戻る" }).click();
    await expect(page).toHaveURL(/\?field=budget_amed$/);
    await expect(page.getByRole("row")).toHaveCount(101);
    await expect(page.getByRole("row").nth(1)).toHaveText(newest!);
    await page.goto(`/en/workspace/${PLAN}/audit?field=budget_amed`);
    await page.getByRole("navigation", { name: "Pages of the change history" }).getByRole("link", { name: "Show older changes" }).click();
    await expect(page).toHaveURL(/\/en\/workspace\/plan2-e2e\/audit\?field=budget_amed&before=\d+$/);
    await expect(page.getByRole("row")).toHaveCount(11);
    await expect(page.getByRole("link", { name: "Back to the latest changes" })).toHaveAttribute("href", `/en/workspace/${PLAN}/audit?field=budget_amed`);
    for (const before of ["abc", "0", "-5", "99999999999"]) {
      await page.goto(`/en/workspace/${PLAN}/audit?field=budget_amed&before=${before}`);
      await expect(page.getByText("That filter is not valid, so every change is shown.")).toBeVisible();
    }

    await page.goto(`/en/workspace/${PLAN}/audit?kpi=disease-outcome-1&fy=2023&field=value`);
    await expect(page.getByRole("row").nth(1)).toContainText("FY2023 · Single-year value");
    await page.goto(`/en/workspace/${PLAN}/audit?fy=2024&field=status`);
    const unlock = page.getByRole("row").filter({ hasText: "FY2023 breakdown received" });
    await expect(unlock.getByRole("cell").nth(3)).toHaveText("Final");
    await expect(unlock.getByRole("cell").nth(4)).toHaveText("Draft");
    await page.goto(`/en/workspace/${PLAN}/audit?fy=20x3`);
    await expect(page.getByText("That filter is not valid, so every change is shown.")).toBeVisible();
    await context.close();
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
    expect(
      sql(`SELECT value FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId ${KPI_OF_PLAN} WHERE k.code = 'disease-outcome-1' AND v.fiscalYear = 2023`),
    ).toEqual([{ value: 16 }]);
  });

  test("footnotes and highlights: checked, saved as a whole with the round's version, and shown on the dashboard", async ({ browser, baseURL }) => {
    const roundVersion = () => sql<{ version: number }>(`SELECT r.version FROM FollowUpRound r ${ROUND_OF_PLAN} WHERE r.fiscalYear = 2023`)[0].version;
    const notesOf2023 = () =>
      sql(`SELECT f.marker, f.textJa FROM Footnote f JOIN FollowUpRound r ON r.id = f.roundId ${ROUND_OF_PLAN} WHERE r.fiscalYear = 2023`);
    const version = roundVersion();
    const bad = await secretariat.post(ENTRIES, {
      data: {
        rows: [],
        notes: {
          version,
          footnotes: [
            { kpi: "disease-outcome-1", marker: "※", textJa: "速報値" },
            { kpi: "disease-outcome-1", marker: "※", textJa: "重複" },
            { kpi: "no-such-kpi", marker: "", textJa: "" },
          ],
          highlights: [{ project: 9, textJa: "成果" }],
        },
      },
    });
    expect(bad.status()).toBe(400);
    const { errors } = await bad.json();
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "footnotes.1", message: "このKPIには同じ記号の脚注がすでにあります。" }),
        expect.objectContaining({ field: "footnotes.2", message: "脚注の記号を入力してください（例：※）。" }),
        expect.objectContaining({ field: "footnotes.2", message: "本文（日本語）を入力してください。" }),
        expect.objectContaining({ field: "footnotes.2", error: "unknownKpi" }),
        expect.objectContaining({ field: "highlights.0", error: "unknownProject" }),
      ]),
    );
    expect(notesOf2023()).toEqual([]);

    const good = {
      rows: [],
      notes: {
        version,
        footnotes: [{ kpi: "disease-outcome-1", marker: "※", textJa: "令和5年度は速報値。" }],
        highlights: [{ project: 5, textJa: "疾患基礎研究の成果を企業へ導出した。", textEn: "Seeds were transferred to companies." }],
      },
    };
    expect((await secretariat.post(ENTRIES, { data: good })).status()).toBe(200);
    expect(notesOf2023()).toEqual([{ marker: "※", textJa: "令和5年度は速報値。" }]);
    expect(roundVersion()).toBe(version + 1);
    const stale = await admin.post(ENTRIES, { data: { ...good, notes: { ...good.notes, highlights: [] } } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).conflicts[0]).toMatchObject({ field: "notes", by: "事務局（デモ）" });
    const audit = await (await committee.get(`${API}/audit?fy=2023&field=footnote`)).json();
    expect(audit.entries[0]).toMatchObject({ kpi: "disease-outcome-1", oldValue: null, newValue: "※ 令和5年度は速報値。" });
    const highlight = await (await committee.get(`${API}/audit?fy=2023&field=highlight`)).json();
    expect(highlight.entries[0]).toMatchObject({ oldValue: null, newValue: "⑤ 疾患基礎研究の成果を企業へ導出した。 / Seeds were transferred to companies." });

    // In the browser: the secretariat sees both in the grid, and a member sees them on the draft dashboard.
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    const page = await context.newPage();
    expect((await context.request.post("/api/auth/signin", { data: DEMO.secretariat })).status()).toBe(200);
    await page.goto(`/en/workspace/${PLAN}/2023`);
    const section = page.getByRole("region", { name: "Footnotes and highlights of the round" });
    await expect(section.getByRole("group", { name: "Highlight 1" }).getByLabel("Text (English)")).toHaveValue("Seeds were transferred to companies.");
    await expect(section.getByRole("group", { name: "Footnote 1" }).getByLabel("Marker")).toHaveValue("※");
    await page.goto(`/en/plans/${PLAN}/2023`);
    await expect(page.getByText("Seeds were transferred to companies.")).toBeVisible();
    await context.close();
  });

  test("the grid previews the cumulative and the rating as the user types, and flags errors in place", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(`${baseURL}/ja/signin`);
    await page.getByLabel("メールアドレス").fill(DEMO.secretariat.email);
    await page.getByLabel("パスワード").fill(DEMO.secretariat.password);
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect(page).toHaveURL(/\/ja$/);
    await page.goto(`${baseURL}/ja/workspace/${PLAN}/2023`);
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

  test("a Shift_JIS CSV with errors in some rows: every error by row, and nothing changes", async () => {
    const csv = [
      "kpi,value,rating,detail_ja",
      "disease-outcome-1,１８,A,導出が続いた。",
      "genome-out-4,abc,,",
      "pharma-out-4,150,,",
      "genome-out-1,3,C,評価",
    ].join("\r\n");
    const res = await secretariat.post(`${IMPORT}&mode=preview`, upload("入力.csv", "text/csv", iconv.encode(csv, "Shift_JIS")));
    expect(res.status()).toBe(400);
    const { errors } = await res.json();
    expect(errors.map((e: { row: number; field: string; message: string }) => [e.row, e.field, e.message]).sort()).toEqual([
      [3, "value", "数値を入力してください。"],
      [4, "value", "割合は0～100の範囲で入力してください。"],
      [5, "rating", "評価は A、B または空欄（自動判定）で入力してください。"],
    ]);
    // even "apply" changes nothing while the file has errors
    expect((await secretariat.post(`${IMPORT}&mode=apply`, upload("入力.csv", "text/csv", iconv.encode(csv, "Shift_JIS")))).status()).toBe(400);
    expect(valueOf("disease-outcome-1")).toBe(16);
  });

  test("an .xlsx with errors in some rows is refused the same way", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("FY2023");
    ws.addRows([
      ["kpi", "value", "numerator", "denominator"],
      ["disease-outcome-1", "18"],
      ["device-out-2", "", "5", "2"],
      ["no-such-kpi", "1"],
    ]);
    const res = await secretariat.post(
      `${IMPORT}&mode=preview`,
      upload("入力.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer.from(await wb.xlsx.writeBuffer())),
    );
    expect(res.status()).toBe(400);
    const { errors } = await res.json();
    expect(errors.map((e: { row: number; field: string; message: string }) => [e.row, e.field, e.message]).sort()).toEqual([
      [3, "numerator", "分子が分母を超えています。"],
      [4, "kpi", "このKPIは計画にありません。"],
    ]);
    expect(valueOf("disease-outcome-1")).toBe(16);
  });

  test("a valid file: the preview lists each change by row and changes nothing; apply does it, with audit entries", async () => {
    const csv = "\uFEFFkpi,value\r\ndisease-outcome-1,１８\r\n";
    const preview = await secretariat.post(`${IMPORT}&mode=preview`, upload("input.csv", "text/csv", Buffer.from(csv, "utf8")));
    expect(preview.status()).toBe(200);
    const checked = await preview.json();
    expect(checked.changes).toEqual([{ row: 2, kpi: "disease-outcome-1", project: null, field: "value", oldValue: "16", newValue: "18" }]);
    expect(valueOf("disease-outcome-1")).toBe(16);
    // A file without version columns is applied on the basis of its preview: the token says what it saw.
    const applied = await secretariat.post(`${IMPORT}&mode=apply`, {
      multipart: { ...upload("input.csv", "text/csv", Buffer.from(csv, "utf8")).multipart, token: checked.token },
    });
    expect(applied.status()).toBe(200);
    expect(valueOf("disease-outcome-1")).toBe(18);
    // the narrative saved earlier is untouched: the file had no detail_ja column
    expect(
      sql(
        `SELECT detailJa FROM RoundEntry e JOIN Kpi k ON k.id = e.kpiId JOIN FollowUpRound r ON r.id = e.roundId ${ROUND_OF_PLAN} WHERE k.code = 'disease-outcome-1' AND r.fiscalYear = 2023`,
      ),
    ).toEqual([{ detailJa: "導出が進んだ。" }]);
    const audit = await (await committee.get(`${API}/audit?kpi=disease-outcome-1&fy=2023&field=value`)).json();
    expect(audit.entries[0]).toMatchObject({ oldValue: "16", newValue: "18", user: "事務局（デモ）" });
  });

  test("the template comes prefilled, and a round exports as .xlsx", async () => {
    const res = await secretariat.get(`${API}/rounds/2023/template`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as string[]).slice(1);
    const rowOf = (code: string) => ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).text === code)!;
    expect(rowOf("disease-outcome-1").getCell(header.indexOf("value") + 1).text).toBe("18");
    expect(ws.rowCount - 1).toBe(52);
    expect((await committee.get(`${API}/rounds/2023/template`)).status()).toBe(403);

    const exported = await anonymous.get(`${API}/follow-up?fy=2022&format=xlsx`);
    expect(exported.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const cols = (sheet.getRow(1).values as string[]).slice(1);
    const pharma = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).text === "pharma-out-1")!;
    expect(pharma.getCell(cols.indexOf("cumulative") + 1).value).toBe(128);
  });

  test("while unlocked, the public sees the round as last finalized; finalized again, it shows the new figures next to those presented", async () => {
    const before = await (await anonymous.get(`${API}/follow-up?fy=2024`)).json();
    expect(before.round).toMatchObject({ status: "final", meeting_no: 43 });
    const presented = before.rows.find((r: { kpi: string }) => r.kpi === "disease-outcome-1");
    expect(presented).toMatchObject({ cumulative: 43, values: { "2020": 3, "2021": 3, "2022": 4 }, missing_years: [{ from: 2023, to: 2024 }] });
    expect(presented.values["2023"]).toBeUndefined();
    const unlocked = (await (await anonymous.get(`/ja/plans/${PLAN}/2024`)).text()).replace(/<!-- -->/g, "");
    expect(unlocked).toContain("令和6年度のフォローアップは修正のため確定が解除されています。");

    const res = await secretariat.post(`${API}/rounds/2024/status`, { data: { to: "final", meetingNo: 43, meetingDate: "2025-05-14" } });
    expect(res.status()).toBe(200);
    const page = await anonymous.get(`/ja/plans/${PLAN}/2024/kpis/disease-outcome-1`);
    expect(page.status()).toBe(200);
    const html = (await page.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("（3/3/4/18/R6計15）");
    expect(html).toContain("提示時の数値と現在の数値");
    expect(html).toContain("第43回会議（2025年5月14日）で提示");
    expect(html).toContain("（3/3/4/R5～R6計33）");
    expect(html).not.toContain("修正のため確定が解除されています");
    expect(html).toContain("令和6年度の単年実績は報告されておらず、合計（15件）のみ判明しています。");
    const en = (await (await anonymous.get(`/en/plans/${PLAN}/2024/kpis/disease-outcome-1`)).text()).replace(/<!-- -->/g, "");
    expect(en).toContain("As presented at meeting no. 43 (14 May 2025)");
    // A KPI that no correction touched shows no comparison.
    const untouched = (await (await anonymous.get(`/ja/plans/${PLAN}/2024/kpis/pharma-out-1`)).text()).replace(/<!-- -->/g, "");
    expect(untouched).not.toContain("提示時の数値と現在の数値");
    const after = await (await anonymous.get(`${API}/follow-up?fy=2024`)).json();
    const row = after.rows.find((r: { kpi: string }) => r.kpi === "disease-outcome-1");
    expect(row).toMatchObject({ cumulative: 43, values: { "2023": 18 }, missing_years: [{ from: 2024, to: 2024, sum: 15 }] });
    expect(after.round).toMatchObject({ status: "final", meeting_no: 43, meeting_date: "2025-05-14" });
    expect(sql(`SELECT count(*) AS n FROM RoundSnapshot s JOIN FollowUpRound r ON r.id = s.roundId ${ROUND_OF_PLAN} WHERE r.fiscalYear = 2024`)).toEqual([
      { n: 2 },
    ]);
  });

  test("signed-in members see the draft round on the dashboards, the public does not, and signing out ends it", async ({ browser, baseURL }) => {
    const KPI = `/ja/plans/${PLAN}/2023/kpis/disease-outcome-1`;
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    const page = await context.newPage();
    const publicHtml = (await (await anonymous.get(KPI)).text()).replace(/<!-- -->/g, "");
    expect(publicHtml).not.toContain("導出が進んだ。");
    expect(publicHtml).not.toContain("確定前です");

    expect((await context.request.post("/api/auth/signin", { data: DEMO.committee })).status()).toBe(200);
    await page.goto(KPI);
    await expect(page.getByRole("status").filter({ hasText: "案：令和5年度のフォローアップは確定前です。" })).toBeVisible();
    await expect(page.getByText("導出が進んだ。")).toBeVisible();

    expect((await context.request.post("/api/auth/signout")).status()).toBe(200);
    await page.goto(KPI);
    await expect(page.getByText("導出が進んだ。")).toHaveCount(0);
    await context.close();
  });

  test.afterAll(async () => {
    for (const c of [admin, secretariat, committee, anonymous]) await c?.dispose();
  });
});
