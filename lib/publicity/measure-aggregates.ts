// Art. 38 measures as numbers only, per unit: what leadership sees (no person, masked or not).
import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { unitSubtree } from "@/lib/units/jurisdiction";
import { addDays, chinaToday, dayToDate } from "@/lib/time/china";
import { MEASURE_KINDS, type MeasureKind } from "@/lib/publicity/enums";
import { ENDING_SOON_DAYS } from "@/lib/publicity/measures";
import { rollUp } from "@/lib/publicity/rollup";
import { scopeUnits } from "@/lib/publicity/units";

export const AGGREGATE_KEYS = [...MEASURE_KINDS, "activeNow", "endingSoon", "total"] as const;
export type AggregateKey = MeasureKind | "activeNow" | "endingSoon" | "total";

/** Measures started in [from, to] by kind, and those in force now / ending soon, per child unit. */
export async function measureAggregates(actor: Actor, q: { unit?: string; from?: string; to?: string }) {
  const units = await scopeUnits(actor);
  const root = q.unit ? units.find((u) => u.code === q.unit) : units.find((u) => u.path === actor.scopePath);
  if (!root) throw notFound("unit");
  const today = chinaToday();
  const t = dayToDate(today);
  const where = { unit: unitSubtree(root.path) };
  const started = q.from || q.to ? { startsOn: { ...(q.from ? { gte: dayToDate(q.from) } : {}), ...(q.to ? { lte: dayToDate(q.to) } : {}) } } : {};
  const db = getDb();
  const [byKind, active, ending] = await Promise.all([
    db.disciplinaryMeasure.groupBy({ by: ["unitId", "measure"], where: { ...where, ...started }, _count: { _all: true } }),
    db.disciplinaryMeasure.groupBy({ by: ["unitId"], where: { ...where, startsOn: { lte: t }, endsOn: { gte: t }, revokedOn: null }, _count: { _all: true } }),
    db.disciplinaryMeasure.groupBy({
      by: ["unitId"], where: { ...where, startsOn: { lte: t }, endsOn: { gte: t, lte: dayToDate(addDays(today, ENDING_SOON_DAYS)) }, revokedOn: null }, _count: { _all: true },
    }),
  ]);
  const values = new Map<string, Partial<Record<AggregateKey, number>>>();
  const add = (unitId: string, k: AggregateKey, n: number) => {
    const v = values.get(unitId) ?? {};
    v[k] = (v[k] ?? 0) + n;
    values.set(unitId, v);
  };
  for (const r of byKind) {
    add(r.unitId, r.measure, r._count._all);
    add(r.unitId, "total", r._count._all);
  }
  for (const r of active) add(r.unitId, "activeNow", r._count._all);
  for (const r of ending) add(r.unitId, "endingSoon", r._count._all);
  return { root: { code: root.code, name: root.name }, ...rollUp(root, units, AGGREGATE_KEYS, values) };
}
