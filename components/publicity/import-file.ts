"use client";

import { cellToString, parseCsv } from "@/lib/publicity/import-rows";

export const MAX_FILE_BYTES = 40 * 1024 * 1024;

/** CSV exported by Chinese Excel is often GB18030, not UTF-8: try UTF-8 strictly, then GB18030. */
function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** The first sheet of an .xlsx, as rows of cell text; row i of the table is sheet row i + 1. */
async function readXlsx(bytes: ArrayBuffer): Promise<string[][]> {
  // Loaded only when an Excel file is chosen (it is a large library).
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const table: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    table[rowNumber - 1] = Array.from(values, (v) => cellToString(v));
  });
  // Rows the sheet skipped stay blank so line numbers match the sheet.
  return Array.from(table, (r) => r ?? []);
}

export function isExcel(file: File): boolean {
  return /\.xlsx$/i.test(file.name) || file.type === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

export async function readImportFile(file: File): Promise<string[][]> {
  const bytes = await file.arrayBuffer();
  return isExcel(file) ? readXlsx(bytes) : parseCsv(decodeText(bytes));
}
