import Database from "better-sqlite3";
import { databaseFile, databaseUrl } from "./database-url";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** One client per server process (and per hot reload in development). Kept off the browser by the lint rules of ARCHITECTURE.md, not by "server-only", so that the seed and the CLI can load the writes. */
export const prisma = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;

let bytesReader: Database.Database | null = null;

/**
 * One row of large binary values (the stored decks), read past Prisma: its engine carries
 * Bytes through JSON, about 50 ms per MB on this machine, where better-sqlite3 reads them in
 * under a millisecond (bench/slides.mts). A read-only connection of its own, so it sees
 * committed data only, as the app's reads do.
 */
export function readBytesRow<T>(sql: string, ...params: unknown[]): T | null {
  bytesReader ??= new Database(databaseFile(databaseUrl()), { readonly: true, fileMustExist: true });
  return (bytesReader.prepare(sql).get(...params) as T | undefined) ?? null;
}
