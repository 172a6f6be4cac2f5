import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";
import { migratedDb, pushedDb } from "../support/db";

/** SQL text up to layout: ALTER TABLE … ADD COLUMN leaves " , " and ")" spaced differently. */
const normalize = (sql: string) =>
  sql
    .replace(/\s+/g, " ")
    .replace(/\s*,\s*/g, ", ")
    .replace(/\(\s*/g, "(")
    .replace(/\s*\)/g, ")");

function schemaOf(url: string): Record<string, string> {
  const db = new Database(url.replace(/^file:/, ""), { readonly: true });
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table','index') AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'")
    .all() as { type: string; name: string; sql: string | null }[];
  db.close();
  return Object.fromEntries(rows.map((r) => [`${r.type} ${r.name}`, normalize(r.sql ?? "")]));
}

describe("migrations", () => {
  it("build exactly the tables and indexes that schema.prisma describes", () => {
    const migrated = schemaOf(migratedDb("schema-migrated.db"));
    const pushed = schemaOf(pushedDb("schema-pushed.db"));
    expect(Object.keys(migrated).length).toBeGreaterThan(10);
    expect(migrated).toEqual(pushed);
  });
});

describe("the audit log", () => {
  const prisma = createPrismaClient(migratedDb("audit.db"));
  afterAll(() => prisma.$disconnect());

  it("takes new entries but refuses to change or delete them", async () => {
    const entry = await prisma.auditLog.create({
      data: { action: "value.update", entity: "YearlyValue", field: "value", oldValue: "45", newValue: "46" },
    });
    // The driver adapter reports the trigger's abort as a constraint violation.
    await expect(prisma.auditLog.update({ where: { id: entry.id }, data: { newValue: "0" } })).rejects.toThrow();
    await expect(prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    await expect(prisma.auditLog.deleteMany({})).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditLog" SET "newValue" = '0'`)).rejects.toThrow();
    expect((await prisma.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).newValue).toBe("46");
    expect(await prisma.auditLog.count()).toBe(1);
  });
});
