/**
 * The database of the integration tests that run the app's own reads and writes (Vitest only:
 * the browser tests import db.ts, which must not load Vitest).
 */
import { afterAll } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { migratedDb, seedDb } from "./db";

/**
 * A migrated and seeded database for the tests of the app's own reads and writes, made the one
 * that the app's client singleton (src/lib/db.ts) opens: import the app's modules that use it
 * after this call (in beforeAll). Returns a client of its own, closed after the file's tests.
 */
export function appDb(name: string): { url: string; db: PrismaClient } {
  const url = migratedDb(name);
  seedDb(url);
  process.env.DATABASE_URL = url;
  const db = createPrismaClient(url);
  afterAll(() => db.$disconnect());
  return { url, db };
}

/** A demo user (seeded) as the viewer the app's mutations take. */
export async function demoViewer<R extends "admin" | "secretariat" | "committee">(db: PrismaClient, role: R): Promise<{ id: number; role: R }> {
  return { id: (await db.user.findUniqueOrThrow({ where: { email: `${role}@example.jp` } })).id, role };
}
