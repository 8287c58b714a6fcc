// Per-unit totals of prevention work for a period (what leadership counts): each child of the
// chosen unit with its whole subtree, the chosen unit's own records, and the sum.
import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { unitSubtree } from "@/lib/units/jurisdiction";
import { chinaToday, dayToDate } from "@/lib/time/china";
import { rollUp, type RollupRow } from "@/lib/publicity/rollup";
import { scopeUnits } from "@/lib/publicity/units";

export const TOTAL_KEYS = [
  "events", "audience", "eventRegistrations", "materials", "appRegistrations", "consultations", "measures", "campaignsActive", "campaignsCertified",
] as const;
export type TotalKey = (typeof TOTAL_KEYS)[number];

export type UnitTotals = {
  root: { code: string; name: string };
  from: string;
  to: string;
  rows: RollupRow<TotalKey>[];
  total: Record<TotalKey, number>;
};

/** This year so far, in China. */
export function defaultPeriod(today = chinaToday()): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * Totals per unit: events, audience and registrations they gained, materials, daily app
 * registrations and 96110 consultations over [from, to]; art. 38 measures started in the period;
 * 无诈 campaigns as they stand now (in progress, certified).
 */
export async function unitTotals(actor: Actor, q: { unit?: string; from?: string; to?: string }): Promise<UnitTotals> {
  const period = { ...defaultPeriod(), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
  const units = await scopeUnits(actor);
  const root = q.unit ? units.find((u) => u.code === q.unit) : units.find((u) => u.path === actor.scopePath);
  if (!root) throw notFound("unit");
  const db = getDb();
  const inRoot = { unit: unitSubtree(root.path) };
  const range = { gte: dayToDate(period.from), lte: dayToDate(period.to) };
  const [events, counts, measures, campaigns] = await Promise.all([
    db.publicityEvent.groupBy({
      by: ["unitId"], where: { ...inRoot, occurredOn: range },
      _count: { _all: true }, _sum: { audienceCount: true, appRegistrations: true, materialsCount: true },
    }),
    db.dailyCount.groupBy({ by: ["unitId", "metric"], where: { ...inRoot, day: range }, _sum: { count: true } }),
    db.disciplinaryMeasure.groupBy({ by: ["unitId"], where: { ...inRoot, startsOn: range }, _count: { _all: true } }),
    db.preventionCampaign.groupBy({ by: ["unitId", "status"], where: { ...inRoot, status: { in: ["IN_PROGRESS", "CERTIFIED"] } }, _count: { _all: true } }),
  ]);
  const values = new Map<string, Partial<Record<TotalKey, number>>>();
  const add = (unitId: string, k: TotalKey, n: number | null | undefined) => {
    const v = values.get(unitId) ?? {};
    v[k] = (v[k] ?? 0) + (n ?? 0);
    values.set(unitId, v);
  };
  for (const e of events) {
    add(e.unitId, "events", e._count._all);
    add(e.unitId, "audience", e._sum.audienceCount);
    add(e.unitId, "eventRegistrations", e._sum.appRegistrations);
    add(e.unitId, "materials", e._sum.materialsCount);
  }
  for (const c of counts) add(c.unitId, c.metric === "APP_REGISTRATIONS" ? "appRegistrations" : "consultations", c._sum.count);
  for (const m of measures) add(m.unitId, "measures", m._count._all);
  for (const c of campaigns) add(c.unitId, c.status === "CERTIFIED" ? "campaignsCertified" : "campaignsActive", c._count._all);
  const { rows, total } = rollUp(root, units, TOTAL_KEYS, values);
  return { root: { code: root.code, name: root.name }, ...period, rows, total };
}
