import { z } from "zod";
import { canUnlockRound } from "@/features/auth/ability";
import { setRoundStatus } from "@/features/follow-up/mutations";
import { finalizeSchema, unlockSchema } from "@/features/follow-up/schema";
import { editorRequest } from "@/features/follow-up/server";
import { meetingDateRange } from "@/domain/fiscal-year";
import { formatDate } from "@/domain/format";
import { jsonError, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

const bodySchema = (fy: number) =>
  z.discriminatedUnion("to", [finalizeSchema(fy).extend({ to: z.literal("final") }), unlockSchema.extend({ to: z.literal("draft") })]);

/**
 * POST /api/plans/{code}/rounds/{fy}/status
 *   {"to": "final", meetingNo, meetingDate}: the round was presented (secretariat, admin);
 *   {"to": "draft", reason}: unlock a final round for corrections (admin only).
 * Invalid fields are answered per field, translated.
 */
export async function POST(request: Request, ctx: RouteContext<"/api/plans/[code]/rounds/[fy]/status">) {
  return withErrorHandling(request, async () => {
    const req = await editorRequest(request, ctx.params);
    if (req.error) return req.error;
    const { t, locale, viewer, code, fy } = req.ok;
    const body = bodySchema(fy).safeParse(await request.json().catch(() => null));
    if (!body.success) {
      const { first, last } = meetingDateRange(fy);
      const values = { first: formatDate(first, locale), last: formatDate(last, locale) };
      const errors = body.error.issues.map((issue) => {
        const key = FIELD_ERRORS.find((k) => k === issue.message) ?? "invalid";
        return { field: issue.path.join("."), code: key, message: t(key, values) };
      });
      return Response.json({ error: { code: "invalid", message: t("invalid") }, errors }, { status: 400, headers: { "Cache-Control": "no-store" } });
    }
    if (body.data.to === "draft" && !canUnlockRound(viewer)) return jsonError(403, "forbidden", t("forbidden"));
    const result = await setRoundStatus(code, fy, body.data, viewer);
    if (result === "not-found") return jsonError(404, "notFound", t("notFound"));
    return Response.json({ status: body.data.to, changed: result === "ok" });
  });
}

const FIELD_ERRORS = ["meetingNoInvalid", "meetingDateInvalid", "meetingDateOutside"] as const;
