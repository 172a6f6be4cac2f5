import { route } from "@/features/auth/server";
import { addPost } from "@/features/review/mutations";
import { idParamsSchema, postCreateSchema } from "@/features/review/schema";
import { reviewResponse } from "@/features/review/server";

export const dynamic = "force-dynamic";

/** POST /api/threads/{id}/posts {body, lang}: a reply (the committee or the secretariat). */
export const POST = route({ access: "member", namespace: "Review", params: idParamsSchema, body: postCreateSchema }, async (gate) =>
  reviewResponse(await addPost(gate.params.id, gate.body, gate.viewer), gate, 201),
);
