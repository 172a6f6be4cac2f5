import "server-only";
import { isRole, type Viewer, canAdminister } from "@/features/auth/ability";
import { sessionRow } from "@/features/auth/data";
import { beginSession, endSession, SESSION_HOURS } from "@/features/auth/mutations";
import { loadMessages } from "@/i18n/messages";
import type { AppLocale } from "@/i18n/routing";
import { SESSION_COOKIE, jsonError, requestLocale, sameOrigin } from "@/lib/api";
import { getIronSession, type SessionOptions } from "iron-session";
import { createTranslator } from "next-intl";
import { cookies } from "next/headers";
import { randomBytes, createHmac, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";

export interface SessionData {
  /** the session's random id; the database keeps only its digest (see the Session model) */
  sid?: string;
}

function options(): SessionOptions {
  return {
    cookieName: SESSION_COOKIE,
    password: serverSecret(),
    ttl: 60 * 60 * SESSION_HOURS, // a working day
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      // Secure in production; COOKIE_SECURE=false only for plain-http test servers.
      secure: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false",
      path: "/",
    },
  };
}

async function getSession() {
  return getIronSession<SessionData>(await cookies(), options());
}

/**
 * The signed-in user, checked against the database on every request; null when anonymous,
 * when the session was ended (signed out, a new password, the account disabled) or has
 * expired, or when the account is disabled.
 */
export async function getViewer(): Promise<Viewer> {
  const { sid } = await getSession();
  if (!sid) return null;
  const row = await sessionRow(sid);
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  const { user } = row;
  if (!isRole(user.role) || user.disabledAt !== null) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

/** Starts a session for a user who proved their password (ending the one this browser had, if any). */
export async function startSession(userId: number): Promise<void> {
  const session = await getSession();
  if (session.sid) await endSession(session.sid);
  session.sid = await beginSession(userId);
  await session.save();
}

/** Signs out: the session ends on the server, so a copy of the cookie no longer works either. */
export async function stopSession(): Promise<void> {
  const session = await getSession();
  if (session.sid) await endSession(session.sid);
  session.destroy();
}

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

/** The admin APIs' messages: the Admin, AdminUsers and AdminProjects namespaces. */
export async function adminTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: await loadMessages(locale) });
}

export type AdminTranslator = Awaited<ReturnType<typeof adminTranslator>>;
type Key = Parameters<AdminTranslator>[0];
export type AdminNamespace = "Admin" | "AdminUsers" | "AdminProjects";

/**
 * The common start of every admin API: the language of the answer (?lang, else
 * Accept-Language), a signed-in admin and, for writes, a request from this site; or the
 * translated error response.
 */
export async function adminRequest(request: Request, { write }: { write: boolean }) {
  const locale = requestLocale(request);
  const t = await adminTranslator(locale);
  const viewer = await getViewer();
  if (!viewer) return { error: jsonError(401, "unauthenticated", t("Admin.unauthenticated")) };
  if (!canAdminister(viewer) || (write && !sameOrigin(request))) return { error: jsonError(403, "forbidden", t("Admin.forbidden")) };
  return { ok: { locale, t, viewer } };
}

/** The request's JSON body, or undefined when it is not JSON (the schema then refuses it). */
export async function jsonBody(request: Request): Promise<unknown> {
  return request.json().catch(() => undefined);
}

/**
 * A 400 answer listing every invalid field with its translated message. The schemas' error
 * messages are keys of `namespace`, or of Admin for the ones all admin forms share; anything
 * else (a wrong type in a hand-made request) reads as the generic "invalid".
 */
export function invalidResponse(error: z.ZodError, t: AdminTranslator, namespace: AdminNamespace, values: Record<string, string | number> = {}): Response {
  return fieldErrorsResponse(
    error.issues.map((issue) => ({ field: issue.path.join("."), code: issue.message })),
    t,
    namespace,
    values,
  );
}

/** The same 400 answer for fields found invalid against the stored data (e.g. a target against its KPI's measure). */
export function fieldErrorsResponse(
  fields: { field: string; code: string }[],
  t: AdminTranslator,
  namespace: AdminNamespace,
  values: Record<string, string | number> = {},
): Response {
  const errors = fields.map(({ field, code }) => {
    const key = [`${namespace}.${code}`, `Admin.${code}`].find((k) => t.has(k as Key)) as Key | undefined;
    return { field, code: key ? code : "invalid", message: t(key ?? "Admin.invalid", values) };
  });
  return Response.json({ error: { code: "invalid", message: t("Admin.invalid") }, errors }, { status: 400, headers: { "Cache-Control": "no-store" } });
}
