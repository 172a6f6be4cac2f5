import { draftMode } from "next/headers";
import { getSession } from "@/features/auth/session";
import { jsonError, sameOrigin, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** POST /api/auth/signout: ends the session. */
export async function POST(request: Request) {
  return withErrorHandling(request, async () => {
    if (!sameOrigin(request)) return jsonError(403, "forbidden", "Forbidden");
    (await getSession()).destroy();
    (await draftMode()).disable();
    return Response.json({ ok: true });
  });
}
