import { route } from "@/features/auth/server";

export const dynamic = "force-dynamic";

/** GET /api/auth/me: who is signed in (null when nobody), for the header's user menu. */
export const GET = route({ access: "anyone", namespace: "Auth" }, async ({ viewer }) =>
  Response.json({ user: viewer ? { name: viewer.name, role: viewer.role } : null }, { headers: { "Cache-Control": "no-store" } }),
);
