/** Helpers for route handlers: locale, validated query strings, and safe JSON errors. */
import "server-only";
import { createTranslator } from "next-intl";
import type { z } from "zod";
import { loadMessages } from "@/i18n/messages";
import { isLocale, routing, type AppLocale } from "@/i18n/routing";

/** ?lang=ja|en, else the first language of Accept-Language we speak, else Japanese. */
export function requestLocale(request: Request): AppLocale {
  const lang = new URL(request.url).searchParams.get("lang");
  if (isLocale(lang)) return lang;
  const accepted = (request.headers.get("accept-language") ?? "")
    .split(",")
    .map((part) => part.split(";")[0].trim().slice(0, 2).toLowerCase());
  return accepted.find(isLocale) ?? routing.defaultLocale;
}

export async function apiTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: "Api" });
}

export type ApiTranslator = Awaited<ReturnType<typeof apiTranslator>>;

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Parses the query string with a zod schema whose error messages are message keys of
 * the Api namespace; the first issue becomes a translated 400 response.
 */
export function parseQuery<S extends z.ZodType>(
  request: Request,
  schema: S,
  t: ApiTranslator,
): { ok: true; data: z.infer<S> } | { ok: false; response: Response } {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return { ok: true, data: parsed.data };
  const key = parsed.error.issues[0].message as Parameters<ApiTranslator>[0];
  return { ok: false, response: jsonError(400, key, t(key)) };
}

/** Runs a handler; anything unexpected is logged on the server and answered with a generic 500. */
export async function withErrorHandling(request: Request, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    console.error(`${request.method} ${new URL(request.url).pathname} failed`, error);
    const t = await apiTranslator(requestLocale(request));
    return jsonError(500, "internal", t("internal"));
  }
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
