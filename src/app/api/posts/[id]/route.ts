import { route } from "@/features/auth/server";
import { editPost } from "@/features/review/mutations";
import { idParamsSchema, postEditSchema } from "@/features/review/schema";
import { reviewResponse } from "@/features/review/server";

export const dynamic = "force-dynamic";

/** PATCH /api/posts/{id} {body, version}: its author edits a post; the earlier text is kept. */
export const PATCH = route({ access: "member", namespace: "Review", params: idParamsSchema, body: postEditSchema }, async (gate) =>
  reviewResponse(await editPost(gate.params.id, gate.body, gate.viewer), gate),
);
