import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiAs, DEMO, sql } from "../support/e2e";

// Runs first (file order). It adds users of its own and never changes the demo users; the
// project it edits is put back as it was, so the specs after it see the seeded plan.

type Budget = { fiscalYear: number; kind: string; okuYen: number };
type Ministry = { ministry: string; lead: number };

/** A plan2 project as stored: names, ministries in order, budgets. */
function stored(no: number) {
  const [p] = sql<{ id: number; nameJa: string; nameEn: string }>(
    `SELECT p.id, p.nameJa, p.nameEn FROM Project p JOIN Plan l ON l.id = p.planId WHERE l.code = 'plan2' AND p.no = ?`,
    no,
  );
  return {
    ...p,
    ministries: sql<Ministry>(`SELECT ministry, lead FROM ProjectMinistry WHERE projectId = ? ORDER BY lead DESC, "order"`, p.id),
    budgets: sql<Budget>(`SELECT fiscalYear, kind, okuYen FROM ProjectBudget WHERE projectId = ? ORDER BY fiscalYear, kind`, p.id),
  };
}

/** Puts a project back as `before` was, through the API. */
async function restore(admin: APIRequestContext, no: number, before: ReturnType<typeof stored>) {
  const budgets = [2020, 2021, 2022, 2023, 2024].flatMap((fiscalYear) =>
    ["amed", "inhouse"].map((kind) => ({
      fiscalYear,
      kind,
      okuYen: before.budgets.find((b) => b.fiscalYear === fiscalYear && b.kind === kind)?.okuYen ?? null,
    })),
  );
  const res = await admin.patch(`/api/admin/plans/plan2/projects/${no}`, {
    headers: { Origin: test.info().project.use.baseURL! },
    data: {
      nameJa: before.nameJa,
      nameEn: before.nameEn,
      ministries: before.ministries.map((m) => ({ ministry: m.ministry, lead: m.lead === 1 })),
      budgets,
      reason: "e2e: put back",
    },
  });
  expect(res.status()).toBe(200);
  expect(stored(no)).toEqual(before);
}

const userId = (email: string) => sql<{ id: number }>("SELECT id FROM User WHERE email = ?", email)[0]?.id;

