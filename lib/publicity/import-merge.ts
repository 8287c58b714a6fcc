// Putting an import preview together from the browser's first pass and the server's answers per
// chunk, and choosing what to commit. Pure and client-safe.
import type { CheckedRow, RawRow, RowError } from "@/lib/publicity/import-rows";

/** What the server said about one chunk (see import-counts.ts, ChunkPreview). */
export type ServerPreview = {
  created: number;
  unchanged: number[];
  changed: { line: number; previous: number; count: number }[];
  errors: { line: number; errors: RowError[] }[];
};

/** A confirmed row: what the preview showed stored for it travels with it (absent: nothing was). */
export type CommitRow = RawRow & { previous?: number };

export type ImportPreview = {
  total: number;
  created: number;
  unchanged: number;
  changed: { raw: RawRow; previous: number; count: number }[];
  errors: { raw: RawRow; errors: RowError[] }[];
  /** Rows to send when the user confirms, in file order, each with the stored count the preview showed (none: new). */
  commitRows: (updateChanged: boolean) => CommitRow[];
};

export function mergePreview(rows: CheckedRow[], answers: ServerPreview[]): ImportPreview {
  const serverErrors = new Map<number, RowError[]>();
  const unchanged = new Set<number>();
  const changed = new Map<number, { previous: number; count: number }>();
  for (const a of answers) {
    for (const e of a.errors) serverErrors.set(e.line, e.errors);
    for (const l of a.unchanged) unchanged.add(l);
    for (const c of a.changed) changed.set(c.line, { previous: c.previous, count: c.count });
  }
  const errors: ImportPreview["errors"] = [];
  const changedRows: ImportPreview["changed"] = [];
  const created: RawRow[] = [];
  for (const r of rows) {
    if (!r.ok) errors.push({ raw: r.raw, errors: r.errors });
    else if (serverErrors.has(r.line)) errors.push({ raw: r.raw, errors: serverErrors.get(r.line)! });
    else if (unchanged.has(r.line)) continue;
    else if (changed.has(r.line)) changedRows.push({ raw: r.raw, ...changed.get(r.line)! });
    else created.push(r.raw);
  }
  return {
    total: rows.length,
    created: created.length,
    unchanged: unchanged.size,
    changed: changedRows,
    errors,
    commitRows: (updateChanged) => {
      if (!updateChanged || changedRows.length === 0) return created;
      const include = new Set([...created, ...changedRows.map((c) => c.raw)].map((raw) => raw.line));
      return rows.flatMap((r) => (include.has(r.line) ? [changed.has(r.line) ? { ...r.raw, previous: changed.get(r.line)!.previous } : r.raw] : []));
    },
  };
}

/**
 * Splits rows into chunks of at most `maxRows` rows and about `maxBytes` bytes on the wire (each
 * character counted as 3 bytes, the most UTF-8 needs for Chinese), so a chunk always fits the
 * server-action body limit whatever the cells hold.
 */
export function chunkRows<R extends RawRow>(rows: R[], maxRows: number, maxBytes: number): R[][] {
  const chunks: R[][] = [];
  let current: R[] = [];
  let bytes = 0;
  for (const r of rows) {
    const size = 60 + 3 * (r.day.length + r.unitCode.length + r.count.length);
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
