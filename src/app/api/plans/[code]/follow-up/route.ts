import { fyLabel } from "@/domain/fiscal-year";
import { recordsToCsv, recordsToXlsx } from "@/lib/spreadsheet";
import { visibleRound } from "@/features/follow-up/server";
import { csvRecords, exportRow } from "@/features/follow-up/model";
import { followUpQuerySchema } from "@/features/follow-up/schema";
import { apiTranslator, parseQuery, requestLocale, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** GET /api/plans/{code}/follow-up?fy=YYYY&format=json|csv: one row per KPI and sub-target. */
export async function GET(request: Request, ctx: RouteContext<"/api/plans/[code]/follow-up">) {
  return withErrorHandling(request, async () => {
    const locale = requestLocale(request);
    const t = await apiTranslator(locale);
    const query = parseQuery(request, followUpQuerySchema, t);
    if (!query.ok) return query.response;
    const { fy, format } = query.data;
    const { code } = await ctx.params;

    // Anonymous callers see final rounds only; signed-in users see drafts too.
    const found = await visibleRound(code, fy, t, locale);
    if (found.error) return found.error;
    const result = found.ok;

    const rows = result.rows.map(exportRow);
    if (format === "xlsx") {
      const xlsx = await recordsToXlsx(`FY${fy}`, csvRecords(rows, result.plan));
      return new Response(new Uint8Array(xlsx), {
        headers: {
          "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "Content-Disposition": `attachment; filename="${result.plan.code}-follow-up-FY${fy}.xlsx"`,
        },
      });
    }
    if (format === "csv") {
      return new Response(recordsToCsv(csvRecords(rows, result.plan)), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${result.plan.code}-follow-up-FY${fy}.csv"`,
        },
      });
    }
    const { plan, round } = result;
    return Response.json({
      plan: { code: plan.code, name_ja: plan.nameJa, name_en: plan.nameEn, first_fy: plan.firstFy, last_fy: plan.lastFy },
      round: {
        fiscal_year: round.fiscalYear,
        label_ja: fyLabel(round.fiscalYear, "ja"),
        label_en: fyLabel(round.fiscalYear, "en"),
        meeting_no: round.meetingNo,
        meeting_date: round.meetingDate,
        as_of: round.asOfDate,
        status: round.status,
      },
      rows,
      footnotes: round.footnotes.map((f) => ({ kpi: f.kpi, marker: f.marker, text_ja: f.textJa, text_en: f.textEn })),
    });
  });
}
