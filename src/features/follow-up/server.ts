import "server-only";
import { fyLabel } from "@/domain/fiscal-year";
import { canEditRound } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/server";
import { lookupVisibleRound } from "@/features/follow-up/data";
import type { SaveResult } from "@/features/follow-up/mutations";
import { loadMessages } from "@/i18n/messages";
import type { AppLocale } from "@/i18n/routing";
import { jsonError, type ApiTranslator, requestLocale, sameOrigin } from "@/lib/api";
import { createTranslator } from "next-intl";

/**
 * The round of a plan for a fiscal year as the caller may see it (final rounds for
 * everyone, drafts for signed-in users, and a round unlocked for corrections as it was last
 * finalized), or the translated error response.
 */
export async function visibleRound(code: string, fy: number, t: ApiTranslator, locale: AppLocale) {
  const result = await lookupVisibleRound(code, fy, await getViewer());
  switch (result.kind) {
    case "plan-not-found":
      return { error: jsonError(404, "planNotFound", t("planNotFound", { code })) };
    case "fy-outside-plan":
      return { error: jsonError(400, "fyOutsidePlan", t("fyOutsidePlan", { fy, first: result.firstFy, last: result.lastFy })) };
    case "round-not-found":
      return { error: jsonError(404, "roundNotFound", t("roundNotFound", { year: fyLabel(fy, locale) })) };
    case "ok":
      return { ok: result };
  }
}

export async function entryTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: "Entry" });
}

type EntryTranslator = Awaited<ReturnType<typeof entryTranslator>>;

/**
 * The HTTP answer to a save or an import, with translated messages. `rowOf` maps a KPI
 * code to the row of an imported file, so that errors name their rows.
 */
export function saveResponse(
  result: SaveResult,
  t: EntryTranslator,
  locale: AppLocale,
  fy: number,
  rowOf?: Map<string, number>,
  extra: Record<string, unknown> = {},
): Response {
  const row = (kpi?: string | null) => (kpi && rowOf?.get(kpi)) ?? null;
  switch (result.kind) {
    case "saved":
      return Response.json({
        saved: result.changes,
        message: t("saved", { changes: result.changes }),
        changes: result.log.map((c) => ({ ...c, row: row(c.kpi) })),
      });
    case "preview":
      return Response.json({ preview: result.changes, changes: result.log.map((c) => ({ ...c, row: row(c.kpi) })), ...extra });
    case "plan-not-found":
      return jsonError(404, "planNotFound", t("notFound"));
    case "fy-outside-plan":
      return jsonError(400, "fyOutsidePlan", t("fyOutsidePlan", { fy, first: result.firstFy, last: result.lastFy }));
    case "round-final":
      return jsonError(409, "roundFinal", t("roundFinal"));
    case "year-frozen":
      return jsonError(409, "yearFrozen", t("yearFrozen", { year: fyLabel(fy, locale), round: fyLabel(result.byRound, locale) }));
    case "invalid":
      return Response.json(
        { error: { code: "invalid", message: t("invalid") }, errors: result.errors.map((e) => ({ ...e, row: row(e.kpi), message: t(e.error) })) },
        { status: 400 },
      );
    case "conflict":
      return Response.json(
        { error: { code: "conflict", message: t("conflict") }, conflicts: result.conflicts.map((c) => ({ ...c, row: row(c.kpi) })) },
        { status: 409 },
      );
  }
}

/**
 * The common start of a secretariat write: a signed-in editor (secretariat or admin), a
 * request from this site, and a four-digit fiscal year; or the translated error response.
 */
export async function editorRequest(request: Request, params: Promise<{ code: string; fy: string }>) {
  const locale = requestLocale(request);
  const t = await entryTranslator(locale);
  const viewer = await getViewer();
  if (!viewer) return { error: jsonError(401, "unauthenticated", t("unauthenticated")) };
  if (!canEditRound(viewer) || !sameOrigin(request)) return { error: jsonError(403, "forbidden", t("forbidden")) };
  const { code, fy } = await params;
  if (!/^\d{4}$/.test(fy)) return { error: jsonError(404, "notFound", t("notFound")) };
  return { ok: { locale, t, viewer, code, fy: Number(fy) } };
}
