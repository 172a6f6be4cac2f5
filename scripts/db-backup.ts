// npm run db:backup [-- path/to/backup]: an online backup of the database (the app may keep running):
// SQLite's online backup (backups/app-<time>.db), or pg_dump's custom format on PostgreSQL (backups/app-<time>.dump).
import path from "node:path";
import { backupDatabase } from "../src/lib/backup";
import { databaseUrl, isPostgresUrl } from "../src/lib/database-url";

// The backup holds password hashes and sessions: its file (and a new backups/ folder) is its owner's alone from the start.
process.umask(0o077);
const url = databaseUrl();
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const dest = path.resolve(process.argv[2] ?? `backups/app-${stamp}.${isPostgresUrl(url) ? "dump" : "db"}`);
backupDatabase(url, dest)
  .then((file) => console.log(`backup written and checked: ${file}`))
  .catch((error: Error) => {
    console.error(`backup failed: ${error.message}`);
    process.exitCode = 1;
  });
