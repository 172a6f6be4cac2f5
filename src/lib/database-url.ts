/** The SQLite database file: DATABASE_URL, or prisma/data/app.db by default. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./prisma/data/app.db";
}
