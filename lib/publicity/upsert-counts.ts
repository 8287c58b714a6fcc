// Writing daily counts in bulk: one lookup of the stored values and one
// INSERT … ON CONFLICT ("unitId", metric, day) statement per batch.
//
// Policy (documented in the API and on the import screen): a row equal to the stored count is
// "unchanged" and is not written at all — so re-sending the same data changes nothing, not even
// version or updatedAt. A row whose count differs is "changed": with updateChanged it replaces the
// stored count (version + 1); without, it is left alone and reported as a "conflict".
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DailyMetric } from "@/lib/publicity/enums";

export type CountRow = { unitId: string; day: string; count: number };
export type CountStatus = "created" | "updated" | "unchanged" | "conflict";
export type Classified = { status: "new" } | { status: "unchanged" } | { status: "changed"; previous: number };

/** A count's (unit, day) as one map key. */
export const countKey = (unitId: string, day: string) => `${unitId}|${day}`;
const key = countKey;

/** The stored counts of these (unit, day) pairs, keyed "unitId|day"; `lock`: held until the transaction ends. */
export async function storedCounts(tx: Tx, metric: DailyMetric, rows: { unitId: string; day: string }[], { lock = false } = {}): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const found = await tx.$queryRaw<{ unitId: string; day: string; count: number }[]>`
    SELECT d."unitId"::text AS "unitId", to_char(d.day, 'YYYY-MM-DD') AS day, d.count
    FROM daily_counts d
    JOIN unnest(${rows.map((r) => r.unitId)}::uuid[], ${rows.map((r) => r.day)}::date[]) AS k(unit_id, day)
      ON d."unitId" = k.unit_id AND d.day = k.day
    WHERE d.metric = ${metric}::"DailyMetric" ${lock ? Prisma.sql`FOR UPDATE OF d` : Prisma.empty}`;
  return new Map(found.map((f) => [key(f.unitId, f.day), f.count]));
}

export function classify(stored: Map<string, number>, row: CountRow): Classified {
  const previous = stored.get(key(row.unitId, row.day));
  if (previous === undefined) return { status: "new" };
  return previous === row.count ? { status: "unchanged" } : { status: "changed", previous };
}

/**
 * Writes the rows (no two with the same unit and day) and tells what became of each, in order.
 * Must run inside the caller's transaction, next to its audit record.
 */
export async function upsertCounts(
  tx: Tx,
  metric: DailyMetric,
  rows: CountRow[],
  opts: { source: "IMPORT" | "MANUAL"; updateChanged: boolean; stored?: Map<string, number> },
): Promise<CountStatus[]> {
  // `stored`: the caller's own lookup of these rows (locked), read once.
  const stored = opts.stored ?? (await storedCounts(tx, metric, rows));
  const plan = rows.map((r) => classify(stored, r));
  const toWrite = rows.filter((_, i) => plan[i]!.status === "new" || (plan[i]!.status === "changed" && opts.updateChanged));
  const written = new Map<string, boolean>();
  if (toWrite.length > 0) {
    const ids = toWrite.map((r) => r.unitId);
    const days = toWrite.map((r) => r.day);
    const counts = toWrite.map((r) => r.count);
    // A different count replaces the stored one only when asked to; an equal one is never rewritten.
    const result = opts.updateChanged
      ? await tx.$queryRaw<{ unitId: string; day: string; inserted: boolean }[]>`
          INSERT INTO daily_counts (id, "unitId", day, metric, count, source, version, "updatedAt")
          SELECT uuid_time(), k.unit_id, k.day, ${metric}::"DailyMetric", k.count, ${opts.source}::"CountSource", 1, now()
          FROM unnest(${ids}::uuid[], ${days}::date[], ${counts}::int[]) AS k(unit_id, day, count)
          ON CONFLICT ("unitId", metric, day) DO UPDATE
            SET count = EXCLUDED.count, source = EXCLUDED.source, version = daily_counts.version + 1, "updatedAt" = now()
            WHERE daily_counts.count IS DISTINCT FROM EXCLUDED.count
          RETURNING "unitId"::text AS "unitId", to_char(day, 'YYYY-MM-DD') AS day, (xmax = 0) AS inserted`
      : await tx.$queryRaw<{ unitId: string; day: string; inserted: boolean }[]>`
          INSERT INTO daily_counts (id, "unitId", day, metric, count, source, version, "updatedAt")
          SELECT uuid_time(), k.unit_id, k.day, ${metric}::"DailyMetric", k.count, ${opts.source}::"CountSource", 1, now()
          FROM unnest(${ids}::uuid[], ${days}::date[], ${counts}::int[]) AS k(unit_id, day, count)
          ON CONFLICT ("unitId", metric, day) DO NOTHING
          RETURNING "unitId"::text AS "unitId", to_char(day, 'YYYY-MM-DD') AS day, true AS inserted`;
    for (const r of result) written.set(key(r.unitId, r.day), r.inserted);
  }
  // A row to write that was not: someone stored that unit and day between the lookup and the insert
  // (a second commit of the same file, say). Read again: the same count is unchanged, not a conflict.
  const missed = toWrite.filter((r) => !written.has(key(r.unitId, r.day)));
  const now = await storedCounts(tx, metric, missed);
  return rows.map((r, i): CountStatus => {
    const w = written.get(key(r.unitId, r.day));
    if (w !== undefined) return w ? "created" : "updated";
    const p = plan[i]!;
    if (p.status === "unchanged" || now.get(key(r.unitId, r.day)) === r.count) return "unchanged";
    // Changed and not to be updated, or stored otherwise by someone else meanwhile.
    return "conflict";
  });
}

export function tally(statuses: CountStatus[]): Record<CountStatus, number> {
  const t: Record<CountStatus, number> = { created: 0, updated: 0, unchanged: 0, conflict: 0 };
  for (const s of statuses) t[s]++;
  return t;
}
