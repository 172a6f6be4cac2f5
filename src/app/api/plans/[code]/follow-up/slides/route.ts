import { route } from "@/features/auth/server";
import { slidesQuerySchema } from "@/features/follow-up/schema";
import { visibleRound } from "@/features/follow-up/server";
import { roundState, storedDeckTag } from "@/features/slides/data";
import { PdfTimeoutError, PdfUnavailableError } from "@/features/slides/files";
import { DECK_MAKERS, DECK_TYPES, deckStamp, finalDeck, isFresh } from "@/features/slides/server";

export const dynamic = "force-dynamic";

/** A browser following a link (not a script or an API client). */
function isNavigation(request: Request): boolean {
  return request.headers.get("sec-fetch-mode") === "navigate" || (request.headers.get("accept") ?? "").includes("text/html");
}

/** Whether an If-None-Match header names this ETag (or is *). */
function matches(header: string | null, etag: string): boolean {
  return !!header && header.split(",").some((t) => ["*", etag, `W/${etag}`].includes(t.trim()));
}

/**
 * GET /api/plans/{code}/follow-up/slides?fy=YYYY&lang=ja|en&format=pdf|pptx: the round's
 * meeting slides, as PDF or as an editable PowerPoint deck.
 *   A final round's decks are stored (made at finalize, or at the first download, one print
 *   for concurrent requests) and served with an ETag: a matching If-None-Match is a 304. They
 *   are revalidated on each use (an unlock may replace them), except at the address the
 *   overview links to, which names the round's version (v=): that one never changes, and is
 *   cached for a year.
 *   A draft (signed-in users only, marked 案 / DRAFT) is printed on each request and never
 *   stored. A round unlocked for corrections is, for the public, the deck as last finalized:
 *   printed on request, not stored.
 */
export const GET = route({ access: "anyone", namespace: "Api", query: slidesQuerySchema }, async (gate) => {
  const { code } = gate.params;
  const { fy, format, v } = gate.query;
  const lang = gate.query.lang ?? gate.locale;
  const headers = {
    "Content-Type": DECK_TYPES[format],
    "Content-Disposition": `attachment; filename="${code}-follow-up-FY${fy}-${lang}.${format}"`,
  };
  try {
    // A final round is everyone's: its stored deck is served without loading the plan.
    const round = await roundState(code, fy);
    if (round?.status === "final") {
      const caching = (tag: string) => ({
        ETag: `"${tag}"`,
        "Cache-Control": v === String(round.version) ? "public, max-age=31536000, immutable" : "public, no-cache",
      });
      // a revalidation reads the stored deck's tag, not its bytes
      const ifNoneMatch = gate.request.headers.get("if-none-match");
      const known = ifNoneMatch ? await storedDeckTag(round.id, format, lang) : null;
      if (known && isFresh(known, await deckStamp(round)) && matches(ifNoneMatch, `"${known.etag}"`))
        return new Response(null, { status: 304, headers: caching(known.etag) });
      const deck = await finalDeck(code, fy, format, lang, round);
      if (matches(ifNoneMatch, `"${deck.etag}"`)) return new Response(null, { status: 304, headers: caching(deck.etag) });
      return new Response(deck.bytes as Uint8Array<ArrayBuffer>, { headers: { ...headers, ...caching(deck.etag) } });
    }
    // Otherwise, the round as this caller may see it: a draft for members, the deck as last
    // finalized for the public while it is unlocked, or the translated error.
    const found = await visibleRound(code, fy, gate.viewer, gate);
    if (found.error) return found.error;
    const draft = found.ok.round.status !== "final";
    const bytes = await DECK_MAKERS[format](code, fy, lang, draft);
    return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { ...headers, "Cache-Control": draft ? "private, no-store" : "no-store" } });
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
