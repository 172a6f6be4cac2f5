import { expect, test, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const DB = path.resolve(__dirname, "../.tmp/e2e.db");
const COMMITTEE = { email: "committee@example.jp", password: "demo-committee-password" };

/** A draft round for FY2023, as the secretariat would prepare it (the workspace issue adds the UI). */
function withDraftRound() {
  const db = new Database(DB);
  db.prepare(
    `INSERT OR IGNORE INTO "FollowUpRound" ("planId", "fiscalYear", "status", "version", "updatedAt")
     SELECT "id", 2023, 'draft', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM "Plan" WHERE "code" = 'plan2'`,
  ).run();
  db.close();
}

async function signIn(request: APIRequestContext, user = COMMITTEE) {
  const res = await request.post("/api/auth/signin", { data: user, headers: { Origin: test.info().project.use.baseURL! } });
  expect(res.status()).toBe(200);
}

test("signing in and out, with translated errors", async ({ page }) => {
  await page.goto("/ja/signin");
  await page.getByLabel("メールアドレス").fill(COMMITTEE.email);
  await page.getByLabel("パスワード").fill("wrong password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("メールアドレスまたはパスワードが違います。");
  await page.getByLabel("パスワード").fill(COMMITTEE.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/ja$/);
  await expect(page.getByRole("banner")).toContainText("委員（デモ）（委員）");
  // a committee member reads the entries, and is offered no link to enter data or to administer
  await expect(page.getByRole("banner").getByRole("link", { name: "入力状況の閲覧" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "データ入力" })).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("link", { name: "計画の管理" })).toHaveCount(0);
  const cookie = (await page.context().cookies()).find((c) => c.name === "kpi_session")!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "ログイン" })).toBeVisible();

  await page.goto("/en/signin");
  await page.getByLabel("E-mail address").fill("not an address");
  await page.getByLabel("Password").fill("x");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("That e-mail address is not valid.");
  // in English, the role is in English brackets: half-width, after a space
  await page.getByLabel("E-mail address").fill(COMMITTEE.email);
  await page.getByLabel("Password").fill(COMMITTEE.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("banner")).toContainText(" (committee member)");
  await expect(page.getByRole("banner")).not.toContainText("（committee member）");
  await page.getByRole("button", { name: "Sign out" }).click();
});

test("password guessing is slowed down, and cross-site sign-in is refused", async ({ request }) => {
  const origin = { Origin: test.info().project.use.baseURL! };
  const guess = () => request.post("/api/auth/signin?lang=en", { data: { email: "nobody@example.jp", password: "guess" }, headers: origin });
  for (let i = 0; i < 5; i++) expect((await guess()).status()).toBe(401);
  const limited = await guess();
  expect(limited.status()).toBe(429);
  expect((await limited.json()).error.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);

  const cross = await request.post("/api/auth/signin", { data: COMMITTEE, headers: { Origin: "https://evil.example" } });
  expect(cross.status()).toBe(403);
});

test("a draft round: hidden from anonymous callers, shown to the committee, marked 案 / DRAFT on every slide", async ({ playwright, baseURL }) => {
  withDraftRound();
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/plans/plan2/follow-up?fy=2023")).status()).toBe(404);
  expect((await anonymous.get("/api/plans/plan2/follow-up/slides?fy=2023&lang=ja")).status()).toBe(404);
  expect((await anonymous.get("/ja/print/plans/plan2/2023")).status()).toBe(404);
  expect((await anonymous.get("/ja/print/plans/plan2/2023?token=plan2.2023.99999999999999.forged")).status()).toBe(404);

  const committee = await playwright.request.newContext({ baseURL });
  await signIn(committee);
  const data = await committee.get("/api/plans/plan2/follow-up?fy=2023");
  expect(data.status()).toBe(200);
  expect((await data.json()).round.status).toBe("draft");

  for (const [lang, mark] of [
    ["ja", "案（未確定）"],
    ["en", "DRAFT (not final)"],
  ] as const) {
    const res = await committee.get(`/api/plans/plan2/follow-up/slides?fy=2023&lang=${lang}`, { timeout: 60_000 });
    expect(res.status()).toBe(200);
    const dir = path.resolve(__dirname, "../.tmp/auth");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `draft-${lang}.pdf`);
    writeFileSync(file, await res.body());
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), file, "-"], { encoding: "utf8" });
      expect(text, `page ${p} of ${pages}`).toContain(mark);
    }
  }
  await anonymous.dispose();
  await committee.dispose();
});

test("pages carry the security headers", async ({ request }) => {
  const res = await request.get("/ja/plans/plan2/2022");
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-powered-by"]).toBeUndefined();
});
