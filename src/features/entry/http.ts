import "server-only";
import { createTranslator } from "next-intl";
import { fyLabel } from "@/domain/fiscal-year";
import { loadMessages } from "@/i18n/messages";
import type { AppLocale } from "@/i18n/routing";
import { invalidateDashboards } from "@/features/dashboard/cache";
import { jsonError } from "@/lib/api";
import type { SaveResult } from "./mutations";

export async function entryTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: "Entry" });
}

type EntryTranslator = Awaited<ReturnType<typeof entryTranslator>>;

/**
 * The HTTP answer to a save or an import, with translated messages. `rowOf` maps a KPI
 * code to the row of an imported file, so that errors name their rows.
 */
export function saveResponse(result: SaveResult, t: EntryTranslator, locale: AppLocale, fy: number, rowOf?: Map<string, number>): Response {
  const row = (kpi?: string | null) => (kpi && rowOf?.get(kpi)) ?? null;
  switch (result.kind) {
    case "saved":
      invalidateDashboards();
      return Response.json({ saved: result.changes, message: t("saved", { changes: result.changes }), changes: result.log.map((c) => ({ ...c, row: row(c.kpi) })) });
    case "preview":
      return Response.json({ preview: result.changes, changes: result.log.map((c) => ({ ...c, row: row(c.kpi) })) });
    case "plan-not-found":
      return jsonError(404, "planNotFound", "Not found");
    case "fy-outside-plan":
      return jsonError(400, "fyOutsidePlan", `FY${fy}: ${result.firstFy}–${result.lastFy}`);
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
      return Response.json({ error: { code: "conflict", message: t("conflict") }, conflicts: result.conflicts }, { status: 409 });
  }
}
