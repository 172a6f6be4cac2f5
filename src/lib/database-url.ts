import path from "node:path";

/** The SQLite database file: DATABASE_URL, or prisma/data/app.db by default. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./prisma/data/app.db";
}

/** The file of a file: URL, resolved from the working directory. */
export function databaseFile(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}
