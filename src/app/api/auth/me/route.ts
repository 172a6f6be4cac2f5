import { canAdminister, canEditRound } from "@/features/auth/ability";
import { route } from "@/features/auth/server";

export const dynamic = "force-dynamic";

/**
 * GET /api/auth/me: who is signed in (null when nobody), and what they may do, for the
 * header's user menu: each role sees only the links it can use.
 */
export const GET = route({ access: "anyone", namespace: "Auth" }, async ({ viewer }) =>
  Response.json(
    {
      user: viewer ? { name: viewer.name, role: viewer.role } : null,
      can: { enter: canEditRound(viewer), administer: canAdminister(viewer) },
    },
    { headers: { "Cache-Control": "no-store" } },
  ),
);
