import { after } from "next/server";
import { meetingDateRange } from "@/domain/fiscal-year";
import { formatDate } from "@/domain/format";
import { canUnlockRound } from "@/features/auth/ability";
import { route } from "@/features/auth/server";
import { setRoundStatus } from "@/features/follow-up/mutations";
import { roundParamsSchema, statusChangeSchema } from "@/features/follow-up/schema";
import { storeDecksOf } from "@/features/slides/server";

export const dynamic = "force-dynamic";

/**
 * POST /api/plans/{code}/rounds/{fy}/status
 *   {"to": "final", meetingNo, meetingDate}: the round was presented (secretariat, admin);
 *   {"to": "draft", reason}: unlock a final round for corrections (admin only).
 * Invalid fields are answered per field, translated; the meeting must fall in the round's span.
 * A round just finalized has its decks (PDF and PowerPoint, ja and en) made and stored after
 * the answer, so that the first download is served from storage.
 */
export const POST = route({ access: "editor", namespace: "Entry", params: roundParamsSchema, body: statusChangeSchema }, async (gate) => {
  const { params, body, viewer, locale } = gate;
  const { first, last } = meetingDateRange(params.fy);
  if (body.to === "final" && body.meetingDate && (body.meetingDate < first || body.meetingDate > last)) {
    return gate.invalid([{ field: "meetingDate", code: "meetingDateOutside" }], { first: formatDate(first, locale), last: formatDate(last, locale) });
  }
  if (body.to === "draft" && !canUnlockRound(viewer)) return gate.fail(403, "forbidden");
  const result = await setRoundStatus(params.code, params.fy, body, viewer);
  if (result === "not-found") return gate.fail(404, "notFound");
  if (result === "ok" && body.to === "final") after(() => storeDecksOf(params.code, params.fy));
  return Response.json({ status: body.to, changed: result === "ok" });
});
