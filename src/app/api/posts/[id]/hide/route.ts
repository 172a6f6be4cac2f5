import { route } from "@/features/auth/server";
import { hidePost } from "@/features/review/mutations";
import { hideSchema, idParamsSchema } from "@/features/review/schema";
import { reviewResponse } from "@/features/review/server";

export const dynamic = "force-dynamic";

/** POST /api/posts/{id}/hide {reason}: an administrator hides a post (moderation). */
export const POST = route({ access: "admin", namespace: "Review", params: idParamsSchema, body: hideSchema }, async (gate) =>
  reviewResponse(await hidePost(gate.params.id, gate.body.reason, gate.viewer), gate),
);
