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
