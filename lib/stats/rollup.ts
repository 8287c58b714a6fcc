// Reads the rollups: sums of stat_daily / stat_monthly over a unit's subtree and day ranges.
// Whole months come from the monthly table (12 rows per unit and metric for a year), the days
// at either end from the daily one, so a request never reads raw records and its cost does not
// grow with them.
import "server-only";
import { readFromReplica } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toCents } from "@/lib/stats/decimal";
import { splitByMonths, type Day, type DayRange, type Granularity } from "@/lib/stats/periods";

export type RangeSpec = {
  /** Names the range in the result rows ("current", "previous", a unit id…). */
  key: string;
  range: DayRange;
  /** Split the sum by trend bucket. */
  bucket?: Granularity;
};

export type RollupRow = {
  key: string;
  /** The bucket's key day when the range was bucketed. */
  bucket: Day | null;
  /** The unit when read by unit; otherwise null (the subtree's sum). */
  unitId: string | null;
  /** Whether the rows come from CENTER-kind units (反诈中心). */
  center: boolean;
  metric: string;
  cents: bigint;
};

type Part = { key: string; table: "daily" | "monthly"; range: DayRange; bucket?: Granularity };

function partsOf(spec: RangeSpec): Part[] {
  // Weeks and days cut across months: read them from the daily table only.
  if (spec.bucket && spec.bucket !== "month") return [{ key: spec.key, table: "daily", range: spec.range, bucket: spec.bucket }];
  const { months, days } = splitByMonths(spec.range);
  return [
    ...(months ? [{ key: spec.key, table: "monthly" as const, range: months, bucket: spec.bucket }] : []),
    ...days.map((range) => ({ key: spec.key, table: "daily" as const, range, bucket: spec.bucket })),
  ];
}

function partSql(p: Part, metrics: readonly string[]): Prisma.Sql {
  const monthly = p.table === "monthly";
  const col = monthly ? Prisma.sql`s.month` : Prisma.sql`s.day`;
  const bucket =
    !p.bucket ? Prisma.sql`NULL::date`
    : p.bucket === "day" || monthly ? col
    : p.bucket === "week" ? Prisma.sql`date_trunc('week', s.day)::date`
    : Prisma.sql`date_trunc('month', s.day)::date`;
  const table = monthly ? Prisma.sql`stat_monthly` : Prisma.sql`stat_daily`;
  // One index range scan per unit of the subtree on the (unitId, day|month, metric) key: the
  // LATERAL subquery (kept apart by OFFSET 0) fixes that plan whatever the statistics say.
  return Prisma.sql`
    SELECT ${p.key}::text AS key, s.bucket, u.id AS unit, u.center, s.metric, s.value
    FROM u CROSS JOIN LATERAL (
      SELECT ${bucket} AS bucket, s.metric, s.value FROM ${table} s
      WHERE s."unitId" = u.id AND ${col} BETWEEN ${p.range.from}::date AND ${p.range.to}::date AND s.metric = ANY(${metrics as string[]}::text[])
      OFFSET 0
    ) s`;
}

/**
 * Sums the given metrics over the subtree at `unitPath`, for each range. Grouped by range,
 * bucket (when asked), CENTER-or-not, metric, and by unit when `byUnit`.
 */
export async function readRollup(opts: {
  unitPath: string;
  ranges: RangeSpec[];
  metrics: readonly string[];
  byUnit?: boolean;
}): Promise<RollupRow[]> {
  const parts = opts.ranges.flatMap(partsOf);
  if (parts.length === 0 || opts.metrics.length === 0) return [];
  const unit = opts.byUnit ? Prisma.sql`unit` : Prisma.sql`NULL::uuid`;
  // Statistics may trail the last second's writes: the standby answers them when it keeps up.
  const rows = await readFromReplica((db) => db.$queryRaw<{ key: string; bucket: string | null; unit: string | null; center: boolean; metric: string; value: string }[]>`
    WITH u AS (
      SELECT id, kind = 'CENTER' AS center FROM units
      WHERE path = ${opts.unitPath} OR starts_with(path, ${`${opts.unitPath}/`})
    )
    SELECT key, bucket::text AS bucket, ${unit}::text AS unit, center, metric, sum(value)::text AS value
    FROM (${Prisma.join(parts.map((p) => partSql(p, opts.metrics)), " UNION ALL ")}) x
    GROUP BY key, bucket, ${unit}, center, metric`);
  return rows.map((r) => ({ key: r.key, bucket: r.bucket, unitId: r.unit, center: r.center, metric: r.metric, cents: toCents(r.value) }));
}

/** Totals keyed by metric (all units, and CENTER units only) for one range key. */
export type Totals = { all: Map<string, bigint>; center: Map<string, bigint> };

export function totalsOf(rows: readonly RollupRow[], filter: (r: RollupRow) => boolean): Totals {
  const all = new Map<string, bigint>();
  const center = new Map<string, bigint>();
  for (const r of rows) {
    if (!filter(r)) continue;
    all.set(r.metric, (all.get(r.metric) ?? 0n) + r.cents);
    if (r.center) center.set(r.metric, (center.get(r.metric) ?? 0n) + r.cents);
  }
  return { all, center };
}

/** Sum of some metrics in a totals map. */
export const sumOf = (m: ReadonlyMap<string, bigint>, metrics: readonly string[]): bigint =>
  metrics.reduce((s, k) => s + (m.get(k) ?? 0n), 0n);
