import { editorRequest, saveResponse } from "@/features/entry/http";
import { saveRound } from "@/features/entry/mutations";
import { readUpload, toGridRows } from "@/features/entry/spreadsheet";
import { jsonError, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * POST /api/plans/{code}/rounds/{fy}/import?mode=preview|apply, multipart field "file"
 * (.xlsx, or CSV in UTF-8 or Shift_JIS): the preview lists each change and each error by
 * row and changes nothing; apply does the same work for real, atomically, with audit entries.
 */
export async function POST(request: Request, ctx: RouteContext<"/api/plans/[code]/rounds/[fy]/import">) {
  return withErrorHandling(request, async () => {
    const req = await editorRequest(request, ctx.params);
    if (req.error) return req.error;
    const { locale, t, viewer, code, fy } = req.ok;
    const mode = new URL(request.url).searchParams.get("mode") === "apply" ? "apply" : "preview";

    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File) || file.size === 0 || file.size > MAX_BYTES) return jsonError(400, "fileInvalid", t("fileInvalid"));
    const records = await readUpload(Buffer.from(await file.arrayBuffer()), file.name).catch(() => null);
    if (!records) return jsonError(400, "fileInvalid", t("fileInvalid"));
    const { rows, rowOf, errors } = toGridRows(records);
    // A file with unreadable cells is still checked whole (and nothing is written), so that
    // every error of every row shows at once.
    const result = await saveRound(code, fy, { rows, evaluations: [] }, viewer, { dryRun: mode === "preview" || errors.length > 0, overCurrentVersions: true });
    if (errors.length) return saveResponse({ kind: "invalid", errors: [...errors, ...(result.kind === "invalid" ? result.errors : [])] }, t, locale, fy, rowOf);
    return saveResponse(result, t, locale, fy, rowOf);
  });
}
