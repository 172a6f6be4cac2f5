import "server-only";
import { isRole, type Viewer, canAdminister, canEditRound } from "@/features/auth/ability";
import { sessionRow } from "@/features/auth/data";
import { beginSession, endSession, SESSION_HOURS } from "@/features/auth/mutations";
import { loadMessages } from "@/i18n/messages";
import type { AppLocale } from "@/i18n/routing";
import { SESSION_COOKIE, jsonError, requestLocale, sameOrigin, withErrorHandling } from "@/lib/api";
import { missingSessionSecret } from "@/lib/postgres.mjs";
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

let fromFile: { file: string; secret: string } | null = null;

/**
 * The server's secret for session cookies and print tokens: SESSION_SECRET (at least 32
 * characters). On SQLite (one server) it may be left unset: a random one is then kept beside
 * the database, made on first use, so that the demo works with no setup and sessions survive a
 * restart. On PostgreSQL it is required: the app servers behind a load balancer must share one
 * secret, or a cookie signed by one would be refused by the next, and each would make its own.
 */
export function serverSecret(): string {
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters");
    return fromEnv;
  }
  const missing = missingSessionSecret();
  if (missing) throw new Error(missing);
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.SESSION_SECRET_FILE ?? "prisma/data/session-secret");
  if (fromFile?.file === file) return fromFile.secret;
  let secret: string;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    secret = randomBytes(48).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
  }
  fromFile = { file, secret };
  return secret;
}

/** HMAC-SHA256 of a token's payload with the server's secret: the one signature of print and import tokens. */
function mac(payload: string): Buffer {
  return createHmac("sha256", serverSecret()).update(payload).digest();
}

/** Whether a token's signature (base64url) is the payload's, compared in constant time. */
function signed(payload: string, signature: string): boolean {
  const expected = mac(payload);
  const given = Buffer.from(signature, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A short-lived token that lets the server's own Chromium open the print page of a draft
 * round for a user who may see it: HMAC-SHA256 over plan, year and expiry.
 */
export function signPrintToken(plan: string, fy: number, ttlMs = 60_000, now = Date.now()): string {
  const payload = `${plan}.${fy}.${now + ttlMs}`;
  return `${payload}.${mac(payload).toString("base64url")}`;
}

export function verifyPrintToken(token: string | undefined, plan: string, fy: number, now = Date.now()): boolean {
  if (!token) return false;
  const parts = token.split(".");
  if (parts.length !== 4) return false;
  const [p, y, exp, signature] = parts;
  if (p !== plan || y !== String(fy) || !(Number(exp) > now)) return false;
  return signed(`${p}.${y}.${exp}`, signature);
}

/**
 * Data the server hands a client and takes back unchanged (e.g. the versions an import
 * preview was based on): JSON with an expiry, signed with HMAC-SHA256.
 */
export function sealData(data: unknown, ttlMs: number, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ data, exp: now + ttlMs })).toString("base64url");
  return `${payload}.${mac(payload).toString("base64url")}`;
}

/** What sealData() sealed; null when the token was altered or has expired. */
export function openData(token: string, now = Date.now()): unknown {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || !signed(payload, signature)) return null;
  try {
    const { data, exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { data: unknown; exp: number };
    return exp > now ? data : null;
  } catch {
    return null;
  }
}

type Values = Record<string, string | number>;
/** The namespaces of messages whose errors route handlers answer with. */
export type ApiNamespace = "Api" | "Auth" | "Entry" | "Admin" | "AdminUsers" | "AdminProjects" | "AdminStructure" | "Review";

/** Who may call a route: anyone, any signed-in member, the secretariat and admins (editors), admins. */
export type Access = "anyone" | "member" | "editor" | "admin";
const MAY: Record<Access, (viewer: Viewer) => boolean> = {
  anyone: () => true,
  member: (viewer) => viewer !== null,
  editor: canEditRound,
  admin: canAdminister,
};

/** What a route handler gets from the gate: the checked caller and the parsed input. */
export interface Gated<P, Q, B, V extends Viewer> {
  request: Request;
  locale: AppLocale;
  viewer: V;
  params: P;
  query: Q;
  body: B;
  /** a message of the route's namespace ("key") or of another ("Namespace.key") */
  t: (key: string, values?: Values) => string;
  /** an error answer {error: {code, message}}; the message is `key` (default: the code) */
  fail: (status: number, code: string, values?: Values, key?: string) => Response;
  /** a 400 answer listing each invalid field, {error, errors: [{field, code, message, …}]} */
  invalid: (fields: { field: string; code: string }[], values?: Values) => Response;
}

/** What answering needs: the language and the translated errors (for helpers that map results to HTTP). */
export type Answer = Pick<Gated<unknown, unknown, unknown, Viewer>, "locale" | "t" | "fail">;

