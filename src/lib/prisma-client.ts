import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "./database-url";

export type { PrismaClient };
/** The client inside an interactive transaction. */
export type PrismaTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** Either: read helpers work inside and outside a transaction. */
export type Db = PrismaClient | PrismaTx;

/** A Prisma client over SQLite through the better-sqlite3 driver adapter; a locked database is waited for up to 5 s. */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
}
