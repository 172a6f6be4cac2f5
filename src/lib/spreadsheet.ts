/**
 * Writing flat sheets for people who open them in Excel: .xlsx (text stays text, never a
 * formula) and CSV (UTF-8 with a BOM, formula-like cells neutralised).
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";

export type SheetRecord = Record<string, string | number | boolean | null>;

/** A flat sheet (e.g. the follow-up export) as .xlsx. */
export async function recordsToXlsx(name: string, records: SheetRecord[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  const keys = Object.keys(records[0] ?? {});
  ws.columns = keys.map((key) => ({ header: key, key, width: key.startsWith("name") ? 40 : 14 }));
  for (const r of records) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Text cells that a spreadsheet would run as a formula (=, +, -, @, a tab or a CR first, as
 * OWASP lists them) are written with a leading apostrophe; numbers stay numbers. PapaParse's
 * own default pattern lets a cell with a line break through, hence this one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A flat sheet as CSV for Excel in Japan: UTF-8 with a BOM, CRLF, formula-like text neutralised. */
export function recordsToCsv(records: SheetRecord[]): string {
  return "\uFEFF" + Papa.unparse(records, { newline: "\r\n", escapeFormulae: FORMULA_START }) + "\r\n";
}
