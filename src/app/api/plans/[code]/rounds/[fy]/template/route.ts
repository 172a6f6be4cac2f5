import { canEditRound } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/server";
import { entryTranslator } from "@/features/follow-up/server";
import { buildTemplate } from "@/features/follow-up/files";
import { loadPlanData } from "@/features/follow-up/data";
import { planYear } from "@/features/follow-up/model";
import { jsonError, requestLocale, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** GET /api/plans/{code}/rounds/{fy}/template: the round's .xlsx template, prefilled (secretariat, admin). */
export async function GET(request: Request, ctx: RouteContext<"/api/plans/[code]/rounds/[fy]/template">) {
  return withErrorHandling(request, async () => {
    const t = await entryTranslator(requestLocale(request));
    const viewer = await getViewer();
    if (!viewer) return jsonError(401, "unauthenticated", t("unauthenticated"));
    if (!canEditRound(viewer)) return jsonError(403, "forbidden", t("forbidden"));
    const { code, fy } = await ctx.params;
    const plan = await loadPlanData(code, viewer);
    const year = plan && planYear(plan, fy);
    if (!plan || year === null) return jsonError(404, "notFound", t("notFound"));
    const xlsx = await buildTemplate(plan, year);
    return new Response(new Uint8Array(xlsx), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${code}-FY${fy}-template.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
