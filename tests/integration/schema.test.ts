import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";
import { migratePostgres, POSTGRES_MIGRATIONS, psqlScript } from "../../scripts/migrate.mjs";
import { migratedDb, onPostgres, PG_SERVER, psql, pushedDb, ROOT, TMP } from "../support/db";

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

/** A PostgreSQL database's tables, columns, constraints and indexes, as the catalog states them. */
function pgSchemaOf(database: string): Record<string, string[]> {
  const rows = (sql: string) => psql(sql, database).trim().split("\n").filter(Boolean);
  const ours = "NOT IN ('_prisma_migrations')";
  return {
    columns: rows(
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' AND table_name ${ours} ORDER BY 1`,
    ),
    constraints: rows(
      `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1`,
    ),
    indexes: rows(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename ${ours} ORDER BY 1`),
  };
}

const SQLITE_MIGRATIONS = path.join(ROOT, "prisma/migrations");
const migrationNames = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe("the two migration histories", () => {
  it("are kept in step: from PostgreSQL's baseline on, each SQLite migration has its PostgreSQL twin of the same name", () => {
    const sqlite = migrationNames(SQLITE_MIGRATIONS);
    const postgres = migrationNames(POSTGRES_MIGRATIONS);
    expect(postgres.length).toBeGreaterThan(1);
    expect(sqlite.slice(sqlite.indexOf(postgres[0]))).toEqual(postgres);
  });
});

describe.skipIf(onPostgres)("SQLite's migrations", () => {
  it("build exactly the tables and indexes that schema.prisma describes", () => {
    const migrated = schemaOf(migratedDb("schema-migrated.db"));
    const pushed = schemaOf(pushedDb("schema-pushed.db"));
    expect(Object.keys(migrated).length).toBeGreaterThan(10);
    expect(migrated).toEqual(pushed);
  });
});

describe.runIf(onPostgres)("PostgreSQL's migrations", () => {
  it("build exactly the tables, constraints and indexes that the generated schema describes", () => {
    const migrated = new URL(migratedDb("schema-migrated.db")).pathname.slice(1);
    psql(`DROP DATABASE IF EXISTS "schema_pushed" WITH (FORCE)`);
    psql(`CREATE DATABASE "schema_pushed"`);
    const sql = execFileSync(
      path.join(ROOT, "node_modules/.bin/prisma"),
      ["migrate", "diff", "--config", "prisma/postgres/prisma.config.ts", "--from-empty", "--to-schema-datamodel", "prisma/postgres/schema.prisma", "--script"],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: `${PG_SERVER}/schema_pushed` }, stdio: ["ignore", "pipe", "pipe"] },
    );
    execFileSync("psql", [`${PG_SERVER}/schema_pushed`, "-v", "ON_ERROR_STOP=1", "-q", "--single-transaction", "-c", sql], { stdio: "pipe" });
    const pushed = pgSchemaOf("schema_pushed");
    expect(pushed.columns.length).toBeGreaterThan(100);
    expect(pgSchemaOf(migrated)).toEqual(pushed);
  });

  it("apply atomically, $$ bodies whole, and a second run applies nothing", async () => {
    // The real history, then a migration that fails after a table and a function.
    const dir = path.join(TMP, "pg-broken-migrations");
    rmSync(dir, { recursive: true, force: true });
    for (const name of migrationNames(POSTGRES_MIGRATIONS)) {
      mkdirSync(path.join(dir, name), { recursive: true });
      copyFileSync(path.join(POSTGRES_MIGRATIONS, name, "migration.sql"), path.join(dir, name, "migration.sql"));
    }
    mkdirSync(path.join(dir, "29990101000000_broken"), { recursive: true });
    writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" (id INTEGER);\nCREATE FUNCTION "half"() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;\nSELECT * FROM "NoSuchTable";\n`,
    );
    psql(`DROP DATABASE IF EXISTS "migrations_twice" WITH (FORCE)`);
    psql(`CREATE DATABASE "migrations_twice"`);
    const url = `${PG_SERVER}/migrations_twice`;
    await expect(migratePostgres(url, dir)).rejects.toThrow(/29990101000000_broken failed, and nothing of it was applied/);
    expect(psql(`SELECT to_regclass('"Half"') IS NULL, (SELECT count(*) FROM pg_proc WHERE proname = 'half')`, "migrations_twice").trim()).toBe("t|0");
    expect(psql(`SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`, "migrations_twice").trim().split("\n")).toEqual(
      migrationNames(POSTGRES_MIGRATIONS),
    );
    // The real history is complete, and applying it again changes nothing.
    expect(await migratePostgres(url)).toEqual([]);
    // Prisma's own CLI reads the same record (table, names, checksums) and agrees.
    const status = execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "status", "--config", "prisma/postgres/prisma.config.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(status).toContain("Database schema is up to date!");
    // The append-only rule's function kept its $$ body: the trigger works.
    expect(() => psql(`INSERT INTO "AuditLog" (action, entity) VALUES ('x', 'y'); UPDATE "AuditLog" SET action = 'z'`, "migrations_twice")).toThrow(
      /AuditLog is append-only/,
    );
  });

  it("apply with psql too (npm run db:migrate -- --psql): run twice, or after the runner, they apply nothing twice", async () => {
    psql(`DROP DATABASE IF EXISTS "migrations_psql" WITH (FORCE)`);
    psql(`CREATE DATABASE "migrations_psql"`);
    const script = path.join(TMP, "migrate.psql");
    writeFileSync(script, psqlScript());
    const url = `${PG_SERVER}/migrations_psql`;
    for (let run = 0; run < 2; run++) execFileSync("psql", [url, "-q", "-f", script], { stdio: "pipe" });
    expect(psql(`SELECT count(*) FROM "_prisma_migrations"`, "migrations_psql").trim()).toBe(String(migrationNames(POSTGRES_MIGRATIONS).length));
    expect(await migratePostgres(url)).toEqual([]);
    expect(pgSchemaOf("migrations_psql")).toEqual(pgSchemaOf(new URL(migratedDb("schema-migrated-2.db")).pathname.slice(1)));
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
    if (onPostgres) await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    expect((await prisma.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).newValue).toBe("46");
    expect(await prisma.auditLog.count()).toBe(1);
  });
});
