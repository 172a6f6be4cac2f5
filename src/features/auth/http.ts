import "server-only";
import { createTranslator } from "next-intl";
import type { z } from "zod";
import { loadMessages } from "@/i18n/messages";
import type { AppLocale } from "@/i18n/routing";
import { jsonError, requestLocale, sameOrigin } from "@/lib/api";
import { canAdminister } from "./ability";
import { getViewer } from "./session";

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
