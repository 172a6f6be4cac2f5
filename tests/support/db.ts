/**
 * Test databases: real SQLite files, or real PostgreSQL databases on a throwaway cluster
 * (TEST_DATABASE=postgres: `npm run test:unit` runs the integration tests on both), built by
 * the real migrations and seed.
 */
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const TMP = path.join(ROOT, "tests/.tmp");

/** The run's throwaway PostgreSQL server (tests/support/global-setup.ts starts it), or null on SQLite. */
export const PG_SERVER =
  process.env.TEST_DATABASE === "postgres" || process.env.TEST_CLUSTER === "1" ? `postgresql://postgres@127.0.0.1:${process.env.PG_TEST_PORT ?? 55433}` : null;
export const onPostgres = PG_SERVER !== null;
/** The database that every test database is copied from: migrated, empty. */
export const PG_TEMPLATE = "migrated";

/** Runs SQL on the throwaway server with psql. */
export function psql(sql: string, database = "postgres"): string {
  return execFileSync("psql", [`${PG_SERVER}/${database}`, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], { stdio: "pipe", encoding: "utf8" });
}

/** A test database's name on PostgreSQL, from its SQLite file name ("save.db" → "save"). */
const pgName = (name: string) =>
  name
    .replace(/\.db$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_");

function prisma(args: string[], url: string) {
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

/** A fresh database file with every migration applied; returns its file: URL. */
export function migratedDb(name: string): string {
  if (PG_SERVER) {
    const db = pgName(name);
    psql(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    psql(`CREATE DATABASE "${db}" TEMPLATE "${PG_TEMPLATE}"`);
    return `${PG_SERVER}/${db}`;
  }
  mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, name);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  const url = `file:${file}`;
  prisma(["migrate", "deploy"], url);
  return url;
}

/**
 * A fresh database file built straight from schema.prisma: the SQL that `prisma migrate diff
 * --from-empty` derives from it (what `db push` would run; `db push` itself keeps the process
 * alive for a minute after it is done, on a timer of its Wasm engine).
 */
export function pushedDb(name: string): string {
  mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, name);
  rmSync(file, { force: true });
  const sql = execFileSync(
    path.join(ROOT, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return `file:${file}`;
}

export function seedDb(url: string) {
  execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["prisma/seed.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}
