// Reading upstream daily-count exports (date, unit code, count) into checked rows. Pure and
// client-safe: the browser runs it for an instant first pass over the whole file, and the server
// runs it again on every chunk it receives (it never trusts the browser's verdict).
import { chinaToday, isIsoDay } from "@/lib/time/china";

/** One data row of the file as text, with its 1-based line (or sheet row) number. */
export type RawRow = { line: number; day: string; unitCode: string; count: string };

export type RowError =
  | "missing_fields" | "bad_date" | "future_date" | "bad_count" | "negative_count" | "count_too_large"
  | "unknown_unit" | "duplicate_day";

export type CheckedRow =
  | { line: number; raw: RawRow; ok: true; day: string; unitCode: string; count: number }
  | { line: number; raw: RawRow; ok: false; errors: RowError[] };

export const MAX_IMPORT_ROWS = 200_000;
export const MAX_DAILY_COUNT = 1_000_000;

/**
 * RFC 4180 CSV: a leading BOM is dropped; fields may be quoted ("" is a quote inside quotes,
 * and quoted fields may span lines); CRLF, LF and CR all end records. A file whose first line has
 * tabs and no commas is read as tab-separated (what spreadsheets copy out).
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const sep = !firstLine.includes(",") && firstLine.includes("\t") ? "\t" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === sep) endField();
    else if (c === "\r" || c === "\n") {
      endRow();
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else field += c;
    i++;
  }
  if (field !== "" || row.length > 0 || quoted) endRow();
  return rows;
}

/** A spreadsheet cell as text: dates as their calendar day, formulas by their result. */
export function cellToString(v: unknown): string {
  if (v == null) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if ("result" in o) return cellToString(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if (typeof o.text === "string") return o.text;
    return "";
  }
  return String(v);
}

const HEADER_NAMES: Record<"day" | "unitCode" | "count", RegExp> = {
  day: /^(date|day|日期|统计日期|注册日期)$/i,
  unitCode: /^(unit|unit_?code|单位|单位代码|单位编码|机构代码)$/i,
  count: /^(count|value|数量|人数|注册数|注册人数|咨询量|接听量|数值)$/i,
};

/**
 * Table (rows of cell text) → raw rows. A first row naming the columns is skipped, and when it
 * names all three their order is used; otherwise the order is date, unit code, count. Blank rows
 * are skipped.
 */
export function rowsFromTable(table: string[][]): { rows: RawRow[]; header: boolean } {
  let order = { day: 0, unitCode: 1, count: 2 };
  let start = 0;
  const first = (table[0] ?? []).map((c) => c.trim());
  const named = (key: keyof typeof HEADER_NAMES) => first.findIndex((c) => HEADER_NAMES[key].test(c));
  // Only a row naming a known column counts as a header: a bad first data row stays visible as an error.
  const [d, u, n] = [named("day"), named("unitCode"), named("count")];
  if (d >= 0 || u >= 0 || n >= 0) {
    start = 1;
    if (d >= 0 && u >= 0 && n >= 0) order = { day: d, unitCode: u, count: n };
  }
  const rows: RawRow[] = [];
  for (let i = start; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((c) => c.trim() === "")) continue;
    rows.push({ line: i + 1, day: (cells[order.day] ?? "").trim(), unitCode: (cells[order.unitCode] ?? "").trim(), count: (cells[order.count] ?? "").trim() });
  }
  return { rows, header: start === 1 };
}

/** "2025-1-5", "2025/01/05", "2025.1.5", "20250105", "2025年1月5日" → "2025-01-05"; else null. */
export function normalizeDay(s: string): string | null {
  const t = s.trim().replace(/[T ]00:00(:00(\.0+)?)?Z?$/, "");
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return isIsoDay(day) ? day : null;
}

/** Checks one row on its own (the unit's existence and duplicates need the whole picture). */
export function checkRow(raw: RawRow, today: string = chinaToday()): CheckedRow {
  const errors: RowError[] = [];
  if (!raw.day || !raw.unitCode || !raw.count) errors.push("missing_fields");
  const day = raw.day ? normalizeDay(raw.day) : null;
  if (raw.day && !day) errors.push("bad_date");
  if (day && day > today) errors.push("future_date");
  const countText = raw.count.replace(/^(\d{1,3})(,\d{3})+$/, (m) => m.replace(/,/g, "")).replace(/\.0+$/, "");
  let count = NaN;
  if (raw.count) {
    if (/^-\d+$/.test(countText)) errors.push("negative_count");
    else if (!/^\+?\d{1,9}$/.test(countText)) errors.push("bad_count");
    else {
      count = Number(countText);
      if (count > MAX_DAILY_COUNT) errors.push("count_too_large");
    }
  }
  const unitCode = raw.unitCode.toUpperCase();
  // No unit has a code of another shape; saying so here keeps junk out of the server round trip.
  if (raw.unitCode && !/^[0-9A-Z]{2,16}$/.test(unitCode)) errors.push("unknown_unit");
  if (errors.length > 0 || !day) return { line: raw.line, raw, ok: false, errors: errors.length ? errors : ["missing_fields"] };
  return { line: raw.line, raw, ok: true, day, unitCode, count };
}

/** Rows naming the same unit and day more than once are all errors: which one is right is unknowable. */
export function markDuplicates(rows: CheckedRow[]): CheckedRow[] {
  const seen = new Map<string, number>();
  for (const r of rows) if (r.ok) seen.set(`${r.unitCode}|${r.day}`, (seen.get(`${r.unitCode}|${r.day}`) ?? 0) + 1);
  return rows.map((r) => (r.ok && seen.get(`${r.unitCode}|${r.day}`)! > 1 ? { line: r.line, raw: r.raw, ok: false, errors: ["duplicate_day"] } : r));
}

/** The whole first pass: parse, check each row, mark duplicates. */
export function checkTable(table: string[][], today?: string): { rows: CheckedRow[]; header: boolean } {
  const { rows, header } = rowsFromTable(table);
  return { rows: markDuplicates(rows.map((r) => checkRow(r, today))), header };
}
