/**
 * The sign-in limits, counted in the database (SignInAttempt) so that every app server counts
 * the same attempts: 5 per e-mail address and 20 per client address in any 15 minutes, a
 * client over its limit refused before the address is counted, a successful sign-in forgetting
 * the address's attempts, old attempts deleted as new ones come. A second Prisma client on the
 * same database stands in for a second app server; the clock is passed, never waited for. At
 * the same moment, never more than the limit goes through (attempts racing for the last
 * places may all be refused: mutations.ts says why).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { appDb } from "../support/app-db";

const { url, db } = appDb("signin");
let auth: typeof import("@/features/auth/mutations");
/** The second app server. */
let other: PrismaClient;
beforeAll(async () => {
  auth = await import("@/features/auth/mutations");
  other = createPrismaClient(url);
});
afterAll(() => other.$disconnect());

const MINUTE = 60_000;
const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);
/** An attempt through the first server (the app's client) or the second. */
const attempt = (server: 1 | 2, client: string, email: string, now: Date) =>
  server === 1 ? auth.countSignInAttempt({ client, email }, now) : auth.countSignInAttempt({ client, email }, now, other);
const rows = (key: string) => db.signInAttempt.count({ where: { key } });

describe("the limits, across servers", () => {
  it("the same address: 5 attempts go through whichever server gets them, the 6th is refused with the seconds to wait", async () => {
    const t0 = new Date("2026-12-01T01:00:00Z");
    for (let i = 0; i < 5; i++) expect(await attempt(i % 2 === 0 ? 1 : 2, `10.1.0.${i}`, "guessed@example.jp", at(t0, i * 10_000))).toBe(0);
    // each server saw 3 or 2 of them: a limit per server would let this through
    expect(await attempt(2, "10.1.0.9", "guessed@example.jp", at(t0, MINUTE))).toBe(14 * 60);
    expect(await attempt(1, "10.1.0.9", "GUESSED@example.jp", at(t0, MINUTE))).toBe(14 * 60);
    // another address is not held up
    expect(await attempt(1, "10.1.0.9", "someone-else@example.jp", at(t0, MINUTE))).toBe(0);
    // a refused attempt is not recorded: the wait it announces is the true one
    expect(await rows("email:guessed@example.jp")).toBe(5);
  });

  it("the same client: 20 attempts, then it is refused before the address is counted", async () => {
    const t0 = new Date("2026-12-02T01:00:00Z");
    for (let i = 0; i < 20; i++) expect(await attempt(i % 2 === 0 ? 1 : 2, "10.2.0.1", `member-${i}@example.jp`, at(t0, i * 1_000))).toBe(0);
    expect(await attempt(2, "10.2.0.1", "fresh@example.jp", at(t0, 5 * MINUTE))).toBe(10 * 60);
    expect(await attempt(1, "10.2.0.1", "fresh@example.jp", at(t0, 5 * MINUTE))).toBe(10 * 60);
    expect([await rows("client:10.2.0.1"), await rows("email:fresh@example.jp")]).toEqual([20, 0]);
    // the address itself is not held up from another client
    expect(await attempt(1, "10.2.0.2", "fresh@example.jp", at(t0, 5 * MINUTE))).toBe(0);
  });

  it("a successful sign-in forgets the address's attempts, on every server, but not the client's", async () => {
    const t0 = new Date("2026-12-03T01:00:00Z");
    for (let i = 0; i < 4; i++) expect(await attempt(1, "10.3.0.1", "forgetful@example.jp", at(t0, i * 1_000))).toBe(0);
    await auth.forgetSignInAttempts("forgetful@example.jp");
    expect([await rows("email:forgetful@example.jp"), await rows("client:10.3.0.1")]).toEqual([0, 4]);
    for (let i = 0; i < 5; i++) expect(await attempt(2, "10.3.0.1", "forgetful@example.jp", at(t0, MINUTE + i * 1_000))).toBe(0);
    expect(await attempt(2, "10.3.0.1", "forgetful@example.jp", at(t0, 2 * MINUTE))).toBeGreaterThan(0);
  });

  it("an attempt counts for 15 minutes: the window slides, and ends", async () => {
    const t0 = new Date("2026-12-04T01:00:00Z");
    for (let i = 0; i < 5; i++) expect(await attempt(1, "10.4.0.1", "patient@example.jp", at(t0, i * MINUTE))).toBe(0);
    expect(await attempt(2, "10.4.0.1", "patient@example.jp", at(t0, 15 * MINUTE - 1))).toBe(1);
    // the first attempt's 15 minutes are over: one more goes through, and then the second's are awaited
    expect(await attempt(2, "10.4.0.1", "patient@example.jp", at(t0, 15 * MINUTE))).toBe(0);
    expect(await attempt(1, "10.4.0.1", "patient@example.jp", at(t0, 15 * MINUTE + 1_000))).toBe(59);
    // long after, all of them are over
    for (let i = 0; i < 5; i++) expect(await attempt(1, "10.4.0.1", "patient@example.jp", at(t0, 40 * MINUTE + i))).toBe(0);
  });
});

