import { createHmac, timingSafeEqual } from "node:crypto";
import { serverSecret } from "./secret";

/**
 * A short-lived token that lets the server's own Chromium open the print page of a draft
 * round for a user who may see it: HMAC-SHA256 over plan, year and expiry.
 */
export function signPrintToken(plan: string, fy: number, ttlMs = 60_000, now = Date.now()): string {
  const payload = `${plan}.${fy}.${now + ttlMs}`;
  return `${payload}.${createHmac("sha256", serverSecret()).update(payload).digest("base64url")}`;
}

export function verifyPrintToken(token: string | undefined, plan: string, fy: number, now = Date.now()): boolean {
  if (!token) return false;
  const parts = token.split(".");
  if (parts.length !== 4) return false;
  const [p, y, exp, mac] = parts;
  if (p !== plan || y !== String(fy) || !(Number(exp) > now)) return false;
  const expected = createHmac("sha256", serverSecret()).update(`${p}.${y}.${exp}`).digest();
  const given = Buffer.from(mac, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Data the server hands a client and takes back unchanged (e.g. the versions an import
 * preview was based on): JSON with an expiry, signed with HMAC-SHA256.
 */
export function sealData(data: unknown, ttlMs: number, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ data, exp: now + ttlMs })).toString("base64url");
  return `${payload}.${createHmac("sha256", serverSecret()).update(payload).digest("base64url")}`;
}

/** What sealData() sealed; null when the token was altered or has expired. */
export function openData(token: string, now = Date.now()): unknown {
  const [payload, mac, extra] = token.split(".");
  if (!payload || !mac || extra !== undefined) return null;
  const expected = createHmac("sha256", serverSecret()).update(payload).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { data, exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { data: unknown; exp: number };
    return exp > now ? data : null;
  } catch {
    return null;
  }
}
