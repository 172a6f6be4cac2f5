import "server-only";
import type { Viewer } from "@/features/auth/ability";
import type { Gated } from "@/features/auth/server";
import type { StructureResult } from "@/features/plans/mutations";

type Params = { code: string; no?: number; kpi?: string };

/**
 * The HTTP answer to a change of a plan's structure, with messages of AdminStructure:
 * 404 for a plan, project or KPI that is not there, 409 while the structure is locked or when
 * the change would lose data (a KPI with figures, a project with KPIs), 400 per field.
 */
export function structureResponse(
  result: StructureResult,
  { t, fail, invalid }: Pick<Gated<unknown, unknown, unknown, Viewer>, "t" | "fail" | "invalid">,
  params: Params,
): Response {
  const values = { code: params.code, no: params.no ?? "", kpi: params.kpi ?? "" };
  switch (result.kind) {
    case "planNotFound":
      return fail(404, "planNotFound", values, "Api.planNotFound");
    case "notFound":
      return result.what === "kpi" ? fail(404, "notFound", values, "Admin.kpiNotFound") : fail(404, "notFound", values, "AdminProjects.projectNotFound");
    case "locked":
      return fail(409, "structureLocked");
    case "conflict":
      return fail(409, result.code, result.values);
    case "invalid":
      return invalid(result.errors, result.values);
    case "saved":
      return Response.json(
        { changed: result.changed, created: result.created, message: result.changed.length ? t("saved") : t("AdminProjects.unchanged") },
        { status: result.created ? 201 : 200 },
      );
  }
}
