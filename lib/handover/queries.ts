import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { redactText } from "@/lib/security/redact";
import { unitSubtree, scopeUnitIds } from "@/lib/units/jurisdiction";
import { chinaDayStart, chinaToday } from "@/lib/time/china";
import { openWork, overdueWarnings, promises, workloadOf, type Workload } from "@/lib/handover/board";
import { requirePermission } from "@/lib/auth/guards";
import { defaultShiftStart } from "@/lib/handover/commands";

const handoverSelect = {
  id: true, version: true, unitId: true, outgoingId: true, shiftStart: true, shiftEnd: true, note: true, createdAt: true, acknowledgedAt: true,
  openCount: true, pendingCount: true, overdueCount: true, criticalCount: true, promisedCount: true, missedCount: true,
  signedCount: true, dispatchedCount: true, resolvedCount: true, callCount: true,
  unit: { select: { name: true } },
  outgoing: { select: { displayName: true } },
  acknowledgedBy: { select: { displayName: true } },
} as const;

type Row = Awaited<ReturnType<typeof findHandovers>>[number];
const findHandovers = (actor: Actor, take: number) =>
  getDb().handover.findMany({ where: { unit: unitSubtree(actor.scopePath) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: handoverSelect });

/** A handover as the page shows it: names, times, the snapshot, and the note with numbers masked. */
function toHandover(r: Row, actor: Actor) {
  return {
    id: r.id, version: r.version, unitName: r.unit.name, outgoing: r.outgoing.displayName,
    shiftStart: r.shiftStart.toISOString(), shiftEnd: r.shiftEnd.toISOString(), createdAt: r.createdAt.toISOString(),
    note: r.note ? redactText(r.note) : null,
    counts: {
      open: r.openCount, pending: r.pendingCount, overdue: r.overdueCount, critical: r.criticalCount, promised: r.promisedCount, missed: r.missedCount,
      signed: r.signedCount, dispatched: r.dispatchedCount, resolved: r.resolvedCount, calls: r.callCount,
    },
    acknowledgedBy: r.acknowledgedBy?.displayName ?? null,
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    mine: r.outgoingId === actor.id,
    /** Whether this actor is the one who may take it over: the same desk, someone else's, still open. */
    canAcknowledge: actor.permissions.has("handover:write") && !r.acknowledgedAt && r.outgoingId !== actor.id && r.unitId === actor.unitId,
  };
}

export type HandoverView = ReturnType<typeof toHandover>;
export type WorkloadRow = Workload & { userId: string; name: string; unitName: string; me: boolean };

/** The recent handovers of the jurisdiction, the newest first. */
export async function listHandovers(actor: Actor, take = 20): Promise<HandoverView[]> {
  await requirePermission(actor, "handover:read");
  return (await findHandovers(actor, take)).map((r) => toHandover(r, actor));
}

/** Each dispatcher of the jurisdiction and what they did today (China day), the busiest first. */
export async function workloadToday(actor: Actor, now = new Date()): Promise<WorkloadRow[]> {
  await requirePermission(actor, "handover:read");
  const users = await getDb().user.findMany({
    where: { active: true, unit: unitSubtree(actor.scopePath), OR: [{ role: "DISPATCHER" }, { grants: { has: "warnings:triage" } }] },
    select: { id: true, displayName: true, unit: { select: { name: true } } },
    orderBy: { displayName: "asc" },
    take: 200,
  });
  const counts = await workloadOf(getDb(), users.map((u) => u.id), chinaDayStart(chinaToday(now)), now);
  const total = (w: Workload) => w.signed + w.dispatched + w.resolved + w.calls;
  return users
    .map((u) => ({ userId: u.id, name: u.displayName, unitName: u.unit.name, me: u.id === actor.id, ...counts.get(u.id)! }))
    .sort((a, b) => total(b) - total(a));
}

/** Everything the 交接班 page shows: the live picture, the actor's shift so far, and the recent handovers. */
export async function handoverBoard(actor: Actor, now = new Date()) {
  await requirePermission(actor, "handover:read");
  const unitIds = await scopeUnitIds(actor.scopePath);
  const writer = actor.permissions.has("handover:write");
  const shiftStart = writer ? await defaultShiftStart(getDb(), actor, now) : null;
  const [work, overdue, promised, workload, history, mine] = await Promise.all([
    openWork(getDb(), unitIds, now),
    overdueWarnings(getDb(), unitIds, now),
    promises(getDb(), unitIds, now),
    workloadToday(actor, now),
    listHandovers(actor),
    shiftStart ? workloadOf(getDb(), [actor.id], shiftStart, now) : null,
  ]);
  return {
    work, overdue, promised, workload, history,
    awaiting: history.filter((h) => h.canAcknowledge),
    myOpen: history.find((h) => h.mine && !h.acknowledgedAt) ?? null,
    myShift: shiftStart && mine ? { start: shiftStart.toISOString(), ...mine.get(actor.id)! } : null,
  };
}
