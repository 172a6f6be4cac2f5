/** Helpers for route handlers: the language of the answer, safe JSON errors, and the headers every API answer carries. */
import "server-only";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { isLocale, routing, type AppLocale } from "@/i18n/routing";

/** ?lang=ja|en, else the first language of Accept-Language we speak, else Japanese. */
export function requestLocale(request: Request): AppLocale {
  const lang = new URL(request.url).searchParams.get("lang");
  if (isLocale(lang)) return lang;
  const accepted = (request.headers.get("accept-language") ?? "").split(",").map((part) => part.split(";")[0].trim().slice(0, 2).toLowerCase());
  return accepted.find(isLocale) ?? routing.defaultLocale;
}

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** The session cookie (src/features/auth/server.ts). */
export const SESSION_COOKIE = "kpi_session";

function hasSessionCookie(request: Request): boolean {
  return (request.headers.get("cookie") ?? "").split(";").some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`));
}

/**
 * Every API answer may depend on who asks (drafts for members, 401 for the public, on the
 * same URL): a shared cache must key it by the cookie (Vary), and must never keep one given
 * to a signed-in user (private, no-store). Answers to the public keep their own caching.
 */
function markSessionDependence(request: Request, response: Response): Response {
  const mark = (headers: Headers) => {
    headers.append("Vary", "Cookie");
    if (hasSessionCookie(request)) headers.set("Cache-Control", "private, no-store");
  };
  try {
    mark(response.headers);
    return response;
  } catch {
    // immutable headers (e.g. Response.redirect): a copy with them marked
    const headers = new Headers(response.headers);
    mark(headers);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/**
 * Runs a handler; anything unexpected is logged on the server and answered with a generic
 * 500 (no stack trace reaches the client). Every answer says whether it depends on the session.
 */
export async function withErrorHandling(request: Request, handler: () => Promise<Response>): Promise<Response> {
  let response: Response;
  try {
    response = await handler();
  } catch (error) {
    console.error(`${request.method} ${new URL(request.url).pathname} failed`, error);
    const t = createTranslator({ locale: requestLocale(request), messages: await loadMessages(requestLocale(request)), namespace: "Api" });
    response = jsonError(500, "internal", t("internal"));
  }
  return markSessionDependence(request, response);
}

/**
 * A write must come from a page of this site: the Origin header (sent by browsers on every
 * POST) must be this server's. Together with SameSite cookies this stops cross-site forms.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") !== "cross-site";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
