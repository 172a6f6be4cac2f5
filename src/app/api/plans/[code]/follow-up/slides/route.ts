import { signPrintToken } from "@/features/auth/server";
import { visibleRound } from "@/features/follow-up/server";
import { slidesQuerySchema } from "@/features/follow-up/schema";
import { apiTranslator, jsonError, parseQuery, requestLocale, withErrorHandling } from "@/lib/api";
import { PdfTimeoutError, PdfUnavailableError, printToPdf } from "@/features/slides/files";

export const dynamic = "force-dynamic";

/** Where the server reaches its own print pages (never taken from the request's Host header). */
function internalBaseUrl(): string {
  return process.env.INTERNAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

/** A browser following a link (not a script or an API client). */
function isNavigation(request: Request): boolean {
  return request.headers.get("sec-fetch-mode") === "navigate" || (request.headers.get("accept") ?? "").includes("text/html");
}

/** GET /api/plans/{code}/follow-up/slides?fy=YYYY&lang=ja|en: the round's meeting slides as PDF. */
export async function GET(request: Request, ctx: RouteContext<"/api/plans/[code]/follow-up/slides">) {
  return withErrorHandling(request, async () => {
    const locale = requestLocale(request);
    const t = await apiTranslator(locale);
    const query = parseQuery(request, slidesQuerySchema, t);
    if (!query.ok) return query.response;
    const { fy } = query.data;
    const lang = query.data.lang ?? locale;
    const { code } = await ctx.params;

    // Final rounds for everyone; drafts for signed-in users (the deck then says 案 / DRAFT).
    const found = await visibleRound(code, fy, t, locale);
    if (found.error) return found.error;
    const result = found.ok;

    try {
      const url = new URL(`${internalBaseUrl()}/${lang}/print/plans/${encodeURIComponent(code)}/${fy}`);
      // The server's Chromium has no session: a short-lived token opens this one draft for it.
      if (result.round.status !== "final") url.searchParams.set("token", signPrintToken(code, fy));
      const pdf = await printToPdf(url.toString());
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="${code}-follow-up-FY${fy}-${lang}.pdf"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (error) {
      const reason = error instanceof PdfUnavailableError ? "unavailable" : error instanceof PdfTimeoutError ? "timeout" : null;
      if (!reason) throw error;
      console.error(`PDF export: ${reason}`, error);
      // A person who followed the overview's link gets a page that says why and what to do;
      // an API client keeps the JSON error.
      if (isNavigation(request)) {
        const page = `/${lang}/plans/${encodeURIComponent(code)}/${fy}/slides-unavailable?reason=${reason}`;
        return new Response(null, { status: 303, headers: { Location: page, "Cache-Control": "no-store" } });
      }
      return reason === "unavailable" ? jsonError(503, "pdfUnavailable", t("pdfUnavailable")) : jsonError(504, "pdfTimeout", t("pdfTimeout"));
    }
  });
}
