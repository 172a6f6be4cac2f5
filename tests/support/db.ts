/** Test databases: real SQLite files built by the real migrations and seed. */
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const TMP = path.join(ROOT, "tests/.tmp");

function prisma(args: string[], url: string) {
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

/** A fresh database file with every migration applied; returns its file: URL. */
export function migratedDb(name: string): string {
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
