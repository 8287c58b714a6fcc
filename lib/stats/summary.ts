// The overview: every figure of DESIGN.md §3 for a period and a unit, with 同比, 环比 and a trend,
// and the same figures for each child unit (the drill-down table).
import type { Actor } from "@/lib/auth/actor";
import { buildFigure, FIGURE_METRICS, FIGURES, figureCents, type Figure, type FigureKey } from "@/lib/stats/figures";
import { fromCents } from "@/lib/stats/decimal";
import { chinaToday } from "@/lib/time/china";
import { resolvePeriod, type Day, type ResolvedPeriod } from "@/lib/stats/periods";
import { readRollup, totalsOf, type Totals } from "@/lib/stats/rollup";
import { isUnder } from "@/lib/units/jurisdiction";
import { resolveStatsScope, type StatsScope, type StatsUnit } from "@/lib/stats/scope";
import type { StatsQuery } from "@/lib/stats/schemas";
import { statsQuerySchema } from "@/lib/stats/schemas";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";

/** What every statistics view is computed for: a unit within the actor's jurisdiction and a period. */
export type StatsContext = { scope: StatsScope; period: ResolvedPeriod };

export async function loadStatsContext(actor: Pick<Actor, "scopePath">, query: StatsQuery, today: Day = chinaToday()): Promise<StatsContext> {
  const scope = await resolveStatsScope(actor, query.unit);
  return { scope, period: resolvePeriod(query, today) };
}

export type UnitRef = { code: string; name: string; kind: StatsUnit["kind"] };
const ref = (u: StatsUnit): UnitRef => ({ code: u.code, name: u.name, kind: u.kind });

export type StatsSummary = {
  period: ResolvedPeriod;
  unit: UnitRef;
  breadcrumb: UnitRef[];
  children: UnitRef[];
  figures: Figure[];
};

export async function getStatsSummary(ctx: StatsContext): Promise<StatsSummary> {
  const { scope, period } = ctx;
  // For a year, the previous period and the same period a year ago are one range: read it once.
  const sameBase = period.previous.from === period.yearAgo.from && period.previous.to === period.yearAgo.to;
  const rows = await readRollup({
    unitPath: scope.unit.path,
    metrics: FIGURE_METRICS,
    ranges: [
      { key: "current", range: period.current, bucket: period.granularity },
      { key: "previous", range: period.previous },
      ...(sameBase ? [] : [{ key: "yearAgo", range: period.yearAgo }]),
    ],
  });
  const cur = totalsOf(rows, (r) => r.key === "current");
  const prev = totalsOf(rows, (r) => r.key === "previous");
  const ago = sameBase ? prev : totalsOf(rows, (r) => r.key === "yearAgo");
  const byBucket = new Map<string, typeof rows>();
  for (const r of rows) {
    if (r.key !== "current" || !r.bucket) continue;
    const list = byBucket.get(r.bucket);
    if (list) list.push(r);
    else byBucket.set(r.bucket, [r]);
  }
  const trend: Totals[] = period.buckets.map((b) => totalsOf(byBucket.get(b.key) ?? [], () => true));
  return {
    period,
    unit: ref(scope.unit),
    breadcrumb: scope.breadcrumb.map(ref),
    children: scope.children.map(ref),
    figures: FIGURES.map((def) => buildFigure(def, cur, prev, ago, trend)),
  };
}

/** The actor's summary for a query: what GET /api/v1/stats/summary answers. */
export const statsSummary = command({
  name: "stats.summary", permission: "stats:read",
  summary: "Every figure of a period and unit, with 同比 and 环比 (aggregates only)",
  input: statsQuerySchema, audit: false,
  run: ({ actor, input }) => summaryFor(actor, input),
});

/**
 * The statistics of a period and unit for an export (aggregates only), audited as "stats.export";
 * the route writes the workbook in the reader's language.
 */
export const exportStats = command({
  name: "stats.export", permission: "stats:read",
  summary: "Every statistics table of a period and unit as an .xlsx workbook (audited)",
  input: statsQuerySchema, audit: ["stats.export"],
  async run({ actor, input, tx }): Promise<StatsContext> {
    const ctx = await loadStatsContext(actor, input);
    await writeAudit(tx, actor, {
      action: "stats.export",
      success: true,
      entityType: "stats",
      entityId: ctx.scope.unit.code,
      details: { from: ctx.period.current.from, to: ctx.period.current.to },
    });
    return ctx;
  },
});

export async function summaryFor(actor: Pick<Actor, "scopePath">, query: StatsQuery, today?: Day): Promise<StatsSummary> {
  return getStatsSummary(await loadStatsContext(actor, query, today));
}

export type ChildRow = UnitRef & { values: Record<FigureKey, string> };

/** Each child unit's figures for the current period (its own subtree each). */
export async function getChildBreakdown(ctx: StatsContext): Promise<ChildRow[]> {
  const { scope, period } = ctx;
  if (scope.children.length === 0) return [];
  const rows = await readRollup({ unitPath: scope.unit.path, metrics: FIGURE_METRICS, ranges: [{ key: "current", range: period.current }], byUnit: true });
  const pathOf = new Map(scope.subtree.map((u) => [u.id, u.path]));
  return scope.children.map((child) => {
    const totals = totalsOf(rows, (r) => isUnder(pathOf.get(r.unitId!) ?? "", child.path));
    const values = Object.fromEntries(FIGURES.map((def) => [def.key, fromCents(figureCents(def, totals), { whole: !("money" in def) })]));
    return { ...ref(child), values: values as Record<FigureKey, string> };
  });
}

/** The unit and its path as the page headers show them. */
export function unitRefs(ctx: StatsContext): { unit: UnitRef; breadcrumb: UnitRef[] } {
  return { unit: ref(ctx.scope.unit), breadcrumb: ctx.scope.breadcrumb.map(ref) };
}
