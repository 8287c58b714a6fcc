// Spreadsheet exports (SECURITY.md C14): every text cell goes through escapeFormula.
import ExcelJS from "exceljs";
import { escapeFormula } from "@/lib/export/escape";

export type SheetColumn<T> = { header: string; width?: number; value: (row: T) => string | number | null };

/** One-sheet .xlsx: a bold header row, text cells escaped, numbers as numbers. */
export async function buildXlsx<T>(sheetName: string, columns: SheetColumn<T>[], rows: T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: escapeFormula(c.header), width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) {
    ws.addRow(columns.map((c) => {
      const v = c.value(row);
      return typeof v === "string" ? escapeFormula(v) : v;
    }));
  }
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
