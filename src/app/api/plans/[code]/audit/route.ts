import { getViewer } from "@/features/auth/server";
import { auditTrail } from "@/features/audit/data";
import { auditFilterSchema } from "@/features/follow-up/schema";
import { apiTranslator, jsonError, requestLocale, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** GET /api/plans/{code}/audit?kpi=&fy=&field=: who changed what, when (signed-in users; read-only for every role). */
export async function GET(request: Request, ctx: RouteContext<"/api/plans/[code]/audit">) {
  return withErrorHandling(request, async () => {
    const t = await apiTranslator(requestLocale(request));
    if (!(await getViewer())) return jsonError(401, "unauthenticated", t("signInNeeded"));
    const q = auditFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!q.success) return jsonError(400, "invalid", t("auditFilterInvalid"));
    const trail = await auditTrail((await ctx.params).code, q.data);
    if (!trail) return jsonError(404, "planNotFound", t("planNotFound", { code: (await ctx.params).code }));
    return Response.json({ entries: trail }, { headers: { "Cache-Control": "no-store" } });
  });
}
