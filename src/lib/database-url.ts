import path from "node:path";

/** The database: DATABASE_URL, a postgres:// URL or a SQLite file: URL; prisma/data/app.db (SQLite) by default. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./prisma/data/app.db";
}

/** The file of a file: URL, resolved from the working directory. */
export function databaseFile(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

/** Whether a database URL names PostgreSQL (else it is a SQLite file). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
