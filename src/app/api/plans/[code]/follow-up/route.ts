import { route } from "@/features/auth/server";
import { csvRecords, exportRow, openDataJson } from "@/features/follow-up/model";
import { followUpQuerySchema } from "@/features/follow-up/schema";
import { visibleRound } from "@/features/follow-up/server";
import { recordsToCsv, recordsToXlsx } from "@/lib/spreadsheet";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET /api/plans/{code}/follow-up?fy=YYYY&format=json|csv|xlsx: one row per KPI and sub-target (final rounds; drafts for members). */
export const GET = route({ access: "anyone", namespace: "Api", query: followUpQuerySchema }, async (gate) => {
  const { fy, format } = gate.query;
  const found = await visibleRound(gate.params.code, fy, gate.viewer, gate);
  if (found.error) return found.error;
  const result = found.ok;
  const file = (body: BodyInit, type: string, ext: string) =>
    new Response(body, { headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${result.plan.code}-follow-up-FY${fy}.${ext}"` } });
  if (format === "xlsx") return file(new Uint8Array(await recordsToXlsx(`FY${fy}`, csvRecords(result.rows.map(exportRow), result.plan))), XLSX, "xlsx");
  if (format === "csv") return file(recordsToCsv(csvRecords(result.rows.map(exportRow), result.plan)), "text/csv; charset=utf-8", "csv");
  return Response.json(openDataJson(result));
});
