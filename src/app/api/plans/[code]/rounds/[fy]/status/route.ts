import { z } from "zod";
import { canEditRound, canUnlockRound } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/session";
import { invalidateDashboards } from "@/features/dashboard/cache";
import { setRoundStatus } from "@/features/entry/mutations";
import { finalizeSchema, unlockSchema } from "@/features/entry/schema";
import { entryTranslator } from "@/features/entry/http";
import { jsonError, requestLocale, sameOrigin, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

const bodySchema = z.discriminatedUnion("to", [finalizeSchema.extend({ to: z.literal("final") }), unlockSchema.extend({ to: z.literal("draft") })]);

/**
 * POST /api/plans/{code}/rounds/{fy}/status
 *   {"to": "final", meetingNo, meetingDate}: the round was presented (secretariat, admin);
 *   {"to": "draft", reason}: unlock a final round for corrections (admin only).
 */
export async function POST(request: Request, ctx: RouteContext<"/api/plans/[code]/rounds/[fy]/status">) {
  return withErrorHandling(request, async () => {
    const locale = requestLocale(request);
    const t = await entryTranslator(locale);
    const viewer = await getViewer();
    if (!viewer) return jsonError(401, "unauthenticated", t("unauthenticated"));
    if (!sameOrigin(request)) return jsonError(403, "forbidden", t("forbidden"));
    const body = bodySchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return jsonError(400, "invalid", t("invalid"));
    if (body.data.to === "final" ? !canEditRound(viewer) : !canUnlockRound(viewer)) return jsonError(403, "forbidden", t("forbidden"));
    const { code, fy } = await ctx.params;
    if (!/^\d{4}$/.test(fy)) return jsonError(404, "notFound", "Not found");
    const result = await setRoundStatus(code, Number(fy), body.data, viewer);
    if (result === "not-found") return jsonError(404, "notFound", "Not found");
    invalidateDashboards();
    return Response.json({ status: body.data.to, changed: result === "ok" });
  });
}
