import { route } from "@/features/auth/server";
import { slidesQuerySchema } from "@/features/follow-up/schema";
import { visibleRound } from "@/features/follow-up/server";
import { PdfTimeoutError, PdfUnavailableError, printDeck } from "@/features/slides/files";

export const dynamic = "force-dynamic";

/** A browser following a link (not a script or an API client). */
function isNavigation(request: Request): boolean {
  return request.headers.get("sec-fetch-mode") === "navigate" || (request.headers.get("accept") ?? "").includes("text/html");
}

/** GET /api/plans/{code}/follow-up/slides?fy=YYYY&lang=ja|en: the round's meeting slides as PDF (drafts for members, marked 案 / DRAFT). */
export const GET = route({ access: "anyone", namespace: "Api", query: slidesQuerySchema }, async (gate) => {
  const { code } = gate.params;
  const { fy } = gate.query;
  const lang = gate.query.lang ?? gate.locale;
  const found = await visibleRound(code, fy, gate.viewer, gate);
  if (found.error) return found.error;
  try {
    const pdf = await printDeck(code, fy, lang, found.ok.round.status !== "final");
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
    if (isNavigation(gate.request)) {
      const page = `/${lang}/plans/${encodeURIComponent(code)}/${fy}/slides-unavailable?reason=${reason}`;
      return new Response(null, { status: 303, headers: { Location: page, "Cache-Control": "no-store" } });
    }
    return reason === "unavailable" ? gate.fail(503, "pdfUnavailable") : gate.fail(504, "pdfTimeout");
  }
});
