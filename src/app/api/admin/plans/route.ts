import { adminRequest, invalidResponse, jsonBody } from "@/features/auth/server";
import { createPlan } from "@/features/plans/mutations";
import { newPlanSchema } from "@/features/plans/schema";
import { jsonError, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** POST /api/admin/plans {code, nameJa, nameEn, firstFy, lastFy, copyFrom?}: a new plan (admin). */
export async function POST(request: Request) {
  return withErrorHandling(request, async () => {
    const req = await adminRequest(request, { write: true });
    if (req.error) return req.error;
    const { t, viewer } = req.ok;
    const input = newPlanSchema.safeParse(await jsonBody(request));
    if (!input.success) return invalidResponse(input.error, t, "Admin");
    const result = await createPlan(input.data, viewer);
    if (result.kind === "exists") return jsonError(409, "exists", t("Admin.planExists", { code: input.data.code }));
    if (result.kind === "source-not-found") return jsonError(404, "sourceNotFound", t("Admin.sourceNotFound", { code: input.data.copyFrom ?? "" }));
    return Response.json({ created: result.code }, { status: 201 });
  });
}
