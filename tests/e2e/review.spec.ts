/**
 * The committee's review, in the browser and through the API, on a copy of the 3rd plan as
 * seeded (review-e2e, one of SPEC_PLANS) whose FY2025 round is a draft: a member asks on a KPI,
 * the secretariat sees the badge in the grid and answers, the member reads the answer and
 * resolves the thread; the public pages, the export and the decks never carry a thread's text;
 * each role can do what it may through the API, and no more. And the committee's evaluation of
 * a round on the overview and the title slide.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { apiAs, DEMO, seedPlan3Copy, sql } from "../support/e2e";
import { readPptx } from "../support/pptx";

const PLAN = "review-e2e";
const API = `/api/plans/${PLAN}`;
const KPI = "plan3-out-1";
const QUESTION = "Why is there no figure for FY2025 yet? (review-e2e question)";
const ANSWER = "AMEDの集計を待っています。（review-e2e 回答）";
const OUT = path.resolve(__dirname, "../.tmp/review-files");
mkdirSync(OUT, { recursive: true });

test.beforeAll(() => {
  seedPlan3Copy({ code: PLAN, nameJa: "第３期計画（レビュー試験用の写し）", nameEn: "3rd plan (copy for the review tests)" });
});

async function signedIn(browser: Browser, baseURL: string, user: { email: string; password: string }, client: string, locale: "ja" | "en"): Promise<Page> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": client } });
  const page = await context.newPage();
  expect((await page.request.post(`/api/auth/signin?lang=${locale}`, { data: user, headers: { Origin: baseURL } })).status()).toBe(200);
  return page;
}

test.describe.serial("the committee's review of a draft round", () => {
  test("a member asks on a KPI; the secretariat sees the badge and answers; the member reads the answer and resolves the thread", async ({
    browser,
    baseURL,
  }) => {
    const member = await signedIn(browser, baseURL!, DEMO.committee, "10.0.31.1", "en");
    await member.goto(`/en/plans/${PLAN}/2025/kpis/${KPI}`);
    const review = member.getByRole("region", { name: "The committee's questions and opinions on this KPI" });
    await expect(review).toBeVisible();
    await review.getByRole("radio", { name: "Question" }).check();
    await review.getByRole("textbox", { name: "Text" }).fill(QUESTION);
    await review.getByRole("button", { name: "Post" }).click();
    const thread = review.getByRole("article");
    await expect(thread).toContainText(QUESTION);
    await expect(thread).toContainText("Waiting for the secretariat");
    await expect(thread.locator(`[lang="en"]`, { hasText: QUESTION })).toBeVisible();

    const secretariat = await signedIn(browser, baseURL!, DEMO.secretariat, "10.0.31.2", "ja");
    await secretariat.goto(`/ja/workspace/${PLAN}/2025`);
    const badge = secretariat.getByRole("link", { name: "スレッド1件（うち回答待ち1件）" });
    await expect(badge).toBeVisible();
    await badge.click();
    const panel = secretariat.locator("article[id^=thread-]", { hasText: QUESTION });
    await expect(panel).toBeInViewport();
    await panel.getByLabel("返信", { exact: true }).fill(ANSWER);
    await panel.getByRole("button", { name: "返信する" }).click();
    await expect(panel).toContainText(ANSWER);
    await expect(panel).toContainText("回答済み（質問者の確認待ち）");
    // nothing waits for the secretariat any more; the member's answer waits for them
    await secretariat.goto("/ja/workspace");
    await expect(secretariat.getByRole("region", { name: "あなたを待っているもの" })).not.toContainText("第３期計画（レビュー試験用の写し）");

    await member.goto("/en/workspace");
    const waiting = member.getByRole("region", { name: "Waiting for you" }).getByRole("link", { name: /your question on .* was answered/ });
    await expect(waiting).toBeVisible();
    await waiting.click();
    const answered = member.locator("article[id^=thread-]", { hasText: QUESTION });
    await expect(answered).toContainText(ANSWER);
    await expect(answered.locator(`[lang="ja"]`, { hasText: ANSWER })).toBeVisible();
    await answered.getByRole("button", { name: "Mark resolved" }).click();
    await expect(answered).toContainText("Resolved");
    // one click to what waits for the secretariat: nothing
    await member.getByRole("link", { name: "Waiting for the secretariat (0)" }).click();
    await expect(member.getByText("No threads.")).toBeVisible();
    await member.context().close();
    await secretariat.context().close();

    const states = sql<{ state: string }>(
      "SELECT t.state FROM Thread t JOIN FollowUpRound r ON r.id = t.roundId JOIN Plan p ON p.id = r.planId WHERE p.code = ?",
      PLAN,
    );
    expect(states).toEqual([{ state: "resolved" }]);
  });

  test("the public pages, the export and the decks never carry a thread's text", async ({ playwright, baseURL, request }) => {
    // the thread's words (the plan's code is in every address, so not that)
    const markers = ["no figure for FY2025 yet", "AMEDの集計を待っています"];
    const none = (text: string, where: string) => markers.forEach((m) => expect(text, where).not.toContain(m));
    // the public: the draft is not there at all, and no page names the thread
    for (const url of [`/en/plans/${PLAN}/2025/kpis/${KPI}`, `/ja/plans/${PLAN}/2025`, `/en/plans/${PLAN}`, `/ja/plans/${PLAN}/2025/plan-wide`]) {
      const html = await (await request.get(url)).text();
      none(html, url);
    }
    expect((await request.get(`${API}/rounds/2025/threads`)).status()).toBe(401);
    // a member's export and decks of the draft: the figures, never the review
    const member = await apiAs(playwright, baseURL!, DEMO.committee, "10.0.31.3");
    for (const format of ["json", "csv"]) {
      const res = await member.get(`${API}/follow-up?fy=2025&format=${format}`);
      expect(res.status()).toBe(200);
      none(await res.text(), format);
    }
    const pptx = await member.get(`${API}/follow-up/slides?fy=2025&lang=en&format=pptx`, { timeout: 60_000 });
    expect(pptx.status()).toBe(200);
    for (const slide of (await readPptx(await pptx.body())).slides) {
      none(slide.text, "pptx");
      none(slide.notes, "pptx notes");
    }
    const pdf = await member.get(`${API}/follow-up/slides?fy=2025&lang=ja`, { timeout: 60_000 });
    expect(pdf.status()).toBe(200);
    writeFileSync(path.join(OUT, "draft.pdf"), await pdf.body());
    none(execFileSync("pdftotext", [path.join(OUT, "draft.pdf"), "-"], { encoding: "utf8" }), "pdf");
    await member.dispose();
  });

  test("each role can do what it may through the API, and no more", async ({ playwright, baseURL }) => {
    const [anonymous, committee, secretariat, admin] = await Promise.all([
      apiAs(playwright, baseURL!, null, "10.0.31.4"),
      apiAs(playwright, baseURL!, DEMO.committee, "10.0.31.5"),
      apiAs(playwright, baseURL!, DEMO.secretariat, "10.0.31.6"),
      apiAs(playwright, baseURL!, DEMO.admin, "10.0.31.7"),
    ]);
    const ask = { scope: "round", kind: "opinion", body: "全体として順調。", lang: "ja" };
    expect((await anonymous.post(`${API}/rounds/2025/threads`, { data: ask })).status()).toBe(401);
    expect((await anonymous.get(`${API}/rounds/2025/threads`)).status()).toBe(401);
    expect((await anonymous.get("/api/notices")).status()).toBe(401);
    // admins moderate; they do not post
    expect((await admin.post(`${API}/rounds/2025/threads`, { data: ask })).status()).toBe(403);
    // a write from another site is refused
    expect((await committee.post(`${API}/rounds/2025/threads`, { data: ask, headers: { Origin: "https://evil.example" } })).status()).toBe(403);
    // bad input: translated, per field
    const bad = await committee.post(`${API}/rounds/2025/threads?lang=ja`, { data: { ...ask, body: "  ", kind: "rant" } });
    expect(bad.status()).toBe(400);
    const errors = (await bad.json()).errors as { field: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: "kind", code: "kindInvalid", message: "種類は質問（question）か意見（opinion）です。" },
        { field: "body", code: "bodyMissing", message: "本文を入力してください。" },
      ]),
    );
    const tooLong = await committee.post(`${API}/rounds/2025/threads?lang=en`, { data: { ...ask, body: "x".repeat(4001) } });
    expect((await tooLong.json()).errors[0].message).toBe("The text must be at most 4,000 characters.");

    const created = await committee.post(`${API}/rounds/2025/threads`, { data: { ...ask, body: "<script>alert(1)</script>" } });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    const [thread] = (
      await (
        await secretariat.get(
          `${API}/rounds/2025/threads?author=${sql<{ id: number }>("SELECT id FROM User WHERE email = 'committee@example.jp'")[0].id}&state=open`,
        )
      ).json()
    ).threads;
    expect(thread.id).toBe(id);
    const postId = thread.posts[0].id as number;
    // only its author edits a post; only admins hide one
    expect((await secretariat.patch(`/api/posts/${postId}`, { data: { body: "changed", version: 1 } })).status()).toBe(403);
    expect((await committee.patch(`/api/posts/${postId}`, { data: { body: "全体として順調に進捗。", version: 1 } })).status()).toBe(200);
    expect((await committee.post(`/api/posts/${postId}/hide`, { data: { reason: "x" } })).status()).toBe(403);
    expect((await admin.post(`/api/posts/${postId}/hide`, { data: { reason: "test of moderation" } })).status()).toBe(200);
    const audit = sql<{ action: string }>("SELECT action FROM AuditLog WHERE entity = 'Post' AND entityId = ? ORDER BY id", postId).map((a) => a.action);
    expect(audit).toEqual(["review.post", "review.edit", "review.hide"]);
    // the text is escaped where it is shown
    const page = await (await secretariat.get(`/ja/workspace/${PLAN}/2025/review`)).text();
    expect(page).not.toContain("<script>alert(1)</script>");

    // a final round's threads are read-only; an unlock opens them again
    expect((await secretariat.post(`${API}/rounds/2025/status`, { data: { to: "final", meetingNo: 52, meetingDate: "2026-06-24" } })).status()).toBe(200);
    const late = await secretariat.post(`/api/threads/${id}/posts?lang=en`, { data: { body: "too late", lang: "en" } });
    expect(late.status()).toBe(409);
    expect((await late.json()).error.message).toContain("read-only");
    expect((await admin.post(`${API}/rounds/2025/status`, { data: { to: "draft", reason: "the committee's questions" } })).status()).toBe(200);
    expect((await secretariat.post(`/api/threads/${id}/posts`, { data: { body: "承知しました。", lang: "ja" } })).status()).toBe(201);
    await Promise.all([anonymous, committee, secretariat, admin].map((c) => c.dispose()));
  });

  test("the secretariat records the committee's evaluation; it shows on the overview and on the title slide", async ({ playwright, baseURL, browser }) => {
    const secretariat = await apiAs(playwright, baseURL!, DEMO.secretariat, "10.0.31.8");
    const committee = await apiAs(playwright, baseURL!, DEMO.committee, "10.0.31.9");
    const text = { ja: "全体として、概ね順調に進捗している。（review-e2e 評価）", en: "On track overall. (review-e2e evaluation)" };
    expect((await committee.put(`${API}/rounds/2025/assessment`, { data: text })).status()).toBe(403);
    expect((await secretariat.put(`${API}/rounds/2025/assessment`, { data: { ja: "", en: "only English" } })).status()).toBe(400);
    expect((await secretariat.put(`${API}/rounds/2025/assessment`, { data: text })).status()).toBe(200);
    const pptx = await secretariat.get(`${API}/follow-up/slides?fy=2025&lang=en&format=pptx`, { timeout: 60_000 });
    expect((await readPptx(await pptx.body())).slides[0].text).toContain(text.en);
    const member = await signedIn(browser, baseURL!, DEMO.committee, "10.0.31.10", "ja");
    await member.goto(`/ja/plans/${PLAN}/2025`);
    await expect(member.getByText(text.ja)).toBeVisible();
    await member.context().close();
    await Promise.all([secretariat, committee].map((c) => c.dispose()));
  });
});

test("the FY2021 evaluation (document 000) is on the public overview and on the deck's title slide", async ({ request }) => {
  await expect.poll(async () => (await (await request.get("/ja/plans/plan2/2021")).text()).includes("全体として、順調に進捗している")).toBe(true);
  const res = await request.get("/api/plans/plan2/follow-up/slides?fy=2021&lang=ja", { timeout: 60_000 });
  const file = path.join(OUT, "plan2-2021.pdf");
  writeFileSync(file, await res.body());
  const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  expect(first).toContain("全体評価");
  expect(first).toContain("全体として、順調に進捗している");
});
