import { adminRequest, fieldErrorsResponse, invalidResponse, jsonBody } from "@/features/auth/server";
import { editKpi } from "@/features/plans/mutations";
import { kpiEditSchema } from "@/features/plans/schema";
import { jsonError, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** POST /api/admin/plans/{code}/kpis/{kpi} {nameJa?, nameEn?, target?, targetQualifier?, reason}: edit a KPI (admin). */
export async function POST(request: Request, ctx: RouteContext<"/api/admin/plans/[code]/kpis/[kpi]">) {
  return withErrorHandling(request, async () => {
    const req = await adminRequest(request, { write: true });
    if (req.error) return req.error;
    const { t, viewer } = req.ok;
    const input = kpiEditSchema.safeParse(await jsonBody(request));
    if (!input.success) return invalidResponse(input.error, t, "Admin");
    const { code, kpi } = await ctx.params;
    const result = await editKpi(code, kpi, input.data, viewer);
    if (result.kind === "not-found") return jsonError(404, "notFound", t("Admin.kpiNotFound", { code, kpi }));
    if (result.kind === "invalid") return fieldErrorsResponse([result], t, "Admin");
    return Response.json(result);
  });
}
