/** Helpers for the browser tests (tests/e2e). */
import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import Database from "better-sqlite3";
import path from "node:path";

/** The database the e2e server runs on (playwright.config.ts). */
export const E2E_DB = path.resolve(__dirname, "../.tmp/e2e.db");

export const DEMO = {
  admin: { email: "admin@example.jp", password: "demo-admin-password" },
  secretariat: { email: "secretariat@example.jp", password: "demo-secretariat-password" },
  committee: { email: "committee@example.jp", password: "demo-committee-password" },
};

/** Reads the e2e database directly (read-only), to see what is stored. */
export function sql<T>(query: string, ...args: unknown[]): T[] {
  const db = new Database(E2E_DB, { readonly: true });
  try {
    return db.prepare(query).all(...args) as T[];
  } finally {
    db.close();
  }
}

/**
 * An API client, signed in when `user` is given. `client` is the address it comes from
 * (X-Forwarded-For, believed from 127.0.0.1, which playwright.config.ts declares a proxy):
 * the server allows 20 sign-ins per client address in 15 minutes, and
 * the whole suite runs from one machine, so a spec that signs in often uses its own.
 */
export async function apiAs(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  user: { email: string; password: string } | null,
  client: string,
): Promise<APIRequestContext> {
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL, "X-Forwarded-For": client } });
  if (user) expect((await ctx.post("/api/auth/signin", { data: user })).status()).toBe(200);
  return ctx;
}
