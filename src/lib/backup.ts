/**
 * Backup and restore of the database that DATABASE_URL names.
 * - SQLite: SQLite's online backup API (safe while the app is running); the restore checks
 *   the backup first, then copies it over the database file, and must be run with the app
 *   stopped.
 * - PostgreSQL: `pg_dump --format=custom`, one consistent snapshot (safe while the app is
 *   running), checked with `pg_restore --list`; the restore checks the file first, then runs
 *   `pg_restore --clean --if-exists --single-transaction --no-owner`: all of it or nothing.
 *   Debian's client tools (postgresql-client) must be on the PATH.
 */
import Database from "better-sqlite3";
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { databaseFile, isPostgresUrl } from "./database-url";

/** The tables that make a file a backup of this app. */
const APP_TABLES = ["Plan", "Kpi", "YearlyValue", "FollowUpRound", "AuditLog", "_prisma_migrations"];

/** Backs up the database at `url` to `dest`, readable by its owner only (it holds password hashes and sessions). */
export async function backupDatabase(url: string, dest: string): Promise<string> {
  mkdirSync(path.dirname(dest), { recursive: true });
  if (isPostgresUrl(url)) await backupPostgres(url, dest);
  else {
    const db = new Database(databaseFile(url), { readonly: true, fileMustExist: true });
    try {
      await db.backup(dest);
    } finally {
      db.close();
    }
    checkDatabase(dest);
  }
  chmodSync(dest, 0o600);
  return dest;
}

/** Throws unless the file is a sound SQLite database with this app's tables. */
export function checkDatabase(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const [{ integrity_check }] = db.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[];
    if (integrity_check !== "ok") throw new Error(`${file} is damaged: ${integrity_check}`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const t of APP_TABLES) {
      if (!tables.some((x) => x.name === t)) throw new Error(`${file} is not a backup of this app (no ${t} table)`);
    }
  } finally {
    db.close();
  }
}

/** Replaces the database with a checked backup (the app must be stopped). */
export function restoreDatabase(url: string, backup: string): void {
  if (!existsSync(backup)) throw new Error(`No such backup: ${backup}`);
  if (isPostgresUrl(url)) return restorePostgres(url, backup);
  checkDatabase(backup);
  const file = databaseFile(url);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  copyFileSync(backup, file);
}

// PostgreSQL

/** Prisma's own parameters of a PostgreSQL URL, which libpq (and so pg_dump and pg_restore) refuses. */
const PRISMA_PARAMETERS = ["schema", "connection_limit", "pool_timeout", "socket_timeout", "pgbouncer", "statement_cache_size", "sslaccept"];

/**
 * How PostgreSQL's tools reach the database at `url`: `dbname` for `--dbname`, without the
 * password (a command line is visible to every user of the machine), which goes in
 * PGPASSWORD instead; and without Prisma's own parameters. The URL is read as libpq reads
 * it (not as a WHATWG URL, which refuses libpq's "user@/db?host=/socket" and "h1,h2:5432"),
 * and never printed.
 */
