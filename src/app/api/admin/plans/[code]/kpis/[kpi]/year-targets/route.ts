import { route } from "@/features/auth/server";
import { setYearTarget } from "@/features/plans/mutations";
import { kpiParams, yearTargetSchema } from "@/features/plans/schema";
import { structureResponse } from "@/features/plans/server";

export const dynamic = "force-dynamic";

/**
 * PUT /api/admin/plans/{code}/kpis/{kpi}/year-targets {fiscalYear, target, reason}: one year's target of a KPI, with a
 * reason; an empty target puts the year back to the default (admin; while the structure is open).
 */
export const PUT = route(
  { access: "admin", namespace: "AdminStructure", params: kpiParams, notFound: "Admin.kpiNotFound", body: yearTargetSchema },
  async (gated) => structureResponse(await setYearTarget(gated.params.code, gated.params.kpi, gated.body, gated.viewer), gated, gated.params),
);
