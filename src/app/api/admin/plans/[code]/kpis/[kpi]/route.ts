import { route } from "@/features/auth/server";
import { editKpi } from "@/features/plans/mutations";
import { kpiEditSchema } from "@/features/plans/schema";

export const dynamic = "force-dynamic";

/** POST /api/admin/plans/{code}/kpis/{kpi} {nameJa?, nameEn?, target?, targetQualifier?, reason}: edit a KPI (admin). */
export const POST = route({ access: "admin", namespace: "Admin", body: kpiEditSchema }, async ({ params: { code, kpi }, body, viewer, fail, invalid }) => {
  const result = await editKpi(code, kpi, body, viewer);
  if (result.kind === "not-found") return fail(404, "notFound", { code, kpi }, "kpiNotFound");
  if (result.kind === "invalid") return invalid([{ field: result.field, code: result.code }]);
  return Response.json(result);
});
