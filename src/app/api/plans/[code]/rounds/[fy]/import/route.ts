import { route } from "@/features/auth/server";
import { importUpload } from "@/features/follow-up/files";
import { importQuerySchema, roundParamsSchema } from "@/features/follow-up/schema";
import { saveResponse } from "@/features/follow-up/server";

export const dynamic = "force-dynamic";

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * POST /api/plans/{code}/rounds/{fy}/import?mode=preview|apply, multipart fields "file" (.xlsx,
 * or CSV in UTF-8 or Shift_JIS, 5 MB at most) and, to apply a file without version columns,
 * "token" (from its preview). See importUpload: the preview lists each change, conflict and
 * error by row and changes nothing; apply does the same for real, atomically, with audit entries.
 */
export const POST = route({ access: "editor", namespace: "Entry", params: roundParamsSchema, query: importQuerySchema }, async (gate) => {
  const form = await gate.request.formData().catch(() => null);
  const file = form?.get("file");
  const token = form?.get("token");
  if (!(file instanceof File) || file.size === 0 || file.size > MAX_BYTES) return gate.fail(400, "fileInvalid");
  const upload = { bytes: Buffer.from(await file.arrayBuffer()), name: file.name, token: typeof token === "string" ? token : null, mode: gate.query.mode };
  const outcome = await importUpload(gate.params.code, gate.params.fy, upload, gate.viewer);
  if (outcome.kind === "file-invalid") return gate.fail(400, "fileInvalid");
  if (outcome.kind === "preview-first") return gate.fail(409, "previewFirst");
  return saveResponse(outcome.result, gate, gate.params.fy, outcome.rowOf, outcome.token ? { token: outcome.token } : {});
});
