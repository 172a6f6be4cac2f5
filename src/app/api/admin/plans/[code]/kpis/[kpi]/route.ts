import { canAdminister } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/session";
import { invalidateDashboards } from "@/features/dashboard/cache";
import { editKpi } from "@/features/plans/mutations";
import { kpiEditSchema } from "@/features/plans/schema";
import { jsonError, sameOrigin, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** POST /api/admin/plans/{code}/kpis/{kpi} {nameJa?, nameEn?, target?, targetQualifier?, reason}: edit a KPI (admin). */
export async function POST(request: Request, ctx: RouteContext<"/api/admin/plans/[code]/kpis/[kpi]">) {
  return withErrorHandling(request, async () => {
    const viewer = await getViewer();
    if (!viewer) return jsonError(401, "unauthenticated", "Please sign in.");
    if (!canAdminister(viewer) || !sameOrigin(request)) return jsonError(403, "forbidden", "Forbidden");
    const input = kpiEditSchema.safeParse(await request.json().catch(() => null));
    if (!input.success) return Response.json({ error: { code: "invalid", message: "Invalid input" }, fields: input.error.issues.map((i) => i.path.join(".")) }, { status: 400 });
    const { code, kpi } = await ctx.params;
    const result = await editKpi(code, kpi, input.data, viewer);
    if (result.kind === "not-found") return jsonError(404, "notFound", "Not found");
    if (result.kind === "saved") invalidateDashboards();
    return Response.json(result);
  });
}
