import { route } from "@/features/auth/server";
import { addProject } from "@/features/plans/mutations";
import { newProjectSchema, planParams } from "@/features/plans/schema";
import { structureResponse } from "@/features/plans/server";

export const dynamic = "force-dynamic";

/** POST /api/admin/plans/{code}/projects {code, nameJa, nameEn, reason?}: adds an integrated project after the last one (admin; while the structure is open). */
export const POST = route(
  { access: "admin", namespace: "AdminStructure", params: planParams, notFound: "Api.planNotFound", body: newProjectSchema },
  async (gated) => structureResponse(await addProject(gated.params.code, gated.body, gated.viewer), gated, gated.params),
);
