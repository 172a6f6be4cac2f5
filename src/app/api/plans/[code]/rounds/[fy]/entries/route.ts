import { createTranslator } from "next-intl";
import { fyLabel } from "@/domain/fiscal-year";
import { canEditRound } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/session";
import { invalidateDashboards } from "@/features/dashboard/cache";
import { saveRound } from "@/features/entry/mutations";
import { gridSaveSchema } from "@/features/entry/schema";
import { loadMessages } from "@/i18n/messages";
import { jsonError, requestLocale, sameOrigin, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** POST /api/plans/{code}/rounds/{fy}/entries: saves the round's grid, all or nothing (secretariat, admin). */
export async function POST(request: Request, ctx: RouteContext<"/api/plans/[code]/rounds/[fy]/entries">) {
  return withErrorHandling(request, async () => {
    const locale = requestLocale(request);
    const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Entry" });
    const viewer = await getViewer();
    if (!viewer) return jsonError(401, "unauthenticated", t("unauthenticated"));
    if (!canEditRound(viewer) || !sameOrigin(request)) return jsonError(403, "forbidden", t("forbidden"));
    const { code, fy: fyText } = await ctx.params;
    if (!/^\d{4}$/.test(fyText)) return jsonError(404, "notFound", "Not found");
    const fy = Number(fyText);
    const body = gridSaveSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return jsonError(400, "invalid", t("invalid"));

    const result = await saveRound(code, fy, body.data, viewer);
    switch (result.kind) {
      case "saved":
        invalidateDashboards();
        return Response.json({ saved: result.changes, message: t("saved", { changes: result.changes }) });
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
          { error: { code: "invalid", message: t("invalid") }, errors: result.errors.map((e) => ({ ...e, message: t(e.error) })) },
          { status: 400 },
        );
      case "conflict":
        return Response.json({ error: { code: "conflict", message: t("conflict") }, conflicts: result.conflicts }, { status: 409 });
    }
  });
}
