import { draftMode } from "next/headers";
import { route, stopSession } from "@/features/auth/server";

export const dynamic = "force-dynamic";

/** POST /api/auth/signout: ends the session, on the server too. */
export const POST = route({ access: "anyone", namespace: "Auth" }, async () => {
  await stopSession();
  (await draftMode()).disable();
  return Response.json({ ok: true });
});
