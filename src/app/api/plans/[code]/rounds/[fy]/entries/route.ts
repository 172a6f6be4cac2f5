import { canEditRound } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/session";
import { entryTranslator, saveResponse } from "@/features/entry/http";
import { saveRound } from "@/features/entry/mutations";
import { gridSaveSchema } from "@/features/entry/schema";
import { jsonError, requestLocale, sameOrigin, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** POST /api/plans/{code}/rounds/{fy}/entries: saves the round's grid, all or nothing (secretariat, admin). */
export async function POST(request: Request, ctx: RouteContext<"/api/plans/[code]/rounds/[fy]/entries">) {
  return withErrorHandling(request, async () => {
    const locale = requestLocale(request);
    const t = await entryTranslator(locale);
    const viewer = await getViewer();
    if (!viewer) return jsonError(401, "unauthenticated", t("unauthenticated"));
    if (!canEditRound(viewer) || !sameOrigin(request)) return jsonError(403, "forbidden", t("forbidden"));
    const { code, fy: fyText } = await ctx.params;
    if (!/^\d{4}$/.test(fyText)) return jsonError(404, "notFound", "Not found");
    const fy = Number(fyText);
    const body = gridSaveSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return jsonError(400, "invalid", t("invalid"));

    return saveResponse(await saveRound(code, fy, body.data, viewer), t, locale, fy);
  });
}
