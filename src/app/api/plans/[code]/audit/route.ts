import { auditTrail } from "@/features/audit/data";
import { route } from "@/features/auth/server";
import { auditFilterSchema } from "@/features/audit/schema";

export const dynamic = "force-dynamic";

/** GET /api/plans/{code}/audit?kpi=&fy=&field=: who changed what, when (signed-in users; read-only for every role). */
export const GET = route({ access: "member", namespace: "Api", query: auditFilterSchema }, async ({ params, query, fail }) => {
  const trail = await auditTrail(params.code, query);
  if (!trail) return fail(404, "planNotFound", { code: params.code });
  return Response.json({ entries: trail }, { headers: { "Cache-Control": "no-store" } });
});
