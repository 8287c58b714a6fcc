// Appeals as numbers per unit (the measure's unit, rolled up the tree): what leadership sees.
// Received, upheld, revoked and withdrawn count the appeals received in the period; open,
// due soon and overdue are the state today, whatever the period.
import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { unitSubtree } from "@/lib/units/jurisdiction";
import { chinaToday, dateToDay, dayToDate } from "@/lib/time/china";
import { rollUp } from "@/lib/publicity/rollup";
import { scopeUnits } from "@/lib/publicity/units";
import { deadlineFlag } from "@/lib/appeals/deadline";
import { OPEN_APPEAL_STATUSES } from "@/lib/appeals/schemas";

export const APPEAL_AGGREGATE_KEYS = ["received", "upheld", "revoked", "withdrawn", "open", "dueSoon", "overdue"] as const;
export type AppealAggregateKey = (typeof APPEAL_AGGREGATE_KEYS)[number];

export async function appealAggregates(actor: Actor, q: { unit?: string; from?: string; to?: string }) {
  const units = await scopeUnits(actor);
  const root = q.unit ? units.find((u) => u.code === q.unit) : units.find((u) => u.path === actor.scopePath);
  if (!root) throw notFound("unit");
  const today = chinaToday();
  const received = q.from || q.to ? { ...(q.from ? { gte: dayToDate(q.from) } : {}), ...(q.to ? { lte: dayToDate(q.to) } : {}) } : undefined;
  // Appeals are few (a city's year holds dozens): read the rows, count in memory.
  const rows = await getDb().appeal.findMany({
    where: {
      measure: { unit: unitSubtree(root.path) },
      OR: [{ status: { in: [...OPEN_APPEAL_STATUSES] } }, ...(received ? [{ receivedOn: received }] : [{}])],
    },
    select: { status: true, receivedOn: true, deadlineOn: true, measure: { select: { unitId: true } } },
  });
  const values = new Map<string, Partial<Record<AppealAggregateKey, number>>>();
  const add = (unitId: string, k: AppealAggregateKey) => {
    const v = values.get(unitId) ?? {};
    v[k] = (v[k] ?? 0) + 1;
    values.set(unitId, v);
  };
  const inPeriod = (d: Date) => (!q.from || d >= dayToDate(q.from)) && (!q.to || d <= dayToDate(q.to));
  for (const r of rows) {
    const unitId = r.measure.unitId;
    if (inPeriod(r.receivedOn)) {
      add(unitId, "received");
      if (r.status === "UPHELD") add(unitId, "upheld");
      if (r.status === "REVOKED") add(unitId, "revoked");
      if (r.status === "WITHDRAWN") add(unitId, "withdrawn");
    }
    if ((OPEN_APPEAL_STATUSES as readonly string[]).includes(r.status)) {
      add(unitId, "open");
      const flag = deadlineFlag(dateToDay(r.deadlineOn), today);
      if (flag) add(unitId, flag);
    }
  }
  return { root: { code: root.code, name: root.name }, ...rollUp(root, units, APPEAL_AGGREGATE_KEYS, values) };
}
