import { auditPage } from "@/features/audit/data";
import { route } from "@/features/auth/server";
import { auditFilterSchema } from "@/features/audit/schema";

export const dynamic = "force-dynamic";

/** How many entries an answer carries. */
const API_PAGE_SIZE = 200;

/**
 * GET /api/plans/{code}/audit?kpi=&fy=&field=&before=: who changed what, when (signed-in users;
 * read-only for every role), newest first, 200 at a time: `older` is the `before` of the next
 * page, null after the oldest.
 */
export const GET = route({ access: "member", namespace: "Api", query: auditFilterSchema }, async ({ params, query, fail }) => {
  const page = await auditPage(params.code, query, API_PAGE_SIZE);
  if (!page) return fail(404, "planNotFound", { code: params.code });
  return Response.json(page, { headers: { "Cache-Control": "no-store" } });
});
