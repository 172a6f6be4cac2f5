// npm run db:migrate: applies the migrations of the database that DATABASE_URL names.
// - SQLite (a file: URL, or none): `prisma migrate deploy`, with prisma/migrations.
// - PostgreSQL (postgres:// or postgresql://): this script, with prisma/postgres/migrations.
//   Prisma 6.19's migration engine cannot work through the pg driver adapter (it fails on
//   the catalog's `name` columns, prisma/orm#27403, and would run a script statement by
//   statement outside a transaction), so this script does what `migrate deploy` does: under
//   an advisory lock, each migration not yet applied runs in one transaction together with
//   its row in Prisma's own `_prisma_migrations` table (checksum: the file's SHA-256), so a
//   failed migration leaves nothing behind, a second run applies nothing, and
//   `prisma migrate status` agrees with it.
// `node scripts/migrate.mjs --psql > migrate.sql` prints the same as one psql script, for an
// operator who applies migrations with psql (see psqlScript).
import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { isPostgresUrl, POSTGRES_OPTIONS } from "../src/lib/postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const POSTGRES_MIGRATIONS = path.join(root, "prisma/postgres/migrations");

/** The same key as Prisma's migration engine, so that this script and the CLI never run at once. */
const LOCK_KEY = 72707369;

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** The migrations in `dir`, in order: name, SQL and checksum (the file's SHA-256, as Prisma's). */
function migrationsIn(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * The same migrations as one psql script, for an operator who applies them with psql
 * (`psql -f`): each runs in its own transaction with its record, and only when its record is
 * not there yet, so the script can be run again, or after this runner, and applies nothing
 * twice; a failure stops it (ON_ERROR_STOP) and rolls that migration back whole.
 */
export function psqlScript(dir = POSTGRES_MIGRATIONS) {
  const lines = ["\\set ON_ERROR_STOP on", "SET TimeZone = 'UTC';", `SELECT pg_advisory_lock(${LOCK_KEY});`, `${MIGRATIONS_TABLE};`];
  for (const { name, sql, checksum } of migrationsIn(dir)) {
    lines.push(
      "",
      `-- ${name}`,
      `SELECT NOT EXISTS (SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '${name}' AND rolled_back_at IS NULL) AS pending \\gset`,
      "\\if :pending",
      "BEGIN;",
      sql.trimEnd(),
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (gen_random_uuid()::text, '${checksum}', '${name}', now(), now(), 1);`,
      "COMMIT;",
      "\\endif",
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Applies the migrations in `dir` not yet applied to the PostgreSQL database at `url`; returns their names. */
export async function migratePostgres(url, dir = POSTGRES_MIGRATIONS) {
  const client = new pg.Client({ connectionString: url, options: POSTGRES_OPTIONS });
  await client.connect();
  const applied = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE);
    const rows = (await client.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)).rows;
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const { name, sql, checksum } of migrationsIn(dir)) {
      const row = done.get(name);
      if (row) {
        if (!row.finished_at)
          throw new Error(`migration ${name} failed earlier and was left half-applied by another tool; see the README (Running on PostgreSQL)`);
        if (row.checksum !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        continue;
      }
      // One simple-protocol query keeps the script whole ($$ bodies included); the explicit
      // transaction around it and its record makes both happen, or neither.
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed, and nothing of it was applied: ${error.message}`, { cause: error });
      }
      applied.push(name);
    }
  } finally {
    await client.end();
  }
  return applied;
}

// Run as a command (not imported): the same file, whatever the path's spaces, characters or links.
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const url = process.env.DATABASE_URL;
  if (process.argv.includes("--psql")) {
    process.stdout.write(psqlScript());
  } else if (isPostgresUrl(url)) {
    migratePostgres(url)
      .then((names) => console.log(names.length ? `applied ${names.length} migration(s): ${names.join(", ")}` : "no pending migrations"))
      .catch((error) => {
        console.error(error.message);
        process.exitCode = 1;
      });
  } else {
    execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, stdio: "inherit" });
  }
}
