import path from "node:path";

export { isPostgresUrl } from "./postgres.mjs";

/** The database: DATABASE_URL, a postgres:// URL or a SQLite file: URL; prisma/data/app.db (SQLite) by default. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./prisma/data/app.db";
}

/** The file of a file: URL, resolved from the working directory. */
export function databaseFile(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}
