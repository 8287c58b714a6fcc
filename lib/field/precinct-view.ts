import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { outOfScope } from "@/lib/audit/audit-denied";
import { command } from "@/lib/commands/command";
import { maskName } from "@/lib/pii";
import { chinaDayStart, chinaToday } from "@/lib/time/china";
import { routingTable, scopeUnitIds } from "@/lib/units/jurisdiction";
import { toWarningRow, warningRowSelect } from "@/lib/warnings/dto";
import { precinctQuerySchema } from "@/lib/field/schemas";
import { listFollowUps } from "@/lib/field/follow-ups";
import { OPEN_STATUSES } from "@/lib/field/my-tasks";
import { openAppFollowUps } from "@/lib/appfollowups/queries";
import { revisitsByUnit, unitRevisitSummary } from "@/lib/revisits/queries";

const DAY_MS = 86_400_000;

/** The unit the view is about: an officer's own; a dispatcher's pick inside the jurisdiction. */
async function viewedUnit(actor: Actor, code: string | undefined) {
  const table = await routingTable();
  if (!code || code === actor.unitCode) return { id: actor.unitId, code: actor.unitCode, name: actor.unitName };
  const u = table.byCode.get(code);
  if (!u) throw notFound("unit");
  if (!actor.permissions.has("warnings:triage") || !(await scopeUnitIds(actor.scopePath)).includes(u.id)) {
    throw await outOfScope(actor, "Unit", u.id, async () => true);
  }
  return { id: u.id, code: u.code, name: u.name };
}

/**
 * The precinct at a glance: today's visits and interceptions with what they achieved, the open
 * warnings per officer (and how many are past their SLA), the warnings breaching now, and the
 * revisits (回访) due today and overdue.
 */
export const precinctView = command({
  name: "field.precinct", permission: ["warnings:work", "warnings:triage"],
  summary: "A precinct at a glance: today's field work, open warnings per officer, breaches",
  input: precinctQuerySchema, audit: false,
  run: async ({ actor, input: q, now }) => {
    const unit = await viewedUnit(actor, q.unit);
    const today = chinaToday(now);
    const dayStart = chinaDayStart(today);
    const todays = { unitId: unit.id, kind: { in: ["HOME_VISIT" as const, "COUNTER_INTERCEPT" as const] }, occurredAt: { gte: dayStart, lt: new Date(dayStart.getTime() + DAY_MS) } };
    const open = { unitId: unit.id, status: { in: [...OPEN_STATUSES] } };
    const db = getDb();
    const [visits, totals, apps, byOfficer, overdueByOfficer, breaching, breachesToday, followUps, revisits, appFollowUps] = await Promise.all([
      db.dissuasionAction.findMany({
        where: todays, orderBy: [{ occurredAt: "desc" }, { id: "asc" }], take: 200,
        select: {
          id: true, kind: true, result: true, occurredAt: true, amountProtected: true, appRegistered: true, warningId: true, bankName: true, customerName: true,
          actor: { select: { displayName: true } }, warning: { select: { victimName: true } },
        },
      }),
      db.dissuasionAction.aggregate({ where: todays, _count: { _all: true }, _sum: { amountProtected: true } }),
      db.dissuasionAction.count({ where: { ...todays, appRegistered: true } }),
      db.warning.groupBy({ by: ["assigneeId"], where: open, _count: { _all: true } }),
      db.warning.groupBy({ by: ["assigneeId"], where: { ...open, slaDueAt: { lt: now } }, _count: { _all: true } }),
      db.warning.findMany({ where: { ...open, slaDueAt: { lt: now } }, orderBy: [{ slaDueAt: "asc" }, { id: "asc" }], take: 100, select: warningRowSelect }),
      db.slaBreach.count({ where: { unitId: unit.id, breachedAt: { gte: dayStart } } }),
      listFollowUps(actor, now, unit.id),
      unitRevisitSummary(actor, unit.id, now),
      openAppFollowUps(actor, unit.id),
    ]);
    // A dispatcher also sees where revisits are due across the jurisdiction.
    const revisitUnits = actor.permissions.has("warnings:triage") ? await revisitsByUnit(actor, now) : null;
    const ids = byOfficer.map((o) => o.assigneeId).filter((x): x is string => !!x);
    const names = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
    const overdue = new Map(overdueByOfficer.map((o) => [o.assigneeId, o._count._all]));
    return {
      unit,
      today,
      visits: visits.map((v) => ({
        id: v.id, kind: v.kind, result: v.result, occurredAt: v.occurredAt.toISOString(), amountProtected: v.amountProtected.toFixed(2),
        appRegistered: v.appRegistered, warningId: v.warningId, bankName: v.bankName, officer: v.actor?.displayName ?? null,
        person: maskName(v.warning ? v.warning.victimName : v.customerName),
      })),
      totals: { visits: totals._count._all, amountProtected: (totals._sum.amountProtected ?? 0).toFixed(2), appRegistrations: apps, breachesToday },
      byOfficer: byOfficer
        .map((o) => ({ officerId: o.assigneeId, name: o.assigneeId ? names.get(o.assigneeId) ?? null : null, open: o._count._all, overdue: overdue.get(o.assigneeId) ?? 0 }))
        .sort((a, b) => (a.officerId === null ? -1 : b.officerId === null ? 1 : b.open - a.open)),
      breaching: breaching.map(toWarningRow),
      missedFollowUps: followUps.filter((f) => f.state === "missed"),
      revisits,
      revisitUnits,
      // The unit's people dissuaded with no anti-fraud app recorded (APP回访).
      appFollowUps,
    };
  },
});

export type PrecinctView = Awaited<ReturnType<typeof precinctView>>;
