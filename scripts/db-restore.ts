// npm run db:restore -- path/to/backup: checks the backup, then replaces the database. Stop the app first.
// SQLite: copies the backup over the database file; PostgreSQL: pg_restore in one transaction (all or nothing).
import { restoreDatabase } from "../src/lib/backup";
import { databaseUrl } from "../src/lib/database-url";

const backup = process.argv[2];
if (!backup) {
  console.error("usage: npm run db:restore -- path/to/backup.db (SQLite) or .dump (PostgreSQL)   (stop the app first)");
  process.exit(2);
}
try {
  restoreDatabase(databaseUrl(), backup);
  console.log(`restored from ${backup}`);
} catch (error) {
  console.error(`restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
