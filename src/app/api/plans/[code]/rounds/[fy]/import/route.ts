import { createHash } from "node:crypto";
import { z } from "zod";
import { openData, sealData } from "@/features/auth/server";
import { currentVersions } from "@/features/follow-up/data";
import { editorRequest, saveResponse } from "@/features/follow-up/server";
import { saveRound } from "@/features/follow-up/mutations";
import type { GridRow } from "@/features/follow-up/schema";
import { readUpload, toGridRows } from "@/features/follow-up/files";
import { jsonError, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

const MAX_BYTES = 5 * 1024 * 1024;
/** How long a preview's token may be applied: a working session. */
const TOKEN_TTL_MS = 2 * 60 * 60 * 1000;

/** What a preview was based on: the file (by digest) and, per KPI, the versions it saw. */
const basisSchema = z.object({
  plan: z.string(),
  fy: z.number(),
  file: z.string(),
  versions: z.record(z.string(), z.tuple([z.number().int().min(0), z.number().int().min(0)])),
});

/**
 * POST /api/plans/{code}/rounds/{fy}/import?mode=preview|apply, multipart fields "file"
 * (.xlsx, or CSV in UTF-8 or Shift_JIS) and, to apply, "token" (from the preview).
 *
 * An upload is based on what its file saw: the template's version columns, or, for a file
 * without them, the versions at its preview (carried by the preview's token). A row that
 * someone saved since is a conflict, shown with their value and name, and apply refuses it.
 * The preview lists each change, conflict and error by row and changes nothing; apply does
 * the same work for real, atomically, with audit entries.
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
    const bytes = Buffer.from(await file.arrayBuffer());
    const records = await readUpload(bytes, file.name).catch(() => null);
    if (!records) return jsonError(400, "fileInvalid", t("fileInvalid"));
    const { rows: read, rowOf, errors } = toGridRows(records);
    const digest = createHash("sha256").update(bytes).digest("base64url");

    // The versions each row is based on: the file's own; else, in a preview, today's; else
    // the preview's, from its token. Apply without them is refused (after the file's own
    // errors, which are worth more to the person who sent it).
    let based = mode === "preview" ? await currentVersions(code, fy) : null;
    if (mode === "apply") {
      const token = form?.get("token");
      const basis = basisSchema.safeParse(typeof token === "string" && token ? openData(token) : null);
      if (basis.success && basis.data.plan === code && basis.data.fy === fy && basis.data.file === digest) {
        based = new Map(Object.entries(basis.data.versions).map(([kpi, [valueVersion, entryVersion]]) => [kpi, { valueVersion, entryVersion }]));
      }
    }
    const unbased = !based && read.some((r) => r.valueVersion === undefined || r.entryVersion === undefined);
    const rows: GridRow[] = read.map((r) => ({
      ...r,
      valueVersion: r.valueVersion ?? based?.get(r.kpi)?.valueVersion ?? 0,
      entryVersion: r.entryVersion ?? based?.get(r.kpi)?.entryVersion ?? 0,
    }));

    // A file with unreadable cells is still checked whole (and nothing is written), so that
    // every error of every row shows at once.
    const result = await saveRound(code, fy, { rows, evaluations: [] }, viewer, { dryRun: mode === "preview" || errors.length > 0 || unbased });
    if (errors.length) return saveResponse({ kind: "invalid", errors: [...errors, ...(result.kind === "invalid" ? result.errors : [])] }, t, locale, fy, rowOf);
    if (unbased && result.kind !== "invalid") return jsonError(409, "previewFirst", t("previewFirst"));
    // Apply carries this back: what the preview was based on.
    const basis = { plan: code, fy, file: digest, versions: Object.fromEntries(rows.map((r) => [r.kpi, [r.valueVersion, r.entryVersion]])) };
    return saveResponse(result, t, locale, fy, rowOf, result.kind === "preview" ? { token: sealData(basis, TOKEN_TTL_MS) } : {});
  });
}
