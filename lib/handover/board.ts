import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { ActionKind, RiskLevel, SlaStep, FraudType, WarningStatus } from "@/lib/generated/prisma/enums";
import { addDays, chinaToday, dateToDay, dayToDate } from "@/lib/time/china";

// The duty shift's picture of a jurisdiction (交接班): the open work a shift hands on, the promises
// it made (follow-up visits and call-backs), and what each dispatcher did in a time window. Every
// function takes the ids of the units in the caller's jurisdiction; the callers scope.

/** Kinds of follow-up that are a call back (回拨) rather than a visit (回访). */
export const CALL_KINDS: readonly ActionKind[] = ["HOTLINE_CALL", "SMS", "ROBOT_CALL", "VIDEO_CALL", "RELATIVE_CONTACT"];

const open = { status: { not: "RESOLVED" as const } };

/** A promise is open until a later visit closes it, and counts when due by the end of tomorrow. */
const promisedBy = (unitIds: string[], now: Date) => ({
  unitId: { in: unitIds },
  followUpDoneAt: null,
  followUpOn: { not: null, lte: dayToDate(addDays(chinaToday(now), 1)) },
});

export type OpenWork = { open: number; pending: number; overdue: number; critical: number; promised: number; missed: number };

/** The jurisdiction's open work now: what the next shift inherits. */
export async function openWork(tx: DbOrTx, unitIds: string[], now: Date): Promise<OpenWork> {
  const scoped = { unitId: { in: unitIds }, ...open };
  const [openCount, pending, overdue, critical, promised, missed] = await Promise.all([
    tx.warning.count({ where: scoped }),
    tx.warning.count({ where: { ...scoped, status: "PENDING" } }),
    tx.warning.count({ where: { ...scoped, slaDueAt: { lt: now } } }),
    tx.warning.count({ where: { ...scoped, riskLevel: "CRITICAL" } }),
    tx.dissuasionAction.count({ where: promisedBy(unitIds, now) }),
    tx.dissuasionAction.count({ where: { ...promisedBy(unitIds, now), followUpOn: { not: null, lt: dayToDate(chinaToday(now)) } } }),
  ]);
  return { open: openCount, pending, overdue, critical, promised, missed };
}

export type OverdueItem = {
  id: string; riskLevel: RiskLevel; fraudType: FraudType; status: WarningStatus; step: SlaStep; unitName: string; minutesLate: number;
};

const STEP_OF: Record<Exclude<WarningStatus, "RESOLVED">, SlaStep> = { PENDING: "ACK", ACKNOWLEDGED: "CONTACT", IN_PROGRESS: "RESOLVE" };

/** The most overdue open warnings, the latest first in line: no personal data, only what and where. */
export async function overdueWarnings(tx: DbOrTx, unitIds: string[], now: Date, take = 10): Promise<OverdueItem[]> {
  const rows = await tx.warning.findMany({
    where: { unitId: { in: unitIds }, ...open, slaDueAt: { lt: now } },
    orderBy: [{ slaDueAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true, riskLevel: true, fraudType: true, status: true, slaDueAt: true, unit: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id, riskLevel: r.riskLevel, fraudType: r.fraudType, status: r.status,
    step: STEP_OF[r.status as keyof typeof STEP_OF] ?? "RESOLVE",
    unitName: r.unit.name, minutesLate: Math.floor((now.getTime() - r.slaDueAt!.getTime()) / 60_000),
  }));
}

export type PromiseItem = {
  id: string; warningId: string | null; kind: ActionKind; callBack: boolean; on: string; missed: boolean; unitName: string; by: string | null;
};

/** Follow-up visits and call-backs due by the end of tomorrow, the oldest first. */
export async function promises(tx: DbOrTx, unitIds: string[], now: Date, take = 20): Promise<PromiseItem[]> {
  const today = chinaToday(now);
  const rows = await tx.dissuasionAction.findMany({
    where: promisedBy(unitIds, now),
    orderBy: [{ followUpOn: "asc" }, { occurredAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true, warningId: true, kind: true, followUpOn: true, unit: { select: { name: true } }, actor: { select: { displayName: true } } },
  });
  return rows.map((r) => {
    const on = dateToDay(r.followUpOn!);
    return { id: r.id, warningId: r.warningId, kind: r.kind, callBack: CALL_KINDS.includes(r.kind), on, missed: on < today, unitName: r.unit.name, by: r.actor?.displayName ?? null };
  });
}

export type Workload = { signed: number; dispatched: number; resolved: number; calls: number };
const none = (): Workload => ({ signed: 0, dispatched: 0, resolved: 0, calls: 0 });

/**
 * What each of the users did in [from, to): warnings signed for (签收) and resolved (their
 * transitions), dispatched to a unit (the audited dispatches: a dispatch is recorded nowhere else
 * with its actor) and 96110 calls logged.
 */
export async function workloadOf(tx: DbOrTx, userIds: string[], from: Date, to: Date): Promise<Map<string, Workload>> {
  const out = new Map(userIds.map((id) => [id, none()]));
  if (userIds.length === 0) return out;
  const at = { gte: from, lt: to };
  const [transitions, dispatches, calls] = await Promise.all([
    tx.warningTransition.groupBy({
      by: ["actorId", "toStatus"], where: { actorId: { in: userIds }, at, toStatus: { in: ["ACKNOWLEDGED", "RESOLVED"] } }, _count: { _all: true },
    }),
    tx.auditLog.groupBy({ by: ["actorId"], where: { actorId: { in: userIds }, at, action: "warning.dispatch", success: true }, _count: { _all: true } }),
    tx.dissuasionAction.groupBy({ by: ["actorId"], where: { actorId: { in: userIds }, occurredAt: at, kind: "HOTLINE_CALL" }, _count: { _all: true } }),
  ]);
  for (const t of transitions) {
    const w = out.get(t.actorId!)!;
    if (t.toStatus === "ACKNOWLEDGED") w.signed += t._count._all;
    else w.resolved += t._count._all;
  }
  for (const d of dispatches) out.get(d.actorId!)!.dispatched += d._count._all;
  for (const c of calls) out.get(c.actorId!)!.calls += c._count._all;
  return out;
}
