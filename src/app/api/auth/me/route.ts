import { getViewer } from "@/features/auth/server";
import { withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** GET /api/auth/me: who is signed in (null when nobody), for the header's user menu. */
export async function GET(request: Request) {
  return withErrorHandling(request, async () => {
    const viewer = await getViewer();
    return Response.json({ user: viewer ? { name: viewer.name, role: viewer.role } : null }, { headers: { "Cache-Control": "no-store" } });
  });
}
