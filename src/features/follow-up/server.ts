import "server-only";
import { fyLabel } from "@/domain/fiscal-year";
import type { Viewer } from "@/features/auth/ability";
import type { Answer } from "@/features/auth/server";
import { lookupVisibleRound } from "@/features/follow-up/data";
import type { SaveResult } from "@/features/follow-up/mutations";
import { jsonError } from "@/lib/api";

/**
 * The round of a plan for a fiscal year as the caller may see it (final rounds for
 * everyone, drafts for signed-in users, and a round unlocked for corrections as it was last
 * finalized), or the translated error response.
 */
export async function visibleRound(code: string, fy: number, viewer: Viewer, { locale, fail }: Answer) {
  const result = await lookupVisibleRound(code, fy, viewer);
  switch (result.kind) {
    case "plan-not-found":
      return { error: fail(404, "planNotFound", { code }, "Api.planNotFound") };
    case "fy-outside-plan":
      return { error: fail(400, "fyOutsidePlan", { fy, first: result.firstFy, last: result.lastFy }, "Api.fyOutsidePlan") };
    case "round-not-found":
      return { error: fail(404, "roundNotFound", { year: fyLabel(fy, locale) }, "Api.roundNotFound") };
    case "ok":
      return { ok: result };
  }
}

/**
 * The HTTP answer to a save or an import, with translated messages (Entry). `rowOf` maps a KPI
 * code to the row of an imported file, so that errors name their rows.
 */
export function saveResponse(
  result: SaveResult,
  { t, locale }: Answer,
  fy: number,
  rowOf?: Map<string, number>,
  extra: Record<string, unknown> = {},
): Response {
  const row = (kpi?: string | null) => (kpi && rowOf?.get(kpi)) ?? null;
  switch (result.kind) {
    case "saved":
      return Response.json({
        saved: result.changes,
        message: t("Entry.saved", { changes: result.changes }),
        changes: result.log.map((c) => ({ ...c, row: row(c.kpi) })),
      });
    case "preview":
      return Response.json({ preview: result.changes, changes: result.log.map((c) => ({ ...c, row: row(c.kpi) })), ...extra });
    case "plan-not-found":
      return jsonError(404, "planNotFound", t("Entry.notFound"));
    case "fy-outside-plan":
      return jsonError(400, "fyOutsidePlan", t("Entry.fyOutsidePlan", { fy, first: result.firstFy, last: result.lastFy }));
    case "round-final":
      return jsonError(409, "roundFinal", t("Entry.roundFinal"));
    case "year-frozen":
      return jsonError(409, "yearFrozen", t("Entry.yearFrozen", { year: fyLabel(fy, locale), round: fyLabel(result.byRound, locale) }));
    case "invalid":
      return Response.json(
        {
          error: { code: "invalid", message: t("Entry.invalid") },
          errors: result.errors.map((e) => ({ ...e, row: "row" in e && typeof e.row === "number" ? e.row : row(e.kpi), message: t(`Entry.${e.error}`) })),
        },
        { status: 400 },
      );
    case "conflict":
      return Response.json(
        { error: { code: "conflict", message: t("Entry.conflict") }, conflicts: result.conflicts.map((c) => ({ ...c, row: row(c.kpi) })) },
        { status: 409 },
      );
  }
}
