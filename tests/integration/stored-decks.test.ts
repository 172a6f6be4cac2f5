/**
 * Stored decks: made for a round just finalized, served from storage, one print for
 * concurrent requests, never kept when the round was unlocked while printing, discarded by
 * the unlock, made anew at the next finalize. The makers are stand-ins that count their prints.
 */
import { createHash } from "node:crypto";
import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import { appDb, demoViewer } from "../support/app-db";

// storedDeck as it is, but a test can delay one answer
vi.mock("@/features/slides/data", async (original) => {
  const real = await original<typeof import("@/features/slides/data")>();
  return { ...real, storedDeck: vi.fn(real.storedDeck) };
});

const { db } = appDb("stored-decks");
let data: typeof import("@/features/slides/data");
let realStoredDeck: typeof data.storedDeck;
type Server = typeof import("@/features/slides/server");
type Mutations = typeof import("@/features/follow-up/mutations");
let server: Server;
let mutations: Mutations;
beforeAll(async () => {
  data = await import("@/features/slides/data");
  realStoredDeck = vi.mocked(data.storedDeck).getMockImplementation()!;
  server = await import("@/features/slides/server");
  mutations = await import("@/features/follow-up/mutations");
});

let prints: string[];
/** Makers that print "format lang version-at-print #n", after `hold` resolves. */
function makers(hold: Promise<void> = Promise.resolve()) {
  const make = (format: string) => async (code: string, fy: number, lang: string, draft: boolean) => {
    const round = await db.followUpRound.findFirstOrThrow({ where: { plan: { code }, fiscalYear: fy } });
    prints.push(`${format} ${lang}${draft ? " draft" : ""}`);
    await hold;
    return new TextEncoder().encode(`${format} ${lang} v${round.version} #${prints.length}`);
  };
  return { pdf: make("pdf"), pptx: make("pptx") };
}
const round = () => db.followUpRound.findFirstOrThrow({ where: { plan: { code: "plan2" }, fiscalYear: 2022 } });
const stored = async () => db.storedDeck.findMany({ where: { roundId: (await round()).id }, orderBy: [{ format: "asc" }, { lang: "asc" }] });

beforeEach(async () => {
  prints = [];
  await db.storedDeck.deleteMany();
});

