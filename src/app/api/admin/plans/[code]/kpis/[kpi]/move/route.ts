import { route } from "@/features/auth/server";
import { moveKpi } from "@/features/plans/mutations";
import { kpiParams, moveSchema } from "@/features/plans/schema";
import { structureResponse } from "@/features/plans/server";

export const dynamic = "force-dynamic";

/** POST /api/admin/plans/{code}/kpis/{kpi}/move {to}: moves a KPI to place `to` (1 = first) in its list (admin; while the structure is open). */
export const POST = route({ access: "admin", namespace: "AdminStructure", params: kpiParams, notFound: "Admin.kpiNotFound", body: moveSchema }, async (gated) =>
  structureResponse(await moveKpi(gated.params.code, gated.params.kpi, gated.body.to, gated.viewer), gated, gated.params),
);
