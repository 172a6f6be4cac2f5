import { z } from "zod";
import { route } from "@/features/auth/server";
import { editProject, removeProject } from "@/features/plans/mutations";
import { projectEditSchema, projectParams, removeSchema } from "@/features/plans/schema";
import { structureResponse } from "@/features/plans/server";

export const dynamic = "force-dynamic";

const params = z.object({
  code: z.string().max(50),
  no: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number),
});

/**
 * PATCH /api/admin/plans/{code}/projects/{no}
 *   {nameJa?, nameEn?, ministries?: [{ministry, lead}], budgets?: [{fiscalYear, kind, okuYen}], reason?}
 * edits an integrated project (admin). Budgets are in 億円, as typed ("１,２３４.５"); null
 * or "" removes one.
 */
export const PATCH = route(
  { access: "admin", namespace: "AdminProjects", params, notFound: "projectNotFound", body: projectEditSchema },
  async ({ params: { code, no }, body, viewer, t, fail, invalid }) => {
    const result = await editProject(code, no, body, viewer);
    if (result.kind === "notFound") return fail(404, "projectNotFound", { code, no });
    if (result.kind === "invalid") return invalid(result.errors, { first: result.plan.firstFy, last: result.plan.lastFy });
    return Response.json({ changed: result.changed, message: result.changed.length ? t("Admin.saved") : t("unchanged") });
  },
);

/**
 * DELETE /api/admin/plans/{code}/projects/{no} {reason?}: removes a project that has no KPIs and no round texts; the
 * projects after it move up (admin; while the structure is open).
 */
export const DELETE = route(
  { access: "admin", namespace: "AdminStructure", params: projectParams, notFound: "AdminProjects.projectNotFound", body: removeSchema },
  async (gated) => structureResponse(await removeProject(gated.params.code, gated.params.no, gated.body, gated.viewer), gated, gated.params),
);
