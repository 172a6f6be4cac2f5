import { adminRequest, invalidResponse, jsonBody } from "@/features/auth/server";
import { editProject } from "@/features/plans/mutations";
import { projectEditSchema } from "@/features/plans/schema";
import { jsonError, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/**
 * PATCH /api/admin/plans/{code}/projects/{no}
 *   {nameJa?, nameEn?, ministries?: [{ministry, lead}], budgets?: [{fiscalYear, kind, okuYen}], reason?}
 * edits an integrated project (admin). Budgets are in 億円, as typed ("１,２３４.５"); null
 * or "" removes one.
 */
export async function PATCH(request: Request, ctx: RouteContext<"/api/admin/plans/[code]/projects/[no]">) {
  return withErrorHandling(request, async () => {
    const req = await adminRequest(request, { write: true });
    if (req.error) return req.error;
    const { t, viewer } = req.ok;
    const { code, no } = await ctx.params;
    const notFound = () => jsonError(404, "projectNotFound", t("AdminProjects.projectNotFound", { code, no }));
    if (!/^\d{1,3}$/.test(no)) return notFound();
    const input = projectEditSchema.safeParse(await jsonBody(request));
    if (!input.success) return invalidResponse(input.error, t, "AdminProjects");
    const result = await editProject(code, Number(no), input.data, viewer);
    if (result.kind === "notFound") return notFound();
    if (result.kind === "invalid") {
      const errors = result.errors.map((e) => ({
        ...e,
        message: t("AdminProjects.budgetYearOutside", { first: result.plan.firstFy, last: result.plan.lastFy }),
      }));
      return Response.json({ error: { code: "invalid", message: t("Admin.invalid") }, errors }, { status: 400 });
    }
    return Response.json({ changed: result.changed, message: result.changed.length ? t("Admin.saved") : t("AdminProjects.unchanged") });
  });
}
