import { route } from "@/features/auth/server";
import { editKpi, editKpiStructure, removeKpi } from "@/features/plans/mutations";
import { kpiEditSchema, kpiParams, kpiStructureSchema, removeSchema } from "@/features/plans/schema";
import { structureResponse } from "@/features/plans/server";

export const dynamic = "force-dynamic";

/** POST /api/admin/plans/{code}/kpis/{kpi} {nameJa?, nameEn?, target?, targetQualifier?, reason}: edit a KPI (admin). */
export const POST = route({ access: "admin", namespace: "Admin", body: kpiEditSchema }, async ({ params: { code, kpi }, body, viewer, fail, invalid }) => {
  const result = await editKpi(code, kpi, body, viewer);
  if (result.kind === "not-found") return fail(404, "notFound", { code, kpi }, "kpiNotFound");
  if (result.kind === "invalid") return invalid([{ field: result.field, code: result.code }]);
  return Response.json(result);
});

/**
 * PATCH /api/admin/plans/{code}/kpis/{kpi} {kind?, counting?, unit?, groupJa?, groupEn?, definitionJa?, definitionEn?, reason?}:
 * changes what a KPI is (admin; while the structure is open).
 */
export const PATCH = route(
  { access: "admin", namespace: "AdminStructure", params: kpiParams, notFound: "Admin.kpiNotFound", body: kpiStructureSchema },
  async (gated) => structureResponse(await editKpiStructure(gated.params.code, gated.params.kpi, gated.body, gated.viewer), gated, gated.params),
);

/** DELETE /api/admin/plans/{code}/kpis/{kpi} {reason?}: removes a KPI that has no figures (admin; while the structure is open). */
export const DELETE = route(
  { access: "admin", namespace: "AdminStructure", params: kpiParams, notFound: "Admin.kpiNotFound", body: removeSchema },
  async (gated) => structureResponse(await removeKpi(gated.params.code, gated.params.kpi, gated.body, gated.viewer), gated, gated.params),
);
