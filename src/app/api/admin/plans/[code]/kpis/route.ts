import { route } from "@/features/auth/server";
import { addKpi } from "@/features/plans/mutations";
import { newKpiSchema, planParams } from "@/features/plans/schema";
import { structureResponse } from "@/features/plans/server";

export const dynamic = "force-dynamic";

/**
 * POST /api/admin/plans/{code}/kpis {code, project (number, or null for plan-wide), kind, measure, unit?, groupJa?, groupEn?,
 * nameJa, nameEn, target?, targetQualifier?, counting?, definitionJa?, definitionEn?, reason?}: adds a KPI, e.g. a special
 * target in the group 特設目標 (admin; while the structure is open).
 */
export const POST = route(
  { access: "admin", namespace: "AdminStructure", params: planParams, notFound: "Api.planNotFound", body: newKpiSchema },
  async (gated) => structureResponse(await addKpi(gated.params.code, gated.body, gated.viewer), gated, gated.params),
);
