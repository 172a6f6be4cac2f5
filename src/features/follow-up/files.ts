/**
 * Excel and CSV for a round: the template (prefilled with what is known), and reading an
 * uploaded .xlsx or CSV (UTF-8 with or without BOM, or Shift_JIS/CP932 as Excel in Japan
 * writes it) into the rows of the grid.
 */
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { fyLabel } from "@/domain/fiscal-year";
import { templateRows, type PlanData } from "@/features/follow-up/model";
import { z } from "zod";
import type { Viewer } from "@/features/auth/ability";
import { openData, sealData } from "@/features/auth/server";
import { currentVersions } from "@/features/follow-up/data";
import { saveRound, type SaveResult } from "@/features/follow-up/mutations";
import type { GridRow } from "@/features/follow-up/schema";

export const COLUMNS = [
  "kpi",
  "project",
  "name_ja",
  "name_en",
  "measure",
  "counting",
  "unit",
  "target",
  "year_target",
  "value",
  "numerator",
  "denominator",
  "text",
  "rating",
  "override_reason",
  "detail_ja",
  "detail_en",
  "note_ja",
  "note_en",
  "value_version",
  "entry_version",
] as const satisfies readonly (keyof ReturnType<typeof templateRows>[number])[];

const READ_ONLY = new Set(["project", "name_ja", "name_en", "measure", "counting", "unit", "target", "year_target", "value_version", "entry_version"]);
/** What the template was made from: an upload is checked against these (hidden columns; kept when saved as CSV). */
const VERSION_COLUMNS = new Set(["value_version", "entry_version"]);

/** The round's template: one row per KPI (templateRows), prefilled with the year's values and the round's texts. */
export async function buildTemplate(plan: PlanData, fy: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`FY${fy}`, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  ws.columns = COLUMNS.map((key) => ({ header: key, key, width: key.startsWith("name") || key.startsWith("detail") ? 40 : 14 }));
  for (const row of templateRows(plan, fy)) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  COLUMNS.forEach((key, i) => {
    if (READ_ONLY.has(key)) ws.getColumn(i + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
    if (VERSION_COLUMNS.has(key)) ws.getColumn(i + 1).hidden = true;
  });
  const help = wb.addWorksheet("説明 Notes");
  help.addRows([
    [`${plan.nameJa} ${fyLabel(fy, "ja")} / ${plan.nameEn} ${fyLabel(fy, "en")}`],
    [
      "灰色の列は参考（取り込みでは無視）。value：件数、または割合（%）。割合は numerator／denominator でも可。rating：空欄＝自動判定、A／B（自動判定と異なる場合は override_reason が必要）。",
    ],
    [
      "Grey columns are for reference and are ignored on import. value: the count, or the share in %; for shares numerator/denominator may be given. rating: empty = automatic, A or B (a reason is needed when it differs from the automatic rating).",
    ],
    [
      "project：統合プロジェクトの番号。「全体」は計画全体の指標。counting：fiscal_year＝年度（4月～3月）、calendar_year＝暦年（1月～12月。この年度のフォローアップでは同じ数字の年の値）。year_target：この年度の目標（年度目標で評価する計画のみ）。",
    ],
    [
      "project: the integrated project's number; 全体 marks a plan-wide indicator. counting: fiscal_year = the fiscal year (April to March), calendar_year = the calendar year (January to December; this round reports the calendar year of the same number). year_target: this year's target (for a plan rated against annual targets).",
    ],
    [
      "非表示の列 value_version・entry_version は、このファイルを作った時点の版です。その後に他の人が保存した行は、取り込み時に競合として示され、上書きされません。",
    ],
    [
      "The hidden columns value_version and entry_version record what this file was made from: a row someone saved since is shown as a conflict on import, and never overwritten.",
    ],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Text from a CSV file: UTF-8 (with or without BOM) when it is valid UTF-8, else Shift_JIS (CP932). */
export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "CP932");
  }
}

export type UploadRecord = { row: number; fields: Record<string, string> };

/** The records of an upload, each with its row number in the file (the header is row 1). */
export async function readUpload(bytes: Buffer, filename: string): Promise<UploadRecord[]> {
  if (/\.xlsx$/i.test(filename) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) return [];
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? "").trim());
    const out: UploadRecord[] = [];
    ws.eachRow((r, n) => {
      if (n === 1) return;
      const fields: Record<string, string> = {};
      r.eachCell({ includeEmpty: true }, (cell, col) => {
        if (header[col]) fields[header[col]] = cell.text ?? "";
      });
      out.push({ row: n, fields });
    });
    return out;
  }
  const parsed = Papa.parse<Record<string, string>>(decodeCsv(bytes), { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim() });
  return parsed.data.map((fields, i) => ({ row: i + 2, fields }));
}

export type UploadError = { row: number; kpi: string; field: string; error: "ratingInvalid" | "versionInvalid" | "kpiDuplicate" };

