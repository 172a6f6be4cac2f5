import { route } from "@/features/auth/server";
import { createPlan } from "@/features/plans/mutations";
import { newPlanSchema } from "@/features/plans/schema";

export const dynamic = "force-dynamic";

/** POST /api/admin/plans {code, nameJa, nameEn, firstFy, lastFy, copyFrom?}: a new plan (admin). */
export const POST = route({ access: "admin", namespace: "Admin", body: newPlanSchema }, async ({ body, viewer, fail }) => {
  const result = await createPlan(body, viewer);
  if (result.kind === "exists") return fail(409, "exists", { code: body.code }, "planExists");
  if (result.kind === "source-not-found") return fail(404, "sourceNotFound", { code: body.copyFrom ?? "" });
  return Response.json({ created: result.code }, { status: 201 });
});
