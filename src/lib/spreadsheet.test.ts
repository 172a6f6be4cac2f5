import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { recordsToCsv, recordsToXlsx } from "./spreadsheet";

const records = [{ name: "=1+1", multi: "=A1\n=B1", at: "@SUM(1)", tab: "\t1", plain: "A/B", negative: -5, share: 81.1, flag: true, none: null }];

describe("sheets people open in Excel", () => {
  it("CSV: formula-like text gets an apostrophe, even across a line break; numbers stay numbers", () => {
    const csv = recordsToCsv(records);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [row] = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(row).toMatchObject({
      name: "'=1+1",
      multi: "'=A1\n=B1",
      at: "'@SUM(1)",
      tab: "'\t1",
      plain: "A/B",
      negative: "-5",
      share: "81.1",
      flag: "true",
      none: "",
    });
  });

  it("xlsx: text is stored as text, never as a formula", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await recordsToXlsx("S", records)) as unknown as ArrayBuffer);
    const cell = book.worksheets[0].getRow(2).getCell(1);
    expect([cell.type, cell.formula, cell.value]).toEqual([ExcelJS.ValueType.String, undefined, "=1+1"]);
    expect(book.worksheets[0].getRow(2).getCell(6).value).toBe(-5);
  });
});
