import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { migratedDb, onPostgres, PG_SERVER, psql, ROOT, seedDb, TMP } from "../support/db";

const run = (script: string, url: string, ...args: string[]) =>
  execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: "pipe",
    // the scripts run synchronously, so a tool that hangs would otherwise outlast the test's own limit
    timeout: 60_000,
  });

const value = (file: string) =>
  (
    new Database(file, { readonly: true })
      .prepare("SELECT v.value FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId WHERE k.code = 'pharma-out-1' AND v.fiscalYear = 2022")
      .get() as { value: number }
  ).value;

describe.skipIf(onPostgres)("npm run db:backup and db:restore", () => {
  it("back up a live database, and restore it after a mistake", () => {
    const url = migratedDb("backup-live.db");
    seedDb(url);
    const file = url.replace(/^file:/, "");
    const backup = path.join(TMP, "backup-copy.db");
    // a stored deck (slides) is in the database, so the backup carries it
    const deck = () => {
      const read = new Database(file, { readonly: true });
      const rows = read.prepare("SELECT etag, bytes FROM StoredDeck").all() as { etag: string; bytes: Buffer }[];
      read.close();
      return rows;
    };
    const live = new Database(file);
    live
      .prepare(
        "INSERT INTO StoredDeck (roundId, format, lang, roundVersion, etag, size, bytes) SELECT id, 'pdf', 'ja', version, 'tag', 3, X'255044' FROM FollowUpRound WHERE fiscalYear = 2022",
      )
      .run();
    live.close();
    expect(run("scripts/db-backup.ts", url, backup)).toContain("backup written and checked");
    // It holds password hashes and sessions: its owner's alone.
    expect(statSync(backup).mode & 0o777).toBe(0o600);

    const db = new Database(file);
    db.prepare("UPDATE YearlyValue SET value = 0 WHERE fiscalYear = 2022").run();
    db.prepare("DELETE FROM StoredDeck").run();
    db.close();
    expect(value(file)).toBe(0);
    expect(deck()).toEqual([]);

    expect(run("scripts/db-restore.ts", url, backup)).toContain("restored");
    expect(value(file)).toBe(47);
    expect(deck()).toEqual([{ etag: "tag", bytes: Buffer.from("%PD") }]);
  });

  it("refuse to restore a file that is not a backup of this app", () => {
    const url = migratedDb("backup-target.db");
    const junk = path.join(TMP, "not-a-backup.db");
    writeFileSync(junk, "hello");
    expect(() => run("scripts/db-restore.ts", url, junk)).toThrow(/restore failed/);
  });
});

/** What a failed script printed on its standard error. */
function stderrOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
  throw new Error("the script did not fail");
}

