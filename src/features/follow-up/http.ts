import "server-only";
import { fyLabel } from "@/domain/fiscal-year";
import { getViewer } from "@/features/auth/session";
import type { AppLocale } from "@/i18n/routing";
import { jsonError, type ApiTranslator } from "@/lib/api";
import { lookupVisibleRound } from "./data";

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
