/**
 * Backup and restore of the SQLite database. The backup uses SQLite's online backup API
 * (safe while the app is running); the restore checks the backup first and must be run
 * with the app stopped.
 */
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseFile } from "./database-url";

export async function backupDatabase(url: string, dest: string): Promise<string> {
  mkdirSync(path.dirname(dest), { recursive: true });
  const db = new Database(databaseFile(url), { readonly: true, fileMustExist: true });
  try {
    await db.backup(dest);
  } finally {
    db.close();
  }
  checkDatabase(dest);
  return dest;
}

/** Throws unless the file is a sound SQLite database with this app's tables. */
export function checkDatabase(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const [{ integrity_check }] = db.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[];
    if (integrity_check !== "ok") throw new Error(`${file} is damaged: ${integrity_check}`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const t of ["Plan", "Kpi", "YearlyValue", "FollowUpRound", "AuditLog", "_prisma_migrations"]) {
      if (!tables.some((x) => x.name === t)) throw new Error(`${file} is not a backup of this app (no ${t} table)`);
    }
  } finally {
    db.close();
  }
}

/** Replaces the database with a checked backup (the app must be stopped). */
export function restoreDatabase(url: string, backup: string): void {
  if (!existsSync(backup)) throw new Error(`No such backup: ${backup}`);
  checkDatabase(backup);
  const file = databaseFile(url);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  copyFileSync(backup, file);
}
