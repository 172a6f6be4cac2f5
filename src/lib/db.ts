import Database from "better-sqlite3";
import { databaseFile, databaseUrl, isPostgresUrl } from "./database-url";
import { postgresPool } from "./postgres.mjs";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** One client per server process (and per hot reload in development). Kept off the browser by the lint rules of ARCHITECTURE.md, not by "server-only", so that the seed and the CLI can load the writes. */
export const prisma = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;

let sqliteReader: Database.Database | null = null;

/**
 * One row of large binary values (the stored decks), read past Prisma: its engine carries
 * Bytes through JSON, about 50 ms per MB on this machine, where the drivers read them in
 * under a millisecond (bench/slides.mts). A connection of its own that is never in a
 * transaction, so it sees committed data only, as the app's reads do. `sql` quotes its
 * names ("StoredDeck") and marks its parameters with ?, for both databases.
 */
export async function readBytesRow<T>(sql: string, ...params: unknown[]): Promise<T | null> {
  const url = databaseUrl();
  if (isPostgresUrl(url)) {
    let n = 0;
    const { rows } = await postgresPool().query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
    return (rows[0] as T | undefined) ?? null;
  }
  sqliteReader ??= new Database(databaseFile(url), { readonly: true, fileMustExist: true });
  return (sqliteReader.prepare(sql).get(...params) as T | undefined) ?? null;
}
