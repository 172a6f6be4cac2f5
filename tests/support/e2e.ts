/** Helpers for the browser tests (tests/e2e). */
import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
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

/**
 * The plans the specs create. Each spec that changes figures works on a plan of its own, so
 * that the specs can run in any order: none of them changes what another one reads.
 */
export const SPEC_PLANS = [
  "plan2-e2e",
  "trust-e2e",
  "plan3-draft",
  "plan3-e2e-dash",
  "plan3-e2e-entry",
  "plan3-e2e-admin",
  "decks-e2e",
  "review-e2e",
  "cache-e2e",
] as const;

/**
 * A full copy of the 2nd plan as seeded (figures, rounds, texts, and the snapshots of its
 * final rounds as presented) under another code and name, written straight into the e2e
 * database by seed-copy.ts (in a process of its own: the Prisma client does not load in
 * Playwright's). Seeding is idempotent: a copy that exists is left as it is.
 */
export function seedPlan2Copy(plan: { code: (typeof SPEC_PLANS)[number]; nameJa: string; nameEn: string }): void {
  seedCopy("plan2", plan);
}

/** The same for the 3rd plan as seeded: its eight projects, plan-wide KPIs and FY2025 draft round, no figures. */
export function seedPlan3Copy(plan: { code: (typeof SPEC_PLANS)[number]; nameJa: string; nameEn: string }): void {
  seedCopy("plan3", plan);
}

function seedCopy(from: "plan2" | "plan3", plan: { code: string; nameJa: string; nameEn: string }): void {
  const root = path.resolve(__dirname, "../..");
  execFileSync(path.join(root, "node_modules/.bin/tsx"), [path.join(__dirname, "seed-copy.ts"), JSON.stringify({ from, ...plan })], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${E2E_DB}` },
    stdio: "inherit",
  });
}