test("an admin creates a user who can sign in; disabling the user ends their session and stops sign-in", async ({ browser, playwright, baseURL }) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "192.0.2.11");
  const adminContext = await browser.newContext({ baseURL, storageState: await admin.storageState(), extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.11" } });
  const page = await adminContext.newPage();
  await page.goto("/ja/admin");
  await page.getByRole("navigation", { name: "管理メニュー" }).getByRole("link", { name: "ユーザーの管理" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ユーザーの管理");

  // typed as a Japanese clerk might: a full-width address; first with a short password
  const form = page.getByRole("region", { name: "新しいユーザー" });
  await form.getByLabel("メールアドレス").fill("Ｈａｎａｋｏ.E2E＠Example.jp ");
  await form.getByLabel("氏名").fill("試験 花子");
  await form.getByLabel("役割").selectOption({ label: "委員" });
  await form.getByLabel("初期パスワード（12文字以上）").fill("short");
  await form.getByRole("button", { name: "登録" }).click();
  await expect(form.getByLabel("初期パスワード（12文字以上）")).toHaveAccessibleDescription("パスワードは12文字以上にしてください。");
  expect(userId("hanako.e2e@example.jp")).toBeUndefined();
  await form.getByLabel("初期パスワード（12文字以上）").fill("hanako's long password");
  await form.getByRole("button", { name: "登録" }).click();
  await expect(form.getByRole("status")).toHaveText("hanako.e2e@example.jp を登録しました。");
  const row = page.getByRole("region", { name: "ユーザー一覧" }).getByRole("row", { name: /hanako\.e2e@example\.jp/ });
  await expect(row.getByRole("cell")).toHaveText(["試験 花子", "委員", /^\d{4}\/\d{1,2}\/\d{1,2}$/, "有効", "変更"]);

  // the new user signs in, in a browser of their own
  const hanako = { email: "hanako.e2e@example.jp", password: "hanako's long password" };
  const userContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.12" } });
  const userPage = await userContext.newPage();
  await userPage.goto("/ja/signin");
  await userPage.getByLabel("メールアドレス").fill(hanako.email);
  await userPage.getByLabel("パスワード").fill(hanako.password);
  await userPage.getByRole("button", { name: "ログイン" }).click();
  await expect(userPage).toHaveURL(/\/ja$/);
  await expect(userPage.getByRole("banner")).toContainText("試験 花子（委員）");
  expect((await (await userContext.request.get("/api/auth/me")).json()).user).toEqual({ name: "試験 花子", role: "committee" });

  // the admin disables the account
  await row.getByRole("button", { name: "hanako.e2e@example.jp の変更" }).click();
  const panel = page.getByRole("region", { name: "hanako.e2e@example.jp の変更" });
  await panel.getByRole("button", { name: "無効にする" }).click();
  await expect(panel.getByRole("status")).toHaveText("hanako.e2e@example.jp を無効にしました。");
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^無効（.+から）$/);

  // the open session stops working, and signing in is refused like a wrong password
  expect((await (await userContext.request.get("/api/auth/me")).json()).user).toBeNull();
  await userPage.reload();
  await expect(userPage.getByRole("banner").getByRole("link", { name: "ログイン" })).toBeVisible();
  expect((await userContext.request.get("/api/plans/plan2/audit")).status()).toBe(401);
  await userPage.goto("/ja/signin");
  await userPage.getByLabel("メールアドレス").fill(hanako.email);
  await userPage.getByLabel("パスワード").fill(hanako.password);
  await userPage.getByRole("button", { name: "ログイン" }).click();
  await expect(userPage.locator("form").getByRole("alert")).toHaveText("メールアドレスまたはパスワードが違います。");

  // enabled again, the user signs in again
  await panel.getByRole("button", { name: "有効に戻す" }).click();
  await expect(panel.getByRole("status")).toHaveText("hanako.e2e@example.jp を有効に戻しました。");
  await userPage.getByRole("button", { name: "ログイン" }).click();
  await expect(userPage).toHaveURL(/\/ja$/);

  // every change is in the audit log, without the password or its hash
  const id = userId(hanako.email);
  const log = sql<{ action: string; field: string; oldValue: string | null; newValue: string | null; user: string }>(
    "SELECT a.action, a.field, a.oldValue, a.newValue, u.email AS user FROM AuditLog a JOIN User u ON u.id = a.userId WHERE a.entity = 'User' AND a.entityId = ? ORDER BY a.id",
    id,
  );
  expect(log.map((a) => [a.action, a.field, a.user])).toEqual([
    ["user.create", "email", "admin@example.jp"],
    ["user.create", "name", "admin@example.jp"],
    ["user.create", "role", "admin@example.jp"],
    ["user.disable", "disabledAt", "admin@example.jp"],
    ["user.enable", "disabledAt", "admin@example.jp"],
  ]);
  const [{ passwordHash }] = sql<{ passwordHash: string }>("SELECT passwordHash FROM User WHERE id = ?", id);
  expect(JSON.stringify(log)).not.toContain(passwordHash);
  expect(JSON.stringify(log)).not.toContain(hanako.password);
  await expect(page.getByRole("region", { name: "変更履歴" }).getByRole("row", { name: /hanako\.e2e@example\.jp/ })).toHaveCount(5);

  await adminContext.close();
  await userContext.close();
  await admin.dispose();
});

test("a password reset ends the user's sessions; the old password stops working", async ({ playwright, baseURL }) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "192.0.2.21");
  const created = await admin.post("/api/admin/users?lang=en", {
    data: { email: "taro.e2e@example.jp", name: "Taro E2E", role: "secretariat", password: "taro's first password" },
  });
  expect(created.status()).toBe(201);
  const { user } = await created.json();
  expect(user).toMatchObject({ email: "taro.e2e@example.jp", role: "secretariat", disabledAt: null });
  expect(user).not.toHaveProperty("passwordHash");
  expect(
    (
      await admin.post("/api/admin/users?lang=en", { data: { email: "TARO.e2e@example.jp", name: "x", role: "committee", password: "another long password" } })
    ).status(),
  ).toBe(409);

  const taro = await apiAs(playwright, baseURL!, { email: "taro.e2e@example.jp", password: "taro's first password" }, "192.0.2.22");
  expect((await (await taro.get("/api/auth/me")).json()).user).toEqual({ name: "Taro E2E", role: "secretariat" });
  const reset = await admin.patch(`/api/admin/users/${user.id}?lang=en`, { data: { password: "taro's second password" } });
  expect(await reset.json()).toMatchObject({ changed: ["password"], message: "Saved." });
  expect((await (await taro.get("/api/auth/me")).json()).user).toBeNull();
  expect((await taro.post("/api/auth/signin", { data: { email: "taro.e2e@example.jp", password: "taro's first password" } })).status()).toBe(401);
  expect((await taro.post("/api/auth/signin", { data: { email: "taro.e2e@example.jp", password: "taro's second password" } })).status()).toBe(200);
  await taro.dispose();
  await admin.dispose();
});

