import { editorRequest, saveResponse } from "@/features/follow-up/server";
import { saveRound } from "@/features/follow-up/mutations";
import { gridSaveSchema } from "@/features/follow-up/schema";
import { jsonError, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** POST /api/plans/{code}/rounds/{fy}/entries: saves the round's grid, all or nothing (secretariat, admin). */
export async function POST(request: Request, ctx: RouteContext<"/api/plans/[code]/rounds/[fy]/entries">) {
  return withErrorHandling(request, async () => {
    const req = await editorRequest(request, ctx.params);
    if (req.error) return req.error;
    const { locale, t, viewer, code, fy } = req.ok;
    const body = gridSaveSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return jsonError(400, "invalid", t("invalid"));

    return saveResponse(await saveRound(code, fy, body.data, viewer), t, locale, fy);
  });
}
