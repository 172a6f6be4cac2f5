import { z } from "zod";
import { canUnlockRound } from "@/features/auth/ability";
import { invalidateDashboards } from "@/features/dashboard/cache";
import { setRoundStatus } from "@/features/entry/mutations";
import { finalizeSchema, unlockSchema } from "@/features/entry/schema";
import { editorRequest } from "@/features/entry/http";
import { jsonError, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

const bodySchema = z.discriminatedUnion("to", [finalizeSchema.extend({ to: z.literal("final") }), unlockSchema.extend({ to: z.literal("draft") })]);

/**
 * POST /api/plans/{code}/rounds/{fy}/status
 *   {"to": "final", meetingNo, meetingDate}: the round was presented (secretariat, admin);
 *   {"to": "draft", reason}: unlock a final round for corrections (admin only).
 */
export async function POST(request: Request, ctx: RouteContext<"/api/plans/[code]/rounds/[fy]/status">) {
  return withErrorHandling(request, async () => {
    const req = await editorRequest(request, ctx.params);
    if (req.error) return req.error;
    const { t, viewer, code, fy } = req.ok;
    const body = bodySchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return jsonError(400, "invalid", t("invalid"));
    if (body.data.to === "draft" && !canUnlockRound(viewer)) return jsonError(403, "forbidden", t("forbidden"));
    const result = await setRoundStatus(code, fy, body.data, viewer);
    if (result === "not-found") return jsonError(404, "notFound", t("notFound"));
    invalidateDashboards();
    return Response.json({ status: body.data.to, changed: result === "ok" });
  });
}
