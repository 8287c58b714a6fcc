// Daily counts (国家反诈中心APP registrations, 96110 consultation calls) per unit: one entered by
// hand, a batch from the API, and a month of them for the counts page.
import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound, versionConflict, type FieldIssue } from "@/lib/errors";
import { issuesOf } from "@/lib/validation/parse";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { inJurisdiction, unitSubtree } from "@/lib/units/jurisdiction";
import { chinaToday, dateToDay, dayToDate, monthRange } from "@/lib/time/china";
import type { DailyMetric } from "@/lib/publicity/enums";
import { bulkCountItemSchema, bulkCountsSchema, setCountSchema } from "@/lib/publicity/schemas";
import { resolveUnit } from "@/lib/publicity/units";
import { tally, upsertCounts, type CountRow, type CountStatus } from "@/lib/publicity/upsert-counts";
import { dayRange } from "@/lib/publicity/import-counts";

/**
 * Records one day's count by hand. A day already recorded is only changed when the caller names
 * the version it saw (the "correct" form in the list); otherwise it is a field error.
 */
export const setDailyCount = command({
  name: "publicity.count.set", permission: "publicity:write",
  summary: "Record or correct one day's count",
  input: setCountSchema, audit: ["publicity.count.create", "publicity.count.update"],
  async run({ actor, input, tx }): Promise<void> {
    const unit = await resolveUnit(tx, actor, input.unitCode);
    const day = dayToDate(input.day);
    const existing = await tx.dailyCount.findUnique({
      where: { unitId_metric_day: { unitId: unit.id, metric: input.metric, day } },
      select: { id: true, count: true },
    });
    if (existing && input.version === undefined) {
      throw new AppError("VALIDATION", "already recorded", [{ path: "day", code: "already_recorded", message: "this day is already recorded; correct it in the list" }]);
    }
    let id: string;
    if (existing) {
      const { count } = await tx.dailyCount.updateMany({
        where: { id: existing.id, version: input.version },
        data: { count: input.count, source: "MANUAL", version: { increment: 1 } },
      });
      if (count === 0) throw versionConflict();
      id = existing.id;
    } else {
      if (input.version !== undefined) throw notFound("daily count");
      id = (await tx.dailyCount.create({ data: { unitId: unit.id, metric: input.metric, day, count: input.count, source: "MANUAL" }, select: { id: true } })).id;
    }
    await writeAudit(tx, actor, {
      action: existing ? "publicity.count.update" : "publicity.count.create", success: true, entityType: "DailyCount", entityId: id,
      details: { unit: unit.code, metric: input.metric, day: input.day, count: input.count, ...(existing ? { previous: existing.count } : {}) },
    });
  },
});

export type BulkItemResult = { index: number; status: CountStatus | "rejected"; errors?: FieldIssue[] };

/**
 * POST /api/v1/app-registrations: up to 5,000 daily counts of one metric. Each item stands alone:
 * a rejected item (bad field, unknown unit, the same unit and day twice) never blocks the others.
 */
export const bulkUpsertCounts = command({
  name: "publicity.counts.bulk", permission: "publicity:write",
  summary: "Daily counts per unit in bulk (APP registrations, 96110 consultation calls), each item standing alone",
  input: bulkCountsSchema, audit: ["publicity.counts.bulk"], transactionOptions: { timeout: 30_000 },
  async run({ actor, input: { metric, updateChanged, items }, tx }) {
    const results: BulkItemResult[] = new Array(items.length);
    const parsed: { index: number; day: string; unitCode: string; count: number }[] = [];
    items.forEach((item, index) => {
      const r = bulkCountItemSchema.safeParse(item);
      if (!r.success) results[index] = { index, status: "rejected", errors: issuesOf(r.error) };
      else if (r.data.day > chinaToday()) results[index] = { index, status: "rejected", errors: [{ path: "day", code: "in_future", message: "day is in the future" }] };
      else parsed.push({ index, ...r.data, unitCode: r.data.unitCode.toUpperCase() });
    });
    const seen = new Map<string, number>();
    for (const p of parsed) seen.set(`${p.unitCode}|${p.day}`, (seen.get(`${p.unitCode}|${p.day}`) ?? 0) + 1);

    const codes = [...new Set(parsed.map((p) => p.unitCode))];
    const units = await tx.unit.findMany({ where: { code: { in: codes }, active: true, ...unitSubtree(actor.scopePath) }, select: { id: true, code: true } });
    const unitIds = new Map(units.map((u) => [u.code, u.id]));
    const rows: (CountRow & { index: number })[] = [];
    for (const p of parsed) {
      if (seen.get(`${p.unitCode}|${p.day}`)! > 1) results[p.index] = { index: p.index, status: "rejected", errors: [{ path: "day", code: "duplicate_day", message: "the same unit and day appear more than once" }] };
      else if (!unitIds.has(p.unitCode)) results[p.index] = { index: p.index, status: "rejected", errors: [{ path: "unitCode", code: "unknown_unit", message: "no such unit in your jurisdiction" }] };
      else rows.push({ index: p.index, unitId: unitIds.get(p.unitCode)!, day: p.day, count: p.count });
    }
    const statuses = await upsertCounts(tx, metric, rows, { source: "IMPORT", updateChanged });
    rows.forEach((r, i) => (results[r.index] = { index: r.index, status: statuses[i]! }));
    const summary = { ...tally(statuses), rejected: results.filter((r) => r.status === "rejected").length };
    await writeAudit(tx, actor, {
      action: "publicity.counts.bulk", success: true, entityType: "DailyCount",
      details: { metric, items: items.length, ...summary, ...dayRange(rows) },
    });
    return { metric, summary, results };
  },
});

export type DayCounts = { day: string } & Partial<Record<DailyMetric, { count: number; version: number; source: "MANUAL" | "IMPORT" }>>;

/** A unit's own counts (not its subtree's) for each day of a month, oldest first. */
export async function countsOfMonth(actor: Actor, unitCode: string, month: string): Promise<{ unit: { code: string; name: string }; days: DayCounts[] }> {
  const unit = await getDb().unit.findFirst({ where: { code: unitCode, ...unitSubtree(actor.scopePath) }, select: { id: true, code: true, name: true } });
  if (!unit) throw notFound("unit");
  const { from, to } = monthRange(month);
  const rows = await getDb().dailyCount.findMany({
    where: { unitId: unit.id, day: { gte: dayToDate(from), lte: dayToDate(to) }, ...inJurisdiction(actor) },
    select: { day: true, metric: true, count: true, version: true, source: true },
  });
  const byDay = new Map<string, DayCounts>();
  for (const r of rows) {
    const day = dateToDay(r.day);
    const entry = byDay.get(day) ?? { day };
    entry[r.metric] = { count: r.count, version: r.version, source: r.source };
    byDay.set(day, entry);
  }
  return { unit: { code: unit.code, name: unit.name }, days: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}
