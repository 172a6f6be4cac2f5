import { route } from "@/features/auth/server";
import { moveProject } from "@/features/plans/mutations";
import { moveSchema, projectParams } from "@/features/plans/schema";
import { structureResponse } from "@/features/plans/server";

export const dynamic = "force-dynamic";

/** POST /api/admin/plans/{code}/projects/{no}/move {to}: moves a project to place `to` (1 = first); the numbers follow (admin; while the structure is open). */
export const POST = route(
  { access: "admin", namespace: "AdminStructure", params: projectParams, notFound: "AdminProjects.projectNotFound", body: moveSchema },
  async (gated) => structureResponse(await moveProject(gated.params.code, gated.params.no, gated.body.to, gated.viewer), gated, gated.params),
);
