/**
 * What another request sees while a transaction is open: committed data only. The app has
 * one Prisma client per process, so a read made while a save or an import preview waits
 * inside its transaction must not run inside that transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { migratedDb, onPostgres, seedDb } from "../support/db";

let db: PrismaClient;
let url: string;
beforeAll(() => {
  url = migratedDb("isolation.db");
  seedDb(url);
  db = createPrismaClient(url);
});
afterAll(() => db.$disconnect());

/** A promise and the function that settles it: a transaction waits on it, as a slow check would. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const nameOf = async (id: number) => (await db.plan.findUniqueOrThrow({ where: { id } })).nameJa;

describe("a read while another transaction is open", () => {
  it("sees only committed data while a transaction that is then rolled back waits", async () => {
    const plan = await db.plan.findFirstOrThrow({ where: { code: "plan2" } });
    const written = gate();
    const release = gate();
    const tx = db
      .$transaction(async (t) => {
        await t.plan.update({ where: { id: plan.id }, data: { nameJa: "未確定の名前" } });
        written.open();
        await release.opened; // e.g. an import preview building its answer, or a deck made at finalize
        throw new Error("preview: roll back");
      })
      .catch((e: Error) => e.message);
    await written.opened;
    expect(await nameOf(plan.id)).toBe(plan.nameJa);
    expect(await db.kpi.count()).toBeGreaterThan(40);
    release.open();
    expect(await tx).toBe("preview: roll back");
    expect(await nameOf(plan.id)).toBe(plan.nameJa);
  });

  it("sees a transaction's writes once it commits, and a write outside waits for it", async () => {
    const plan = await db.plan.findFirstOrThrow({ where: { code: "plan2" } });
    const written = gate();
    const release = gate();
    const tx = db.$transaction(async (t) => {
      await t.plan.update({ where: { id: plan.id }, data: { nameEn: "committed name" } });
      written.open();
      await release.opened;
    });
    await written.opened;
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).nameEn).toBe(plan.nameEn);
    // A write outside any transaction is queued behind the open one, not mixed into it.
    const outside = db.plan.update({ where: { id: plan.id }, data: { nameJa: "後から" } });
    release.open();
    await tx;
    await outside;
    const after = await db.plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect([after.nameEn, after.nameJa]).toEqual(["committed name", "後から"]);
  });
});

describe.skipIf(onPostgres)("what survives a power cut (SQLite; PostgreSQL's own settings are the operator's)", () => {
  it("the connections sync every commit (synchronous=FULL) in WAL mode", async () => {
    const [{ synchronous }] = await db.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
    const [{ journal_mode }] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect([Number(synchronous), journal_mode]).toEqual([2, "wal"]);
  });
});

describe.runIf(onPostgres)("two transactions that each read what the other writes (PostgreSQL: serializable)", () => {
  it("the one that lost runs again, even when its COMMIT is what fails, and gives its connection back each time", async () => {
    const racing = createPrismaClient(url);
    // More rounds than the pool has connections (10): a connection kept by a failed COMMIT would show.
    for (let round = 0; round < 15; round++) {
      const key = `race-${round}`;
      const bothRead = gate();
      let reads = 0;
      let runs = 0;
      const countThenAdd = () =>
        racing.$transaction(async (t) => {
          runs++;
          const seen = await t.signInAttempt.count({ where: { key } });
          // each first run waits until the other has read too: a write skew, one of them must lose
          if (++reads === 2) bothRead.open();
          await bothRead.opened;
          await t.signInAttempt.create({ data: { key } });
          return seen;
        });
      const seen = await Promise.all([countThenAdd(), countThenAdd()]);
      // as if one ran after the other: the second run saw the first's row
      expect(seen.sort()).toEqual([0, 1]);
      expect(runs).toBe(3);
      expect(await racing.signInAttempt.count({ where: { key } })).toBe(2);
    }
    // closing waits for every connection to come back to the pool
    const closed = racing.$disconnect().then(() => "closed");
    expect(await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000, "a connection was kept"))])).toBe("closed");
  });
});

describe.runIf(onPostgres)("a transaction whose connection dies (a failover, a network cut)", () => {
  it("fails alone: its connection is closed, not kept, and the next transactions run", async () => {
    const url = migratedDb("isolation-dead.db");
    const client = createPrismaClient(url);
    try {
      // More than the pool has connections (10): a connection kept by a failed ROLLBACK would show.
      for (let i = 0; i < 12; i++) {
        await expect(client.$transaction(async (t) => t.$executeRawUnsafe("SELECT pg_terminate_backend(pg_backend_pid())"))).rejects.toThrow();
      }
      const next = client.$transaction(async (t) => t.plan.count()).then(() => "ran");
      expect(await Promise.race([next, new Promise((resolve) => setTimeout(resolve, 8_000, "no connection left"))])).toBe("ran");
    } finally {
      await client.$disconnect();
    }
  });
});
