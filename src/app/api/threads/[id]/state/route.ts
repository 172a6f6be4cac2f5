import { route } from "@/features/auth/server";
import { setThreadState } from "@/features/review/mutations";
import { idParamsSchema, threadStateSchema } from "@/features/review/schema";
import { reviewResponse } from "@/features/review/server";

export const dynamic = "force-dynamic";

/** POST /api/threads/{id}/state {to: "resolved" | "open"}: the secretariat, the asker or an admin resolves a thread, or opens it again. */
export const POST = route({ access: "member", namespace: "Review", params: idParamsSchema, body: threadStateSchema }, async (gate) =>
  reviewResponse(await setThreadState(gate.params.id, gate.body.to, gate.viewer), gate),
);
