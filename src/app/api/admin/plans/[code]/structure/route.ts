import { route } from "@/features/auth/server";
import { setStructureLock } from "@/features/plans/mutations";
import { planParams, structureLockSchema } from "@/features/plans/schema";
import { structureResponse } from "@/features/plans/server";

export const dynamic = "force-dynamic";

/**
 * POST /api/admin/plans/{code}/structure {locked, reason?}: unlocks the structure of a plan that has a final round
 * (a reason is required), or locks it again (admin).
 */
export const POST = route(
  { access: "admin", namespace: "AdminStructure", params: planParams, notFound: "Api.planNotFound", body: structureLockSchema },
  async (gated) =>
    structureResponse(await setStructureLock(gated.params.code, gated.body.locked, gated.body.reason ?? null, gated.viewer), gated, gated.params),
);
