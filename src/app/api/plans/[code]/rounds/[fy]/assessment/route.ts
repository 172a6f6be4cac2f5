import { route } from "@/features/auth/server";
import { saveAssessment } from "@/features/follow-up/mutations";
import { assessmentSchema, roundParamsSchema } from "@/features/follow-up/schema";

export const dynamic = "force-dynamic";

/** PUT /api/plans/{code}/rounds/{fy}/assessment {ja, en}: the committee's evaluation of a draft round (secretariat, admins). */
export const PUT = route(
  { access: "editor", namespace: "Review", params: roundParamsSchema, body: assessmentSchema },
  async ({ params, body, viewer, fail }) => {
    const result = await saveAssessment(params.code, params.fy, body, viewer);
    if (result === "not-found") return fail(404, "roundNotFound");
    if (result === "round-final") return fail(409, "roundFinal");
    return Response.json({ ok: true });
  },
);
