// Importing daily counts from an upstream export. The browser parses the file and sends it in
// chunks; each chunk is checked here from scratch (dates, counts, units in the actor's
// jurisdiction, duplicates) — first for the preview, then again when the user commits.
import "server-only";
import { type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { unitSubtree } from "@/lib/units/jurisdiction";
import { chinaToday } from "@/lib/time/china";
import { checkRow, markDuplicates, type CheckedRow, type RowError } from "@/lib/publicity/import-rows";
import { commitChunkSchema, importChunkSchema } from "@/lib/publicity/schemas";
import { classify, countKey, storedCounts, tally, upsertCounts, type CountRow, type CountStatus } from "@/lib/publicity/upsert-counts";

export type RowProblem = { line: number; errors: RowError[] };

export type ChunkPreview = {
  /** Rows that would be added. */
  created: number;
  /** Lines equal to what is stored: importing them changes nothing. */
  unchanged: number[];
  /** Lines whose count differs from the stored one. */
  changed: { line: number; previous: number; count: number }[];
  errors: RowProblem[];
};

export type ChunkCommit = { created: number; updated: number; unchanged: number; conflict: number; errors: RowProblem[] };

type Valid = CountRow & { line: number };

/** Re-checks every row and resolves unit codes (one query) inside the actor's jurisdiction. */
async function checkChunk(tx: Tx, actor: Actor, rows: { line: number; day: string; unitCode: string; count: string }[]) {
  const checked: CheckedRow[] = markDuplicates(rows.map((r) => checkRow(r, chinaToday())));
  const codes = [...new Set(checked.flatMap((r) => (r.ok ? [r.unitCode] : [])))];
  const units = codes.length
    ? await tx.unit.findMany({ where: { code: { in: codes }, active: true, ...unitSubtree(actor.scopePath) }, select: { id: true, code: true } })
    : [];
  const unitIds = new Map(units.map((u) => [u.code, u.id]));
  const valid: Valid[] = [];
  const errors: RowProblem[] = [];
  for (const r of checked) {
    if (!r.ok) errors.push({ line: r.line, errors: r.errors });
    else if (!unitIds.has(r.unitCode)) errors.push({ line: r.line, errors: ["unknown_unit"] });
    else valid.push({ line: r.line, unitId: unitIds.get(r.unitCode)!, day: r.day, count: r.count });
  }
  return { valid, errors };
}

export const previewImportChunk = command({
  name: "publicity.counts.import.preview", permission: "publicity:write",
  summary: "Check a chunk of imported daily counts against what is stored",
  // Read-only, but one snapshot (one transaction): units and stored counts as of the same moment.
  input: importChunkSchema, audit: [],
  async run({ actor, input: { metric, rows }, tx }): Promise<ChunkPreview> {
    const { valid, errors } = await checkChunk(tx, actor, rows);
    const stored = await storedCounts(tx, metric, valid);
    const preview: ChunkPreview = { created: 0, unchanged: [], changed: [], errors };
    for (const r of valid) {
      const c = classify(stored, r);
      if (c.status === "new") preview.created++;
      else if (c.status === "unchanged") preview.unchanged.push(r.line);
      else preview.changed.push({ line: r.line, previous: c.previous, count: r.count });
    }
    return preview;
  },
});

export const commitImportChunk = command({
  name: "publicity.counts.import", permission: "publicity:write",
  summary: "Import a chunk of daily counts",
  input: commitChunkSchema, audit: ["publicity.counts.import"], transactionOptions: { timeout: 60_000 },
  async run({ actor, input: { metric, rows, updateChanged }, tx }): Promise<ChunkCommit> {
    const { valid, errors } = await checkChunk(tx, actor, rows);
    // Written only as the user saw it in the preview: a row whose stored count moved since (a count
    // entered by hand meanwhile) is left alone — unchanged if it now equals the file's, else a conflict.
    const previewed = new Map(rows.map((r) => [r.line, r.previous]));
    const stored = await storedCounts(tx, metric, valid, { lock: true });
    const asSeen = valid.filter((v) => stored.get(countKey(v.unitId, v.day)) === previewed.get(v.line));
    const moved = valid.filter((v) => stored.get(countKey(v.unitId, v.day)) !== previewed.get(v.line));
    const statuses = [
      ...(await upsertCounts(tx, metric, asSeen, { source: "IMPORT", updateChanged, stored })),
      ...moved.map((v): CountStatus => (stored.get(countKey(v.unitId, v.day)) === v.count ? "unchanged" : "conflict")),
    ];
    const t = tally(statuses);
    await writeAudit(tx, actor, {
      action: "publicity.counts.import", success: true, entityType: "DailyCount",
      details: { metric, rows: rows.length, ...t, rejected: errors.length, ...dayRange(valid), units: new Set(valid.map((v) => v.unitId)).size },
    });
    return { ...t, errors };
  },
});

export function dayRange(rows: { day: string }[]): { from?: string; to?: string } {
  if (rows.length === 0) return {};
  let from = rows[0]!.day;
  let to = from;
  for (const r of rows) {
    if (r.day < from) from = r.day;
    if (r.day > to) to = r.day;
  }
  return { from, to };
}
