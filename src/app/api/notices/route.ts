import { route } from "@/features/auth/server";
import { noticesFor } from "@/features/review/data";

export const dynamic = "force-dynamic";

/** GET /api/notices: what waits for the signed-in user (threads waiting for the secretariat; the user's own threads answered). */
export const GET = route({ access: "member", namespace: "Review" }, async ({ viewer }) => Response.json({ notices: await noticesFor(viewer) }));
