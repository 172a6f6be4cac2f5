/**
 * What must not depend on the database: saves that race, and the time a row records. Runs on
 * SQLite and on PostgreSQL (TEST_DATABASE=postgres: a cluster in Tokyo's time zone), where two
 * clients of one database stand for two app servers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";
import { appDb, demoViewer } from "../support/app-db";
import { onPostgres } from "../support/db";

const { db, url } = appDb("concurrency.db");

let saveRound: typeof import("@/features/follow-up/mutations").saveRound;
let clerk: { id: number; role: "secretariat" };
beforeAll(async () => {
  ({ saveRound } = await import("@/features/follow-up/mutations"));
  clerk = await demoViewer(db, "secretariat");
});

const KPI = "plan3-out-1";
const version = async () =>
  (await db.yearlyValue.findFirst({ where: { fiscalYear: 2025, kpi: { code: KPI, plan: { code: "plan3" } } }, select: { version: true } }))?.version ?? 0;

describe("two saves from the same version at once", () => {
  it("are one save and one conflict with the other's value, never an error, every time", async () => {
    for (let round = 0; round < 10; round++) {
      const from = await version();
      const results = await Promise.all(
        [100 + round, 200 + round].map((v) =>
          saveRound("plan3", 2025, { rows: [{ kpi: KPI, value: String(v), valueVersion: from, entryVersion: 0 }], evaluations: [] }, clerk),
        ),
      );
      expect(results.map((r) => r.kind).sort()).toEqual(["conflict", "saved"]);
      const conflict = results.find((r) => r.kind === "conflict")!;
      expect(conflict).toMatchObject({ kind: "conflict", conflicts: [{ kpi: KPI, field: "value" }] });
      expect(await version()).toBe(from + 1);
    }
  });

  it.runIf(onPostgres)("through two clients of the database (two servers) too: the loser's transaction runs again and sees the winner", async () => {
    const other = createPrismaClient(url);
    try {
      // Interactive transactions that read a version, then write it + 1 only if it is unchanged.
      const bump = (client: typeof db) =>
        client.$transaction(async (tx) => {
          const row = await tx.plan.findUniqueOrThrow({ where: { code: "plan3" }, select: { id: true, nameEn: true } });
          const n = Number(/#(\d+)$/.exec(row.nameEn)?.[1] ?? 0);
          await tx.plan.update({ where: { id: row.id }, data: { nameEn: row.nameEn.replace(/ #\d+$/, "") + ` #${n + 1}` } });
        });
      await Promise.all(Array.from({ length: 10 }, (_, i) => bump(i % 2 ? other : db)));
      // Serializable and run again after a lost race: ten increments, none lost.
      expect((await db.plan.findUniqueOrThrow({ where: { code: "plan3" } })).nameEn).toMatch(/ #10$/);
    } finally {
      await other.$disconnect();
    }
  });
});

describe("timestamps", () => {
  it("record the instant of the write, whatever the time zone of the database server and of the app", async () => {
    const before = Date.now();
    // A default the database fills in (CURRENT_TIMESTAMP), and one the app sends.
    await db.$executeRawUnsafe(`INSERT INTO "AuditLog" ("action", "entity", "reason") VALUES ('test.clock', 'Clock', 'database default')`);
    await db.auditLog.create({ data: { action: "test.clock", entity: "Clock", reason: "app", at: new Date() } });
    const rows = await db.auditLog.findMany({ where: { action: "test.clock" } });
    expect(rows).toHaveLength(2);
    // Timestamps have a second's resolution on SQLite's default: allow for it.
    for (const r of rows) expect(Math.abs(r.at.getTime() - before)).toBeLessThan(5_000);
    expect(process.env.TZ).toBe("Asia/Tokyo");
  });
});
