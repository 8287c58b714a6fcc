import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit/write-audit";
import { chinaToday, dateToDay, dayToDate } from "@/lib/time/china";
import { addWorkingDays, DUE_SOON_WORKING_DAYS, deadlineFlag, type DeadlineFlag } from "@/lib/appeals/deadline";
import { OPEN_APPEAL_STATUSES } from "@/lib/appeals/schemas";

export const APPEAL_DEADLINE_NOTIFICATIONS = { dueSoon: "appeal_due_soon", overdue: "appeal_overdue" } as const;
export const appealDeadlineKey = (appealId: string, flag: NonNullable<DeadlineFlag>) => `appeal-${flag}:${appealId}`;

/** Roles that handle a unit's measures (publicity:write) and so its appeals. */
const HANDLERS = ["OFFICER", "DISPATCHER"] as const;

/**
 * The periodic check of open appeals (the scheduler calls it; `now` is injectable for tests), as
 * flagExpiringFreezes does for freezes: an appeal within DUE_SOON_WORKING_DAYS working days of its
 * deadline, and again once past it, notifies whoever registered it and the measure unit's
 * handlers, once per flag. Idempotent: notifications are keyed per appeal and flag.
 */
export async function flagAppealDeadlines(now: Date = new Date()): Promise<{ dueSoon: number; overdue: number }> {
  const db = getDb();
  const today = chinaToday(now);
  const system: AuditActor = { ip: null, requestId: randomUUID(), name: "scheduler" };
  const rows = await db.appeal.findMany({
    where: { status: { in: [...OPEN_APPEAL_STATUSES] }, deadlineOn: { lte: dayToDate(addWorkingDays(today, DUE_SOON_WORKING_DAYS)) } },
    select: { id: true, deadlineOn: true, registeredById: true, measure: { select: { id: true, unitId: true, unit: { select: { parentId: true } } } } },
    take: 1000,
  });
  const counts = { dueSoon: 0, overdue: 0 };
  for (const a of rows) {
    const flag = deadlineFlag(dateToDay(a.deadlineOn), today);
    if (!flag) continue;
    counts[flag] += await db.$transaction((tx) => notify(tx, system, a, flag));
  }
  return counts;
}

async function notify(
  tx: Tx, system: AuditActor, a: { id: string; deadlineOn: Date; registeredById: string; measure: { id: string; unitId: string; unit: { parentId: string | null } } }, flag: NonNullable<DeadlineFlag>,
): Promise<number> {
  const handlers = await handlersOf(tx, a.measure.unitId, a.measure.unit.parentId);
  // The registrar may be an API key (no notifications): only users receive them.
  const registrar = await tx.user.findFirst({ where: { id: a.registeredById, active: true }, select: { id: true } });
  const recipients = [...new Set([...(registrar ? [registrar.id] : []), ...handlers])];
  const data = { measureId: a.measure.id, deadlineOn: dateToDay(a.deadlineOn) };
  const { count } = await tx.notification.createMany({
    data: recipients.map((userId) => ({ userId, kind: APPEAL_DEADLINE_NOTIFICATIONS[flag], dedupeKey: appealDeadlineKey(a.id, flag), entityType: "Appeal", entityId: a.id, data })),
    skipDuplicates: true,
  });
  if (count === 0) return 0;
  await writeAudit(tx, system, { action: "publicity.appeal.deadline_flagged", success: true, entityType: "Appeal", entityId: a.id, details: { flag, ...data, recipients: count } });
  return 1;
}

/** The active handlers of the measure's unit; a unit without any hands the notice to its parent's. */
async function handlersOf(tx: Tx, unitId: string, parentId: string | null): Promise<string[]> {
  for (const id of [unitId, parentId]) {
    if (!id) continue;
    const users = await tx.user.findMany({ where: { unitId: id, role: { in: [...HANDLERS] }, active: true }, select: { id: true } });
    if (users.length) return users.map((u) => u.id);
  }
  return [];
}
