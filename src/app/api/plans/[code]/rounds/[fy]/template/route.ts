import { inSpan } from "@/domain/fiscal-year";
import { route } from "@/features/auth/server";
import { loadPlanData } from "@/features/follow-up/data";
import { buildTemplate } from "@/features/follow-up/files";
import { roundParamsSchema } from "@/features/follow-up/schema";

export const dynamic = "force-dynamic";

/** GET /api/plans/{code}/rounds/{fy}/template: the round's .xlsx template, prefilled, with the versions it was made from (secretariat, admin). */
export const GET = route({ access: "editor", namespace: "Entry", params: roundParamsSchema }, async ({ params: { code, fy }, viewer, fail }) => {
  const plan = await loadPlanData(code, viewer);
  if (!plan || !inSpan(plan, fy)) return fail(404, "notFound");
  return new Response(new Uint8Array(await buildTemplate(plan, fy)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${code}-FY${fy}-template.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
});