test("an admin can neither disable themselves nor give up the admin role, and stays signed in after setting their own password", async ({
  playwright,
  baseURL,
}) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "192.0.2.31");
  const me = userId(DEMO.admin.email);
  const disable = await admin.patch(`/api/admin/users/${me}?lang=ja`, { data: { disabled: true } });
  expect(disable.status()).toBe(409);
  expect((await disable.json()).error.message).toBe("自分自身のアカウントは無効にできません。");
  const demote = await admin.patch(`/api/admin/users/${me}`, { data: { role: "secretariat" }, headers: { "Accept-Language": "en-GB,en;q=0.9" } });
  expect(demote.status()).toBe(409);
  expect((await demote.json()).error.message).toBe("You cannot give up your own administrator role. Ask another administrator.");
  expect(sql("SELECT role, disabledAt FROM User WHERE id = ?", me)).toEqual([{ role: "admin", disabledAt: null }]);

  // an admin who sets their own password stays signed in (and puts the demo password back)
  for (const password of ["the admin's own new password", DEMO.admin.password]) {
    expect((await admin.patch(`/api/admin/users/${me}`, { data: { password } })).status()).toBe(200);
    expect((await (await admin.get("/api/auth/me")).json()).user).toEqual({ name: "管理者（デモ）", role: "admin" });
  }
  await admin.dispose();
});

test("only admins may use the admin APIs and pages: 401 for anonymous callers, 403 for the secretariat and the committee", async ({
  playwright,
  baseURL,
  page,
}) => {
  const anonymous = await apiAs(playwright, baseURL!, null, "192.0.2.41");
  const secretariat = await apiAs(playwright, baseURL!, DEMO.secretariat, "192.0.2.42");
  const committee = await apiAs(playwright, baseURL!, DEMO.committee, "192.0.2.43");
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "192.0.2.44");
  const before = { users: sql("SELECT * FROM User ORDER BY id"), project: stored(1) };
  const me = userId(DEMO.admin.email);
  const calls = [
    (c: APIRequestContext, lang: string) => c.get(`/api/admin/users?lang=${lang}`),
    (c: APIRequestContext, lang: string) =>
      c.post(`/api/admin/users?lang=${lang}`, { data: { email: "intruder@example.jp", name: "x", role: "admin", password: "a long enough password" } }),
    (c: APIRequestContext, lang: string) => c.patch(`/api/admin/users/${me}?lang=${lang}`, { data: { password: "a long enough password" } }),
    (c: APIRequestContext, lang: string) => c.patch(`/api/admin/plans/plan2/projects/1?lang=${lang}`, { data: { nameJa: "乗っ取り" } }),
    (c: APIRequestContext, lang: string) =>
      c.post(`/api/admin/plans?lang=${lang}`, { data: { code: "intruder", nameJa: "x", nameEn: "x", firstFy: 2030, lastFy: 2034 } }),
    (c: APIRequestContext, lang: string) => c.post(`/api/admin/plans/plan2/kpis/pharma-out-1?lang=${lang}`, { data: { target: 1, reason: "x" } }),
  ];
  for (const call of calls) {
    const ja = await call(anonymous, "ja");
    expect(ja.status()).toBe(401);
    expect((await ja.json()).error.message).toBe("ログインしてください。");
    expect((await (await call(anonymous, "en")).json()).error.message).toBe("Please sign in.");
    for (const member of [secretariat, committee]) {
      const en = await call(member, "en");
      expect(en.status()).toBe(403);
      expect((await en.json()).error.message).toBe("Only administrators can do this.");
    }
    expect((await (await call(committee, "ja")).json()).error.message).toBe("この操作は管理者のみが行えます。");
  }
  // an admin's browser on another site cannot write either
  const crossSite = await admin.patch("/api/admin/plans/plan2/projects/1", { data: { nameJa: "乗っ取り" }, headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect({ users: sql("SELECT * FROM User ORDER BY id"), project: stored(1) }).toEqual(before);

  await page.context().addCookies((await secretariat.storageState()).cookies);
  for (const path of ["/ja/admin/users", "/ja/admin/projects/plan2"]) {
    await page.goto(path);
    await expect(page.getByText("管理者のみが利用できます。")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  }
  for (const c of [anonymous, secretariat, committee, admin]) await c.dispose();
});

test("bad project input is refused with a translated message in Japanese and English, and nothing is stored", async ({ playwright, baseURL }) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "192.0.2.51");
  const before = stored(1);
  const audit = () => sql("SELECT COUNT(*) AS n FROM AuditLog WHERE entity = 'Project'");
  const auditBefore = audit();
  const lead = (ministries: [string, boolean][]) => ministries.map(([ministry, lead]) => ({ ministry, lead }));
  const cases = [
    {
      body: { budgets: [{ fiscalYear: 2023, kind: "amed", okuYen: "-5" }] },
      field: "budgets.0.okuYen",
      ja: "予算額に負の数は入力できません。",
      en: "The budget cannot be negative.",
    },
    {
      body: { budgets: [{ fiscalYear: 2023, kind: "amed", okuYen: -5 }] },
      field: "budgets.0.okuYen",
      ja: "予算額に負の数は入力できません。",
      en: "The budget cannot be negative.",
    },
    {
      body: { budgets: [{ fiscalYear: 2023, kind: "amed", okuYen: "三百" }] },
      field: "budgets.0.okuYen",
      ja: "予算額は数値（億円）で入力してください。例：1,234.5",
      en: "The budget must be a number (億円), e.g. 1,234.5.",
    },
    {
      body: { budgets: [{ fiscalYear: 2023, kind: "amed", okuYen: true }] },
      field: "budgets.0.okuYen",
      ja: "予算額は数値（億円）で入力してください。例：1,234.5",
      en: "The budget must be a number (億円), e.g. 1,234.5.",
    },
    {
      body: { budgets: [{ fiscalYear: 2019, kind: "amed", okuYen: "10" }] },
      field: "budgets.0.fiscalYear",
      ja: "予算の年度は計画期間（2020～2024年度）の中にしてください。",
      en: "The budget's fiscal year must be within the plan (FY2020 to FY2024).",
    },
    {
      body: {
        ministries: lead([
          ["MHLW", true],
          ["MOF", false],
        ]),
      },
      field: "ministries.1.ministry",
      ja: "府省はMHLW・MEXT・METI・MIC・CAOのいずれかです。",
      en: "The ministry must be one of MHLW, MEXT, METI, MIC and CAO.",
    },
    {
      body: {
        ministries: lead([
          ["MHLW", true],
          ["MEXT", true],
        ]),
      },
      field: "ministries",
      ja: "主担当（◎）は担当府省のうち1つだけ選んでください。",
      en: "Choose exactly one lead (◎) among the ministries in charge.",
    },
    { body: { nameEn: "  " }, field: "nameEn", ja: "名称を入力してください。", en: "Enter a name." },
  ];
  for (const c of cases) {
    // each bad field comes with a good one: a save is all or nothing
    const data = { nameJa: "変わってはいけない", ...c.body, reason: "e2e" };
    const ja = await admin.patch("/api/admin/plans/plan2/projects/1?lang=ja", { data });
    expect(ja.status(), JSON.stringify(c.body)).toBe(400);
    expect(await ja.json()).toEqual({
      error: { code: "invalid", message: "入力に誤りがあります。" },
      errors: [expect.objectContaining({ field: c.field, message: c.ja })],
    });
    const en = await admin.patch("/api/admin/plans/plan2/projects/1", { data, headers: { "Accept-Language": "en" } });
    expect((await en.json()).errors).toEqual([expect.objectContaining({ field: c.field, message: c.en })]);
  }
  expect(stored(1)).toEqual(before);
  expect(audit()).toEqual(auditBefore);
  await admin.dispose();
});

