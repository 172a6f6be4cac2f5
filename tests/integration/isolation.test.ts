/**
 * What another request sees while a transaction is open: committed data only. The app has
 * one Prisma client per process, so a read made while a save or an import preview waits
 * inside its transaction must not run inside that transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { migratedDb, onPostgres, seedDb } from "../support/db";

let db: PrismaClient;
beforeAll(() => {
  const url = migratedDb("isolation.db");
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
