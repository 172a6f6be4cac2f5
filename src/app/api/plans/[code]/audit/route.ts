import { z } from "zod";
import { getViewer } from "@/features/auth/session";
import { auditTrail } from "@/features/entry/data";
import { jsonError, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  kpi: z.string().max(100).optional(),
  fy: z.string().regex(/^\d{4}$/).transform(Number).optional(),
  field: z.string().max(50).optional(),
});

/** GET /api/plans/{code}/audit?kpi=&fy=&field=: who changed what, when (signed-in users; read-only for every role). */
export async function GET(request: Request, ctx: RouteContext<"/api/plans/[code]/audit">) {
  return withErrorHandling(request, async () => {
    if (!(await getViewer())) return jsonError(401, "unauthenticated", "Please sign in.");
    const q = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!q.success) return jsonError(400, "invalid", "kpi, fy (YYYY) and field are the filters.");
    const trail = await auditTrail((await ctx.params).code, q.data);
    if (!trail) return jsonError(404, "planNotFound", "Not found");
    return Response.json({ entries: trail }, { headers: { "Cache-Control": "no-store" } });
  });
}