describe.runIf(onPostgres)("npm run db:backup and db:restore on PostgreSQL", () => {
  const SEEDED = "backup_pg_seeded";
  const dir = path.join(TMP, "backup-pg");
  /** A copy of the seeded database (CREATE DATABASE … TEMPLATE: seeding once is enough); returns its URL. */
  const seededCopy = (name: string) => {
    psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    psql(`CREATE DATABASE "${name}" TEMPLATE "${SEEDED}"`);
    return `${PG_SERVER}/${name}`;
  };
  const sql = (db: string, text: string) => psql(text, db).trim();
  const figure = (db: string) =>
    Number(sql(db, `SELECT v.value FROM "YearlyValue" v JOIN "Kpi" k ON k.id = v."kpiId" WHERE k.code = 'pharma-out-1' AND v."fiscalYear" = 2022`));
  const TABLES = ["Plan", "Project", "Kpi", "YearlyValue", "FollowUpRound", "RoundEntry", "AuditLog", "RoundSnapshot", "StoredDeck", "User"];
  /** The id that the table's sequence gives next (without taking it). */
  const nextId = (db: string, table: string) => Number(sql(db, `SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM "${table}_id_seq"`));
  /**
   * Everything a restore could change, in one query: the tables' contents (a digest of their
   * rows), the sequences' positions, and the tables' own identities (a restore drops them and
   * makes them anew, with new oids).
   */
  const fingerprint = (db: string) =>
    JSON.parse(
      sql(
        db,
        `SELECT json_build_object(
          'rows', json_build_object(${TABLES.map((t) => `'${t}', (SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t.id)), 'none') FROM "${t}" t)`).join(", ")}),
          'sequences', (SELECT string_agg(sequencename || '=' || coalesce(last_value, 0), ',' ORDER BY sequencename) FROM pg_sequences),
          'tables', (SELECT string_agg(relname || '=' || oid, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'))`,
      ),
    ) as { rows: Record<string, string>; sequences: string; tables: string };
  const dump = (database: string, file: string, ...options: string[]) =>
    execFileSync("pg_dump", ["--format=custom", ...options, `--file=${file}`, `--dbname=${PG_SERVER}/${database}`], { stdio: "pipe" });

  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    seedDb(migratedDb(`${SEEDED}.db`));
  });

  it("back up a live database, and restore it after a mistake: figures, decks, audit log, triggers and sequences", async () => {
    const db = "backup_pg_live";
    const url = seededCopy(db);
    const backup = path.join(dir, "live.dump");
    // a stored deck (slides) is in the database, so the backup carries it
    sql(
      db,
      `INSERT INTO "StoredDeck" ("roundId", format, lang, "roundVersion", etag, size, bytes) SELECT id, 'pdf', 'ja', version, 'tag', 3, '\\x255044'::bytea FROM "FollowUpRound" WHERE "fiscalYear" = 2022`,
    );
    const deck = () => sql(db, `SELECT etag || ' ' || bytes::text FROM "StoredDeck" ORDER BY id`);
    const before = fingerprint(db);
    expect(Number(sql(db, `SELECT count(*) FROM "AuditLog"`))).toBeGreaterThan(0);
    expect(Number(sql(db, `SELECT count(*) FROM "RoundSnapshot"`))).toBeGreaterThan(0);
    expect(figure(db)).toBe(47);
    expect(deck()).toBe("tag \\x255044");

    // Live: another session is in the middle of a write (uncommitted, holding its row locks).
    // The backup neither waits for it nor sees it: pg_dump reads one snapshot of committed data.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`UPDATE "YearlyValue" SET value = 999 WHERE "fiscalYear" = 2022`);
      await other.query(`INSERT INTO "AuditLog" (action, entity) VALUES ('uncommitted', 'YearlyValue')`);
      expect(run("scripts/db-backup.ts", url, backup)).toContain(`backup written and checked: ${backup}`);
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    expect(figure(db)).toBe(999);
    expect(statSync(backup).size).toBeGreaterThan(10_000);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backup}.partial`)).toBe(false);

    // the mistake, on top: figures wiped, the stored decks deleted, and the audit log grows
    sql(
      db,
      `UPDATE "YearlyValue" SET value = 0 WHERE "fiscalYear" = 2022; DELETE FROM "StoredDeck"; INSERT INTO "AuditLog" (action, entity) VALUES ('mistake', 'YearlyValue')`,
    );
    expect(figure(db)).toBe(0);
    expect(deck()).toBe("");

    expect(run("scripts/db-restore.ts", url, backup)).toContain(`restored from ${backup}`);
    const after = fingerprint(db);
    expect(figure(db)).toBe(47);
    expect(deck()).toBe("tag \\x255044");
    // every table as it was at the backup, the audit log and the snapshots to the row; the
    // tables are new ones (dropped and made anew by --clean)
    expect(after.rows).toEqual(before.rows);
    expect(after.tables).not.toBe(before.tables);
    // each table's sequence is past its rows (not at the backup's exact values: a sequence is
    // outside transactions, so the dump holds the number the uncommitted insert above took)
    for (const t of TABLES) expect(nextId(db, t), t).toBeGreaterThan(Number(sql(db, `SELECT coalesce(max(id), 0) FROM "${t}"`)));
    expect(sql(db, `SELECT count(*) FROM "AuditLog" WHERE action IN ('uncommitted', 'mistake')`)).toBe("0");

    // the append-only triggers came back with the tables
    expect(() => sql(db, `UPDATE "AuditLog" SET action = 'changed'`)).toThrow(/AuditLog is append-only/);
    expect(() => sql(db, `DELETE FROM "AuditLog"`)).toThrow(/AuditLog is append-only/);
    expect(() => sql(db, `TRUNCATE "AuditLog"`)).toThrow(/AuditLog is append-only/);
    expect(() => sql(db, `UPDATE "RoundSnapshot" SET data = '{}'`)).toThrow(/RoundSnapshot is append-only/);
    expect(() => sql(db, `DELETE FROM "RoundSnapshot"`)).toThrow(/RoundSnapshot is append-only/);
    expect(fingerprint(db).rows).toEqual(before.rows);

    // new rows get new ids: the sequences were restored with the tables
    const lastAudit = Number(sql(db, `SELECT max(id) FROM "AuditLog"`));
    const lastDeck = Number(sql(db, `SELECT max(id) FROM "StoredDeck"`));
    expect(Number(sql(db, `INSERT INTO "AuditLog" (action, entity) VALUES ('after restore', 'Test') RETURNING id`))).toBeGreaterThan(lastAudit);
    expect(
      Number(
        sql(
          db,
          `INSERT INTO "StoredDeck" ("roundId", format, lang, "roundVersion", etag, size, bytes) SELECT id, 'pptx', 'ja', version, 't2', 1, '\\x00'::bytea FROM "FollowUpRound" WHERE "fiscalYear" = 2022 RETURNING id`,
        ),
      ),
    ).toBeGreaterThan(lastDeck);
  });

  it("name a backup app-<time>.dump by default", () => {
    const cwd = path.join(dir, "default-name");
    mkdirSync(cwd, { recursive: true });
    execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts/db-backup.ts")], {
      cwd,
      env: { ...process.env, DATABASE_URL: `${PG_SERVER}/${SEEDED}` },
      stdio: "pipe",
    });
    expect(readdirSync(path.join(cwd, "backups"))).toEqual([expect.stringMatching(/^app-\d{8}-\d{6}\.dump$/)]);
  });

  it("refuse a file that is not a backup of this app, and leave the database as it was", () => {
    const db = "backup_pg_target";
    const url = seededCopy(db);
    sql(db, `UPDATE "YearlyValue" SET value = 0 WHERE "fiscalYear" = 2022`);
    const before = fingerprint(db);
    const refused = (file: string) => {
      const message = stderrOf(() => run("scripts/db-restore.ts", url, file));
      expect(fingerprint(db)).toEqual(before);
      return message;
    };

    const junk = path.join(dir, "junk.dump");
    writeFileSync(junk, "hello");
    expect(refused(junk)).toMatch(/^restore failed: .*junk\.dump is not a PostgreSQL backup of this app \(pg_restore: error: .*valid archive/);

    const sqlite = path.join(dir, "sqlite.db");
    rmSync(sqlite, { force: true });
    const file = new Database(sqlite);
    file.exec(`CREATE TABLE "Plan" (id INTEGER PRIMARY KEY)`);
    file.close();
    expect(refused(sqlite)).toMatch(/sqlite\.db is a SQLite backup, not a PostgreSQL one/);

    const other = path.join(dir, "other-database.dump");
    dump("postgres", other);
    expect(refused(other)).toMatch(/other-database\.dump is not a backup of this app \(no Plan table\)/);

    const schemaOnly = path.join(dir, "schema-only.dump");
    dump(SEEDED, schemaOnly, "--schema-only");
    expect(refused(schemaOnly)).toMatch(/schema-only\.dump is not a full backup of this app \(no rows of the Plan table/);

    const plain = path.join(dir, "plain.sql");
    dump(SEEDED, plain, "--format=plain");
    expect(refused(plain)).toMatch(/plain\.sql is not a PostgreSQL backup of this app \(.*text format dump/);

    expect(refused(path.join(dir, "missing.dump"))).toMatch(/No such backup: .*missing\.dump/);
  });

  it("restore all of a backup or nothing: a file cut short leaves the database as it was", () => {
    const db = "backup_pg_cut";
    const url = seededCopy(db);
    const whole = path.join(dir, "whole.dump");
    const cut = path.join(dir, "cut.dump");
    expect(run("scripts/db-backup.ts", url, whole)).toContain("backup written and checked");
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
    // the cut file passes the check (its table of contents is whole), so the restore starts,
    // drops and creates tables, and fails in the middle of the rows
    expect(execFileSync("pg_restore", ["--list", cut], { encoding: "utf8" })).toMatch(/TABLE DATA public _prisma_migrations/);
    sql(db, `UPDATE "YearlyValue" SET value = 0 WHERE "fiscalYear" = 2022`);
    const before = fingerprint(db);

    expect(stderrOf(() => run("scripts/db-restore.ts", url, cut))).toMatch(
      /^restore failed: pg_restore: error: .*; the database was left as it was \(the restore is one transaction\)/s,
    );
    expect(fingerprint(db)).toEqual(before);
    expect(figure(db)).toBe(0);

    // the whole file restores
    run("scripts/db-restore.ts", url, whole);
    expect(figure(db)).toBe(47);
  });
});

describe("PostgreSQL's tools, as the scripts call them", () => {
  // A stand-in pg_dump that records how it was called, and fails.
  const bin = path.join(TMP, "backup-fake-bin");
  const record = path.join(TMP, "backup-fake-bin.log");
  const script = (env: Record<string, string>) =>
    stderrOf(() =>
      execFileSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/db-backup.ts", path.join(TMP, "never.dump")], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        encoding: "utf8",
        stdio: "pipe",
      }),
    );

  it("get the password in PGPASSWORD, never on the command line or in a message", () => {
    mkdirSync(bin, { recursive: true });
    rmSync(record, { force: true });
    writeFileSync(
      path.join(bin, "pg_dump"),
      `#!/bin/sh\nprintf '%s\\n' "$@" > "${record}"\nprintf 'PGPASSWORD=%s\\n' "$PGPASSWORD" >> "${record}"\necho "refused $PGPASSWORD" >&2\nexit 1\n`,
    );
    chmodSync(path.join(bin, "pg_dump"), 0o755);
    const message = script({
      PATH: `${bin}:${process.env.PATH}`,
      DATABASE_URL: "postgresql://kpi:p%40ss%20word@db.example:5432/kpi?sslmode=require&schema=public&connection_limit=5",
    });
    expect(readFileSync(record, "utf8").split("\n")).toEqual([
      "--format=custom",
      "--no-password",
      `--file=${path.join(TMP, "never.dump")}.partial`,
      "--dbname=postgresql://kpi@db.example:5432/kpi?sslmode=require",
      "PGPASSWORD=p@ss word",
      "",
    ]);
    expect(message).toBe("backup failed: refused ***\n");
    expect(existsSync(path.join(TMP, "never.dump"))).toBe(false);
  });

  it("say what to install when pg_dump is missing", () => {
    const message = script({ PATH: path.join(TMP, "backup-empty-bin"), DATABASE_URL: "postgresql://kpi@127.0.0.1:1/kpi" });
    expect(message).toBe("backup failed: pg_dump was not found: install PostgreSQL's client tools (apt-get install postgresql-client)\n");
  });
});