/**
 * The grid rows of an upload: the file is the desired state of each KPI it lists. The
 * versions come from the template's version columns; a row without them (a hand-made CSV)
 * has none, and is based on the preview instead (see the import route).
 */
export function toGridRows(records: UploadRecord[]): {
  rows: (Omit<GridRow, "valueVersion" | "entryVersion"> & { valueVersion?: number; entryVersion?: number })[];
  rowOf: Map<string, number>;
  errors: UploadError[];
} {
  const rowOf = new Map<string, number>();
  const rows: ReturnType<typeof toGridRows>["rows"] = [];
  const errors: UploadError[] = [];
  for (const { row, fields } of records) {
    const kpi = (fields.kpi ?? "").trim();
    if (!kpi) continue;
    // A KPI listed twice: which row holds the value meant? The file is refused, naming the second row.
    if (rowOf.has(kpi)) {
      errors.push({ row, kpi, field: "kpi", error: "kpiDuplicate" });
      continue;
    }
    rowOf.set(kpi, row);
    const rating = (fields.rating ?? "").trim().toUpperCase();
    if (rating !== "" && rating !== "A" && rating !== "B") errors.push({ row, kpi, field: "rating", error: "ratingInvalid" });
    const version = (name: "value_version" | "entry_version") => {
      const text = (fields[name] ?? "").trim();
      if (text === "") return undefined;
      if (!/^\d{1,9}$/.test(text)) {
        errors.push({ row, kpi, field: name, error: "versionInvalid" });
        return undefined;
      }
      return Number(text);
    };
    // Only the columns the file has are applied: a file without notes leaves the notes alone.
    const col = (name: string) => (name in fields ? (fields[name] ?? "") : undefined);
    rows.push({
      kpi,
      value: col("value"),
      numerator: col("numerator"),
      denominator: col("denominator"),
      text: col("text"),
      valueVersion: version("value_version"),
      rating: "rating" in fields ? (rating === "A" || rating === "B" ? rating : "") : undefined,
      overrideReason: col("override_reason"),
      detailJa: col("detail_ja"),
      detailEn: col("detail_en"),
      noteJa: col("note_ja"),
      noteEn: col("note_en"),
      entryVersion: version("entry_version"),
    });
  }
  return { rows, rowOf, errors };
}

/** What a preview was based on: the file (by digest) and, per KPI, the versions it saw. */
const basisSchema = z.object({
  plan: z.string(),
  fy: z.number(),
  file: z.string(),
  versions: z.record(z.string(), z.tuple([z.number().int().min(0), z.number().int().min(0)])),
});
/** How long a preview's token may be applied: a working session. */
const TOKEN_TTL_MS = 2 * 60 * 60 * 1000;

export type ImportOutcome =
  { kind: "file-invalid" } | { kind: "preview-first" } | { kind: "checked"; result: SaveResult; rowOf: Map<string, number>; token: string | null };

/**
 * An uploaded file, checked (preview) or applied. An upload is based on what its file saw:
 * the template's version columns, or, for a file without them, the versions at its preview,
 * carried by the preview's signed token (for that file only). A row that someone saved since
 * is a conflict, and apply refuses the file. A file with unreadable cells is still checked
 * whole, and nothing is written, so that every error of every row shows at once.
 */
export async function importUpload(
  code: string,
  fy: number,
  upload: { bytes: Buffer; name: string; token: string | null; mode: "preview" | "apply" },
  viewer: NonNullable<Viewer>,
): Promise<ImportOutcome> {
  const records = await readUpload(upload.bytes, upload.name).catch(() => null);
  // As many rows as the grid takes at most (gridSaveSchema): a plan has far fewer KPIs.
  if (!records || records.length > 1000) return { kind: "file-invalid" };
  const { rows: read, rowOf, errors } = toGridRows(records);
  const digest = createHash("sha256").update(upload.bytes).digest("base64url");

  // The versions each row is based on: the file's own; else, in a preview, today's; else the preview's.
  let based = upload.mode === "preview" ? await currentVersions(code, fy) : null;
  if (upload.mode === "apply" && upload.token) {
    const basis = basisSchema.safeParse(openData(upload.token));
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
  const result = await saveRound(code, fy, { rows, evaluations: [] }, viewer, { dryRun: upload.mode === "preview" || errors.length > 0 || unbased });
  if (errors.length)
    return { kind: "checked", result: { kind: "invalid", errors: [...errors, ...(result.kind === "invalid" ? result.errors : [])] }, rowOf, token: null };
  // Apply without a basis is refused, after the file's own errors (worth more to the person who sent it).
  if (unbased && result.kind !== "invalid") return { kind: "preview-first" };
  const basis = { plan: code, fy, file: digest, versions: Object.fromEntries(rows.map((r) => [r.kpi, [r.valueVersion, r.entryVersion]])) };
  return { kind: "checked", result, rowOf, token: result.kind === "preview" ? sealData(basis, TOKEN_TTL_MS) : null };
}
