import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

let cached: string | null = null;

/**
 * The server's secret for session cookies and print tokens: SESSION_SECRET (at least 32
 * characters), or else a random one kept beside the database, made on first use, so that
 * the demo works with no setup and sessions survive a restart.
 */
export function serverSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters");
    return (cached = fromEnv);
  }
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.SESSION_SECRET_FILE ?? "prisma/data/session-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    cached = randomBytes(48).toString("base64url");
    writeFileSync(file, cached, { mode: 0o600 });
  }
  return cached;
}
