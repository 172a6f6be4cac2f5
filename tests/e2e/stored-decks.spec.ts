/**
 * Stored decks through the API, on a copy of the 3rd plan as seeded (decks-e2e, one of
 * SPEC_PLANS) whose FY2025 round is a draft: a draft's decks are for members only, printed per
 * request and never stored; finalizing makes and stores its four decks, served to the public
 * with an ETag (304 on a match); unlocking discards them.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createHash } from "node:crypto";
import { readPptx } from "../support/pptx";
import { apiAs, DEMO, seedPlan3Copy, sql } from "../support/e2e";

const PLAN = "decks-e2e";
const API = `/api/plans/${PLAN}`;
const deckUrl = (format: "pdf" | "pptx", lang = "ja", extra = "") => `${API}/follow-up/slides?fy=2025&lang=${lang}&format=${format}${extra}`;
const round = () =>
  sql<{ id: number; version: number; status: string }>(
    "SELECT r.id, r.version, r.status FROM FollowUpRound r JOIN Plan p ON p.id = r.planId WHERE p.code = ? AND r.fiscalYear = 2025",
    PLAN,
  )[0];
const stored = () =>
  sql<{ format: string; lang: string; etag: string; roundVersion: number }>(
    "SELECT format, lang, etag, roundVersion FROM StoredDeck WHERE roundId = ? ORDER BY format, lang",
    round().id,
  );

test.beforeAll(() => {
  seedPlan3Copy({ code: PLAN, nameJa: "第３期計画（保存スライド試験用の写し）", nameEn: "3rd plan (copy for the stored-deck tests)" });
});

async function waitForDecks(count: number) {
  await expect.poll(() => stored().length, { timeout: 120_000, intervals: [250, 500, 1000] }).toBe(count);
}

test("a draft's decks are never stored nor public; a finalized round's are stored, served with an ETag, and discarded at unlock", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const anyone = await apiAs(playwright, baseURL!, null, "10.0.26.1");
  const committee = await apiAs(playwright, baseURL!, DEMO.committee, "10.0.26.2");
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "10.0.26.3");
  const get = (ctx: APIRequestContext, url: string, headers: Record<string, string> = {}) => ctx.get(url, { headers, timeout: 60_000 });

  // a draft: not for the public, printed for members, private, never stored
  expect(round().status).toBe("draft");
  for (const format of ["pdf", "pptx"] as const) {
    expect((await get(anyone, deckUrl(format))).status()).toBe(404);
    const res = await get(committee, deckUrl(format));
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("private, no-store");
    expect(res.headers()["etag"]).toBeUndefined();
  }
  expect(stored()).toEqual([]);

  // finalized: the four decks are made after the answer, and stored
  const finalize = await admin.post(`${API}/rounds/2025/status`, { data: { to: "final", meetingNo: 51, meetingDate: "2026-06-10" } });
  expect(finalize.status()).toBe(200);
  await waitForDecks(4);
  const version = round().version;
  expect(stored().map((d) => `${d.format} ${d.lang} v${d.roundVersion}`)).toEqual([
    `pdf en v${version}`,
    `pdf ja v${version}`,
    `pptx en v${version}`,
    `pptx ja v${version}`,
  ]);

  for (const format of ["pdf", "pptx"] as const) {
    const deck = stored().find((d) => d.format === format && d.lang === "ja")!;
    const res = await get(anyone, deckUrl(format));
    expect(res.status()).toBe(200);
    const body = await res.body();
    expect(res.headers()["etag"]).toBe(`"${deck.etag}"`);
    expect(createHash("sha256").update(body).digest("base64url")).toBe(deck.etag);
    expect(res.headers()["cache-control"]).toBe("public, no-cache");
    if (format === "pptx") {
      const { slides } = await readPptx(body);
      for (const s of slides) expect(s.text).not.toContain("案（未確定）");
    }
    // revalidation: 304, no body
    const again = await get(anyone, deckUrl(format), { "If-None-Match": `"${deck.etag}"` });
    expect(again.status()).toBe(304);
    expect((await again.body()).length).toBe(0);
    expect(again.headers()["etag"]).toBe(`"${deck.etag}"`);
    // at the overview's address, which names the round's version, it is cached for good
    const versioned = await get(anyone, deckUrl(format, "ja", `&v=${version}`));
    expect(versioned.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    // a stale version's address only revalidates
    expect((await get(anyone, deckUrl(format, "ja", `&v=${version - 1}`))).headers()["cache-control"]).toBe("public, no-cache");
  }

  // unlocked: the stored decks are gone at once; the public gets the deck as presented, printed
  // per request and not stored; members get the draft
  const unlock = await admin.post(`${API}/rounds/2025/status`, { data: { to: "draft", reason: "a correction after the meeting" } });
  expect(unlock.status()).toBe(200);
  expect(stored()).toEqual([]);
  const presented = await get(anyone, deckUrl("pptx", "en"));
  expect(presented.status()).toBe(200);
  expect(presented.headers()["cache-control"]).toBe("no-store");
  expect(presented.headers()["etag"]).toBeUndefined();
  for (const s of (await readPptx(await presented.body())).slides) expect(s.text).not.toContain("DRAFT (not final)");
  const draft = await get(committee, deckUrl("pptx", "en"));
  expect(draft.headers()["cache-control"]).toBe("private, no-store");
  for (const s of (await readPptx(await draft.body())).slides) expect(s.text).toContain("DRAFT (not final)");
  expect(stored()).toEqual([]);

  // finalized again: made anew, at the new version
  expect((await admin.post(`${API}/rounds/2025/status`, { data: { to: "final", meetingNo: 51, meetingDate: "2026-06-10" } })).status()).toBe(200);
  await waitForDecks(4);
  expect(stored().every((d) => d.roundVersion === version + 2)).toBe(true);
});