it("a final round's four decks are made and stored, with the SHA-256 of their bytes as ETag", async () => {
  await server.storeDecksOf("plan2", 2022, makers());
  const decks = await stored();
  expect(decks.map((d) => `${d.format} ${d.lang}`)).toEqual(["pdf en", "pdf ja", "pptx en", "pptx ja"]);
  for (const d of decks) {
    expect(d.etag).toBe(createHash("sha256").update(d.bytes).digest("base64url"));
    expect(d.size).toBe(d.bytes.length);
    expect(d.roundVersion).toBe((await round()).version);
  }
  // served from storage: no print
  prints = [];
  const deck = await server.finalDeck("plan2", 2022, "pdf", "ja", await round(), makers());
  expect(prints).toEqual([]);
  // the first of the four prints
  expect(new TextDecoder().decode(deck.bytes)).toMatch(/^pdf ja v\d+ #1$/);
});

it("concurrent first requests for one deck wait for one print", async () => {
  let release!: () => void;
  const fake = makers(new Promise<void>((r) => (release = r)));
  const r = await round();
  const requests = Array.from({ length: 5 }, () => server.finalDeck("plan2", 2022, "pptx", "en", r, fake));
  await new Promise((r) => setTimeout(r, 20));
  release();
  const decks = await Promise.all(requests);
  expect(prints).toEqual(["pptx en"]);
  expect(new Set(decks.map((d) => d.etag)).size).toBe(1);
  expect((await stored()).length).toBe(1);
});

it("a request that read the storage before a print was stored, and reaches the prints under way after it ended, gets the stored deck, not a second print", async () => {
  const r = await round();
  let release!: () => void;
  const first = server.finalDeck("plan2", 2022, "pdf", "ja", r, makers(new Promise<void>((res) => (release = res))));
  await expect.poll(() => prints.length).toBe(1);
  // the second request reads the storage now (nothing stored yet) but gets the answer only after the first print ended
  let firstDone!: () => void;
  const ended = new Promise<void>((res) => (firstDone = res));
  vi.mocked(data.storedDeck).mockImplementationOnce(async (...args) => {
    const none = await realStoredDeck(...args);
    await ended;
    return none;
  });
  const second = server.finalDeck("plan2", 2022, "pdf", "ja", r, makers());
  release();
  const deck = await first;
  firstDone();
  expect((await second).etag).toBe(deck.etag);
  expect(prints).toEqual(["pdf ja"]);
});

it("a print that finishes after an unlock is served to its caller but not stored; the unlock discards stored decks; a new finalize stores anew", async () => {
  const admin = await demoViewer(db, "admin");
  await server.storeDecksOf("plan2", 2022, makers());
  expect((await stored()).length).toBe(4);
  const before = await round();

  // a print starts while the round is final…
  let release!: () => void;
  await db.storedDeck.deleteMany({ where: { format: "pdf", lang: "en" } });
  const printing = server.finalDeck("plan2", 2022, "pdf", "en", before, makers(new Promise<void>((r) => (release = r))));
  await new Promise((r) => setTimeout(r, 20));
  // …and the round is unlocked before it ends
  expect(await mutations.setRoundStatus("plan2", 2022, { to: "draft", reason: "correction" }, admin)).toBe("ok");
  expect(await stored()).toEqual([]);
  release();
  await printing;
  expect(await stored()).toEqual([]);

  // nothing is made for a round that is not final
  await server.storeDecksOf("plan2", 2022, makers());
  expect(await stored()).toEqual([]);

  expect(await mutations.setRoundStatus("plan2", 2022, { to: "final", meetingNo: null, meetingDate: null }, admin)).toBe("ok");
  await server.storeDecksOf("plan2", 2022, makers());
  const after = await stored();
  expect(after.length).toBe(4);
  expect(after.every((d) => d.roundVersion === before.version + 2)).toBe(true);
  expect(new TextDecoder().decode(after[0].bytes)).toContain(`v${before.version + 2}`);
});

it("a change to the plan after a deck was stored (a project renamed) prints it anew at the next download; the committee's review does not", async () => {
  const admin = await demoViewer(db, "admin");
  const committee = await demoViewer(db, "committee");
  const r = await round();
  await server.finalDeck("plan2", 2022, "pdf", "ja", r, makers());
  expect(prints).toEqual(["pdf ja"]);
  await server.finalDeck("plan2", 2022, "pdf", "ja", r, makers());
  expect(prints).toEqual(["pdf ja"]);

  // a thread on a draft round of the plan: not in the decks
  const review = await import("@/features/review/mutations");
  await db.followUpRound.upsert({
    where: { planId_fiscalYear: { planId: r.planId, fiscalYear: 2023 } },
    create: { planId: r.planId, fiscalYear: 2023, status: "draft" },
    update: {},
  });
  expect((await review.createThread("plan2", 2023, { scope: "round", kind: "opinion", body: "x", lang: "ja" }, committee)).kind).toBe("ok");
  await server.finalDeck("plan2", 2022, "pdf", "ja", r, makers());
  expect(prints).toEqual(["pdf ja"]);

  const plans = await import("@/features/plans/mutations");
  await plans.editProject("plan2", 1, { nameJa: "医薬品プロジェクト（改称）" }, admin);
  await server.finalDeck("plan2", 2022, "pdf", "ja", r, makers());
  expect(prints).toEqual(["pdf ja", "pdf ja"]);
  const [stored] = await db.storedDeck.findMany({ where: { roundId: r.id, format: "pdf", lang: "ja" } });
  expect(stored.auditMark).toBe(
    (await db.auditLog.findFirstOrThrow({ where: { planId: r.planId, NOT: { action: { startsWith: "review." } } }, orderBy: { id: "desc" } })).id,
  );
});