interface Spec<P, Q, B> {
  access: Access;
  namespace: ApiNamespace;
  /** the route's parameters; a mismatch answers 404, with the message `notFound` (given the raw parameters) */
  params?: z.ZodType<P>;
  notFound?: string;
  /** the query string; a mismatch answers 400 with the first issue's message */
  query?: z.ZodType<Q>;
  /** a JSON body; a mismatch answers 400 listing the fields ("fields"), or with the first issue's message ("first") */
  body?: z.ZodType<B>;
  invalidBody?: "fields" | "first";
  /** extra values for the body's messages, e.g. {min: 12} */
  values?: Values;
}

/** A request's body as JSON: an empty body reads as `undefined`; anything else that is not JSON is null. */
function readJson(text: string): { value: unknown } | null {
  if (text.trim() === "") return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

/**
 * The one gate of every route handler. A route states who may call it and the zod schemas of
 * its input; the gate does the rest, in this order: the language of the answer (?lang, else
 * Accept-Language), the session and the role (401, 403), the Origin of a write (403), the
 * parameters (404), the query and the body (400, translated, per field), and any unexpected
 * error (a generic 500, logged). Every answer says it depends on the session (see withErrorHandling).
 */
export function route<P = Record<string, string>, Q = undefined, B = undefined, A extends Access = Access>(
  spec: Spec<P, Q, B> & { access: A },
  handler: (gated: Gated<P, Q, B, A extends "anyone" ? Viewer : NonNullable<Viewer>>) => Promise<Response>,
) {
  return (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) =>
    withErrorHandling(request, async () => {
      const locale = requestLocale(request);
      const translate = createTranslator({ locale, messages: await loadMessages(locale) });
      const has = (key: string) => translate.has(key as never);
      const full = (key: string) => (key.includes(".") ? key : `${spec.namespace}.${key}`);
      const family = spec.namespace.startsWith("Admin") ? "Admin" : spec.namespace;
      /** the first of the route's namespace, its family (Admin) and the fallback that has the key */
      const pick = (key: string, fallback: string) => [full(key), `${family}.${key}`].find(has) ?? fallback;
      const t = (key: string, values?: Values) => translate(full(key) as never, values as never);
      const fail = (status: number, code: string, values?: Values, key = code) => jsonError(status, code, t(key, values));
      /** the namespace's (or its family's) "invalid": every namespace that answers has one */
      const invalidKey = pick("invalid", "Entry.invalid");
      const invalid: Gated<P, Q, B, Viewer>["invalid"] = (fields, values = spec.values) => {
        const errors = fields.map(({ code, ...rest }) => {
          const key = [full(code), `${family}.${code}`].find(has);
          return { ...rest, code: key ? code : "invalid", message: translate((key ?? invalidKey) as never, values as never) };
        });
        return Response.json(
          { error: { code: "invalid", message: translate(invalidKey as never) }, errors },
          { status: 400, headers: { "Cache-Control": "no-store" } },
        );
      };
      const forbidden = () => jsonError(403, "forbidden", translate(pick("forbidden", "Entry.forbidden") as never));

      const viewer = await getViewer();
      if (!MAY[spec.access](viewer)) {
        if (!viewer) return jsonError(401, "unauthenticated", translate(pick("unauthenticated", "Api.signInNeeded") as never));
        return forbidden();
      }
      if (request.method !== "GET" && request.method !== "HEAD" && !sameOrigin(request)) return forbidden();

      const params = spec.params ? spec.params.safeParse(await context.params) : { success: true as const, data: (await context.params) as P };
      if (!params.success) {
        const key = spec.notFound ?? "notFound";
        return jsonError(404, key, translate(pick(key, "Entry.notFound") as never, (await context.params) as never));
      }
      const query = spec.query ? spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams)) : { success: true as const, data: undefined as Q };
      /** A schema's message is a key of the namespace; anything else (zod's own words, for input of the wrong type) reads as "invalid". */
      const firstError = (issues: z.core.$ZodIssue[]) =>
        has(full(issues[0].message)) ? fail(400, issues[0].message) : jsonError(400, "invalid", translate(invalidKey as never));
      if (!query.success) return firstError(query.error.issues);
      let body = { success: true as const, data: undefined as B } as { success: true; data: B } | { success: false; error: z.ZodError };
      if (spec.body) {
        const json = readJson(await request.text());
        if (!json) return jsonError(400, "bodyNotJson", translate("Api.bodyNotJson" as never));
        body = spec.body.safeParse(json.value);
      }
      if (!body.success) {
        const issues = body.error.issues;
        if (spec.invalidBody === "first") return firstError(issues);
        return invalid(issues.map((issue) => ({ field: issue.path.join("."), code: issue.message })));
      }
      return handler({ request, locale, viewer: viewer as never, params: params.data, query: query.data, body: body.data, t, fail, invalid });
    });
}