export function postgresConnection(url: string): { dbname: string; password: string | null } {
  const scheme = /^postgres(ql)?:\/\//.exec(url)?.[0];
  if (!scheme) throw new Error("DATABASE_URL is not a PostgreSQL URL");
  let rest = url.slice(scheme.length);
  let password: string | null = null;
  // user:password@, as libpq finds it: before the first "@" that comes before any "/"
  const userinfo = /^([^@/]*)@/.exec(rest);
  if (userinfo && userinfo[1].includes(":")) {
    const [user, secret] = userinfo[1].split(/:(.*)/s);
    password = decoded(secret) || null;
    rest = `${user}@${rest.slice(userinfo[0].length)}`;
  }
  // the query string: a password there too, and Prisma's parameters, dropped; the rest as written
  const [base, query = ""] = rest.split(/\?(.*)/s);
  const kept: string[] = [];
  for (const pair of query.split("&").filter(Boolean)) {
    const [key, value = ""] = pair.split(/=(.*)/s);
    const name = decoded(key);
    if (name === "password") password ??= decoded(value) || null;
    else if (!PRISMA_PARAMETERS.includes(name)) kept.push(pair);
  }
  return { dbname: scheme + base + (kept.length ? `?${kept.join("&")}` : ""), password };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

type ToolError = NodeJS.ErrnoException & { stderr?: string | Buffer; status?: number | null; signal?: string | null };

/** What a failed pg_dump or pg_restore said, with the password (if any) blotted out. */
function toolFailure(tool: string, error: unknown, password: string | null): Error {
  const e = error as ToolError;
  if (e.code === "ENOENT") return new Error(`${tool} was not found: install PostgreSQL's client tools (apt-get install postgresql-client)`);
  let text = String(e.stderr ?? "").trim() || `${tool} stopped (${e.status ?? e.signal ?? e.code ?? "unknown reason"})`;
  if (password) text = text.split(password).join("***");
  if (/server version mismatch/.test(text)) text += ` (install the postgresql-client of the server's major version or newer)`;
  // The cause is the tool's own error: its command line holds no password (see postgresConnection).
  return new Error(text, { cause: error });
}

const toolOptions = (password: string | null) => ({
  env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  encoding: "utf8" as const,
  maxBuffer: 64 * 1024 * 1024,
});

async function backupPostgres(url: string, dest: string): Promise<string> {
  const { dbname, password } = postgresConnection(url);
  // Written beside the destination and renamed once checked: a failed backup leaves no file
  // that looks like one, and never overwrites an older backup of the same name.
  const partial = `${path.resolve(dest)}.partial`;
  try {
    await promisify(execFile)("pg_dump", ["--format=custom", "--no-password", `--file=${partial}`, `--dbname=${dbname}`], toolOptions(password)).catch(
      (error: unknown) => {
        throw toolFailure("pg_dump", error, password);
      },
    );
    checkDump(partial, dest);
    renameSync(partial, dest);
  } finally {
    rmSync(partial, { force: true });
  }
  return dest;
}

/** The first bytes of a file. */
function head(file: string, length: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Throws unless the file is a pg_dump archive of this app: the tables, and their rows (a
 * schema-only dump would restore empty tables over the data).
 */
export function checkDump(file: string, name = file): void {
  let list: string;
  try {
    list = execFileSync("pg_restore", ["--list", path.resolve(file)], { ...toolOptions(null), stdio: "pipe" });
  } catch (error) {
    const failure = toolFailure("pg_restore", error, null);
    if ((error as ToolError).code === "ENOENT") throw failure;
    if (head(file, 16).toString("latin1") === "SQLite format 3\0")
      throw new Error(`${name} is a SQLite backup, not a PostgreSQL one: restore it with a file: DATABASE_URL`, { cause: error });
    throw new Error(`${name} is not a PostgreSQL backup of this app (${failure.message})`, { cause: error });
  }
  // Each entry: "<id>; <catalog> <oid> <kind> <schema> <name> <owner>".
  const has = (kind: string, table: string) => new RegExp(`^\\d+; \\d+ \\d+ ${kind} \\S+ ${table} `, "m").test(list);
  for (const t of APP_TABLES) {
    if (!has("TABLE", t)) throw new Error(`${name} is not a backup of this app (no ${t} table)`);
    if (!has("TABLE DATA", t)) throw new Error(`${name} is not a full backup of this app (no rows of the ${t} table: a schema-only dump?)`);
  }
}

function restorePostgres(url: string, backup: string): void {
  checkDump(backup);
  const { dbname, password } = postgresConnection(url);
  try {
    // --clean --if-exists: drops what the backup holds before recreating it (dropping a
    // table fires none of the append-only triggers, which refuse DELETE and TRUNCATE);
    // --single-transaction: one transaction, which stops at the first error, so a broken
    // file changes nothing; --no-owner: the objects belong to the user of DATABASE_URL.
    // The sequences are restored with the tables (SEQUENCE SET), so new rows get new ids.
    execFileSync("pg_restore", ["--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-password", `--dbname=${dbname}`, path.resolve(backup)], {
      ...toolOptions(password),
      stdio: "pipe",
    });
  } catch (error) {
    throw new Error(`${toolFailure("pg_restore", error, password).message}; the database was left as it was (the restore is one transaction)`, {
      cause: error,
    });
  }
}