describe("old attempts", () => {
  it("are deleted as new ones come, at most 500 at a time; those in the window are kept", async () => {
    const t0 = new Date("2026-12-05T01:00:00Z");
    await db.signInAttempt.deleteMany();
    await db.signInAttempt.createMany({
      data: Array.from({ length: 600 }, (_, i) => ({ key: `client:10.5.${i >> 8}.${i & 255}`, at: at(t0, -20 * MINUTE - i) })),
    });
    await db.signInAttempt.create({ data: { key: "client:10.5.9.9", at: at(t0, -14 * MINUTE) } });
    const old = () => db.signInAttempt.count({ where: { at: { lte: at(t0, -15 * MINUTE) } } });
    expect(await old()).toBe(600);
    expect(await attempt(2, "10.5.9.9", "late@example.jp", t0)).toBe(0);
    expect(await old()).toBe(100);
    expect(await attempt(1, "10.5.9.9", "late@example.jp", at(t0, 1))).toBe(0);
    expect(await old()).toBe(0);
    // the one still in its window counts
    expect(await rows("client:10.5.9.9")).toBe(3);
  });
});

describe("at the same moment", () => {
  it("attempts for one address at once through two servers: never more than 5 go through, and in sequence exactly 5 do", async () => {
    const t0 = new Date("2026-12-06T01:00:00Z");
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(i % 2 === 0 ? 1 : 2, `10.6.0.${i}`, "raced@example.jp", t0)));
    // each attempt is written, then counted: those racing for the last places may all be refused
    const through = burst.filter((w) => w === 0).length;
    expect(through).toBeLessThanOrEqual(5);
    expect(burst.filter((w) => w > 0).every((w) => w >= 1 && w <= 15 * 60)).toBe(true);
    // refused attempts leave no rows: the ones that went through are what counts
    expect(await rows("email:raced@example.jp")).toBe(through);
    // nothing of the race is left over: in sequence, the places left go through, and no more
    const after: number[] = [];
    for (let i = 0; i < 6; i++) after.push(await attempt(i % 2 === 0 ? 1 : 2, "10.6.1.1", "raced@example.jp", at(t0, 1_000)));
    expect(through + after.filter((w) => w === 0).length).toBe(5);
    expect(after.at(-1)).toBeGreaterThan(0);
  });

  it("a burst from one client through two servers: never more than 20 go through", async () => {
    const t0 = new Date("2026-12-07T01:00:00Z");
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(i % 2 === 0 ? 1 : 2, "10.7.0.1", `burst-${i}@example.jp`, t0)));
    const through = burst.filter((w) => w === 0).length;
    expect(through).toBeLessThanOrEqual(20);
    expect(await rows("client:10.7.0.1")).toBe(through);
    // a refused client counted no address
    expect(await db.signInAttempt.count({ where: { key: { startsWith: "email:burst-" } } })).toBe(through);
  });
});
