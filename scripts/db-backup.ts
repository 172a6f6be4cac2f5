// npm run db:backup [-- path/to/backup.db]: an online backup of the database (the app may keep running).
import path from "node:path";
import { backupDatabase } from "../src/lib/backup";
import { databaseUrl } from "../src/lib/database-url";

const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const dest = path.resolve(process.argv[2] ?? `backups/app-${stamp}.db`);
backupDatabase(databaseUrl(), dest)
  .then((file) => console.log(`backup written and checked: ${file}`))
  .catch((error: Error) => {
    console.error(`backup failed: ${error.message}`);
    process.exitCode = 1;
  });
