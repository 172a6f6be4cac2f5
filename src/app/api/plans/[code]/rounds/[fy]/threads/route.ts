import { route } from "@/features/auth/server";
import { roundParamsSchema } from "@/features/follow-up/schema";
import { loadThreads } from "@/features/review/data";
import { createThread } from "@/features/review/mutations";
import { threadCreateSchema, threadFilterSchema } from "@/features/review/schema";
import { reviewResponse } from "@/features/review/server";

export const dynamic = "force-dynamic";

/** GET /api/plans/{code}/rounds/{fy}/threads?state=&project=&author=&kpi=: the round's threads, for signed-in users only. */
export const GET = route({ access: "member", namespace: "Review", params: roundParamsSchema, query: threadFilterSchema }, async ({ params, query }) =>
  Response.json({ threads: await loadThreads(params.code, params.fy, query) }),
);

/** POST …/threads {scope, kpi?, project?, kind, body, lang}: a committee member (or the secretariat) opens a thread on a draft round. */
export const POST = route({ access: "member", namespace: "Review", params: roundParamsSchema, body: threadCreateSchema }, async (gate) =>
  reviewResponse(await createThread(gate.params.code, gate.params.fy, gate.body, gate.viewer), gate, 201),
);
