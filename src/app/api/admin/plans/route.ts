import { canAdminister } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/session";
import { invalidateDashboards } from "@/features/dashboard/cache";
import { createPlan } from "@/features/plans/mutations";
import { newPlanSchema } from "@/features/plans/schema";
import { jsonError, sameOrigin, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** POST /api/admin/plans {code, nameJa, nameEn, firstFy, lastFy, copyFrom?}: a new plan (admin). */
export async function POST(request: Request) {
  return withErrorHandling(request, async () => {
    const viewer = await getViewer();
    if (!viewer) return jsonError(401, "unauthenticated", "Please sign in.");
    if (!canAdminister(viewer) || !sameOrigin(request)) return jsonError(403, "forbidden", "Forbidden");
    const input = newPlanSchema.safeParse(await request.json().catch(() => null));
    if (!input.success) return Response.json({ error: { code: "invalid", message: "Invalid plan" }, fields: input.error.issues.map((i) => i.path.join(".")) }, { status: 400 });
    const result = await createPlan(input.data, viewer);
    if (result.kind === "exists") return jsonError(409, "exists", `Plan ${input.data.code} already exists.`);
    if (result.kind === "source-not-found") return jsonError(404, "sourceNotFound", `No plan ${input.data.copyFrom} to copy.`);
    invalidateDashboards();
    return Response.json({ created: result.code }, { status: 201 });
  });
}
