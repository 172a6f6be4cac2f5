import "server-only";
import type { Answer } from "@/features/auth/server";
import type { ReviewResult } from "@/features/review/mutations";

/** The HTTP answer to a review write: its result, or the translated error (Review namespace). */
export function reviewResponse(result: ReviewResult<object>, { fail }: Answer, status = 200): Response {
  switch (result.kind) {
    case "ok": {
      const { kind: _kind, ...rest } = result;
      return Response.json({ ok: true, ...rest }, { status });
    }
    case "not-found":
      return fail(404, "notFound");
    case "kpi-not-found":
      return fail(404, "kpiNotFound");
    case "round-final":
      return fail(409, "roundFinal");
    case "forbidden":
      return fail(403, "forbidden");
    case "conflict":
      return fail(409, "conflict");
  }
}
