import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migratedDb, ROOT, seedDb, TMP } from "../support/db";

const run = (script: string, url: string, ...args: string[]) =>
  execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: "pipe",
  });

const value = (file: string) =>
  (
    new Database(file, { readonly: true })
      .prepare("SELECT v.value FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId WHERE k.code = 'pharma-out-1' AND v.fiscalYear = 2022")
      .get() as { value: number }
  ).value;

describe("npm run db:backup and db:restore", () => {
  it("back up a live database, and restore it after a mistake", () => {
    const url = migratedDb("backup-live.db");
    seedDb(url);
    const file = url.replace(/^file:/, "");
    const backup = path.join(TMP, "backup-copy.db");
    expect(run("scripts/db-backup.ts", url, backup)).toContain("backup written and checked");

    const db = new Database(file);
    db.prepare("UPDATE YearlyValue SET value = 0 WHERE fiscalYear = 2022").run();
    db.close();
    expect(value(file)).toBe(0);

    expect(run("scripts/db-restore.ts", url, backup)).toContain("restored");
    expect(value(file)).toBe(47);
  });

  it("refuse to restore a file that is not a backup of this app", () => {
    const url = migratedDb("backup-target.db");
    const junk = path.join(TMP, "not-a-backup.db");
    writeFileSync(junk, "hello");
    expect(() => run("scripts/db-restore.ts", url, junk)).toThrow(/restore failed/);
  });
});