test("in the page, a bad budget is shown at its field in English, and nothing is saved", async ({ browser, playwright, baseURL }) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "192.0.2.61");
  const context = await browser.newContext({ baseURL, storageState: await admin.storageState() });
  const page = await context.newPage();
  const before = stored(1);
  await page.goto("/en/admin/projects/plan2");
  const project = page.getByRole("region", { name: "① Pharmaceuticals Project (drug R&D)" });
  await project.getByLabel("FY2023 AMED (億円)").fill("-5");
  await project.getByLabel("Ministry of Education, Culture, Sports, Science and Technology: lead").check();
  await project.getByRole("button", { name: "Save" }).click();
  await expect(project.getByRole("status")).toHaveText("Some inputs are not valid.");
  await expect(project.getByLabel("FY2023 AMED (億円)")).toHaveAttribute("aria-invalid", "true");
  await expect(project.getByLabel("FY2023 AMED (億円)")).toHaveAccessibleDescription("The budget cannot be negative.");
  expect(stored(1)).toEqual(before);
  await context.close();
  await admin.dispose();
});

test("a project renamed, with its ministries and budget changed, shows on the public pages at once", async ({ browser, playwright, baseURL }) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "192.0.2.71");
  const before = stored(6);
  expect(before).toMatchObject({
    nameJa: "シーズ開発・研究基盤プロジェクト",
    ministries: [
      { ministry: "MEXT", lead: 1 },
      { ministry: "MHLW", lead: 0 },
      { ministry: "METI", lead: 0 },
    ],
  });
  // the public sees the cached pages; view them first so that they are in the cache
  const visitor = await browser.newPage({ baseURL });
  await visitor.goto("/ja/plans/plan2/2022");
  await expect(visitor.getByRole("heading", { level: 3, name: "⑥ シーズ開発・研究基盤プロジェクト" })).toBeVisible();
  const context = await browser.newContext({ baseURL, storageState: await admin.storageState() });
  await admin.dispose();
  const page = await context.newPage();
  try {
    await page.goto("/ja/admin/projects/plan2");
    const project = page.getByRole("region", { name: /^⑥/ });
    await project.getByLabel("名称（日本語）").fill("シーズ開発・研究基盤プロジェクト（試験改称）");
    await project.getByLabel("名称（英語）").fill("Seeds and Research Infrastructure (renamed)");
    await project.getByLabel("厚生労働省：主担当").check();
    await project.getByLabel("総務省：担当").check();
    await project.getByLabel("令和4年度 AMED対象経費（億円）").fill("１,２３４.５");
    await project.getByLabel("変更理由（任意）").fill("e2e の改称");
    await project.getByRole("button", { name: "保存" }).click();
    await expect(project.getByRole("status")).toHaveText("保存しました。変更は履歴に残ります。");
    await expect(page.getByRole("heading", { level: 2, name: "⑥ シーズ開発・研究基盤プロジェクト（試験改称）" })).toBeVisible();
    await expect(project.getByLabel("令和4年度 AMED対象経費（億円）")).toHaveValue("1234.5");
    expect(stored(6)).toMatchObject({
      nameJa: "シーズ開発・研究基盤プロジェクト（試験改称）",
      ministries: [
        { ministry: "MHLW", lead: 1 },
        { ministry: "MEXT", lead: 0 },
        { ministry: "METI", lead: 0 },
        { ministry: "MIC", lead: 0 },
      ],
      budgets: [{ fiscalYear: 2022, kind: "amed", okuYen: 1234.5 }],
    });

    await visitor.reload();
    const card = visitor.getByRole("region", { name: "⑥ シーズ開発・研究基盤プロジェクト（試験改称）" });
    await expect(card).toContainText("◎厚労省（主担当）、文科省、経産省、総務省");
    await expect(card).toContainText("1,234.5億円（令和4年度）");
    await visitor.goto("/en");
    await expect(
      visitor.getByRole("region", { name: "2nd Medical R&D Promotion Plan", exact: true }).getByRole("table").locator("tbody tr").nth(5).getByRole("rowheader"),
    ).toHaveText("Seeds and Research Infrastructure (renamed)");

    const audit = await (await context.request.get("/api/plans/plan2/audit?field=nameJa")).json();
    expect(audit.entries[0]).toMatchObject({
      action: "project.update",
      oldValue: "シーズ開発・研究基盤プロジェクト",
      newValue: "シーズ開発・研究基盤プロジェクト（試験改称）",
      reason: "e2e の改称",
      user: "管理者（デモ）",
    });
  } finally {
    // through the admin's browser context: the API client made at the start sat idle, and an
    // idle client may reuse a connection the server has just closed (ECONNRESET)
    await restore(context.request, 6, before);
  }
  await visitor.reload();
  await expect(
    visitor.getByRole("region", { name: "2nd Medical R&D Promotion Plan", exact: true }).getByRole("table").locator("tbody tr").nth(5).getByRole("rowheader"),
  ).toHaveText("Seeds Development and Research Infrastructure Project");
  await context.close();
});

test("the axe checker finds no serious or critical problem on the admin pages, with errors shown", async ({ browser, playwright, baseURL }) => {
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "192.0.2.81");
  const context = await browser.newContext({ baseURL, storageState: await admin.storageState() });
  await admin.dispose();
  const page = await context.newPage();
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  };
  for (const locale of ["ja", "en"]) {
    await page.goto(`/${locale}/admin`);
    await check(`${locale} plans`);
    await page.goto(`/${locale}/admin/users`);
    await page
      .getByRole("region", { name: locale === "ja" ? "新しいユーザー" : "New user" })
      .getByRole("button")
      .click();
    await expect(page.locator("[aria-invalid=true]")).toHaveCount(3);
    await page.getByRole("button", { name: locale === "ja" ? "admin@example.jp の変更" : "Change admin@example.jp" }).click();
    await check(`${locale} users`);
    await page.goto(`/${locale}/admin/projects/plan2`);
    await check(`${locale} projects`);
  }
  await context.close();
});
