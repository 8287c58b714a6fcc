import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { writeAudit } from "@/lib/audit/write-audit";
import { unitSubtree, scopeUnitIds } from "@/lib/units/jurisdiction";
import { openWork, workloadOf } from "@/lib/handover/board";
import { acknowledgeHandoverSchema, createHandoverSchema, MAX_SHIFT_HOURS } from "@/lib/handover/schemas";

const HOUR = 3_600_000;
/** Where a shift is taken to begin when nothing says otherwise. */
const DEFAULT_SHIFT_HOURS = 12;

/**
 * When the actor's shift began, as far as the records know: when they took over their desk (the
 * handover they acknowledged), else when a colleague last handed the desk over, else twelve hours
 * ago — never more than MAX_SHIFT_HOURS back.
 */
export async function defaultShiftStart(tx: DbOrTx, actor: Actor, now: Date): Promise<Date> {
  const since = new Date(now.getTime() - MAX_SHIFT_HOURS * HOUR);
  const [taken, last] = await Promise.all([
    tx.handover.findFirst({ where: { acknowledgedById: actor.id, acknowledgedAt: { gte: since, lte: now } }, orderBy: { acknowledgedAt: "desc" }, select: { acknowledgedAt: true } }),
    tx.handover.findFirst({ where: { unitId: actor.unitId, outgoingId: { not: actor.id }, shiftEnd: { gte: since, lte: now } }, orderBy: { shiftEnd: "desc" }, select: { shiftEnd: true } }),
  ]);
  return taken?.acknowledgedAt ?? last?.shiftEnd ?? new Date(now.getTime() - DEFAULT_SHIFT_HOURS * HOUR);
}

const conflict = (code: string, message: string) => new AppError("CONFLICT", message, [{ path: "id", code, message }]);

/**
 * 交班: the outgoing dispatcher hands their desk on. The jurisdiction's open work and what they did
 * in the shift are counted in the same transaction as the handover is written and audited. One open
 * handover per person: a second (a double submit) is refused until the first is acknowledged.
 */
export const createHandover = command({
  name: "handover.create", permission: "handover:write",
  summary: "Hand one's desk over to the next shift (交班)",
  input: createHandoverSchema, audit: ["handover.create"],
  async run({ actor, input, tx, now }): Promise<{ id: string }> {
    const unitIds = await scopeUnitIds(actor.scopePath);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`handover:${actor.id}`})::bigint)`;
    const pending = await tx.handover.findFirst({ where: { outgoingId: actor.id, acknowledgedAt: null }, select: { id: true } });
    if (pending) throw conflict("open_handover", "your previous handover has not been acknowledged yet");
    const shiftStart = input.shiftStart ?? (await defaultShiftStart(tx, actor, now));
    if (shiftStart.getTime() >= now.getTime()) {
      throw new AppError("VALIDATION", "invalid input", [{ path: "shiftStart", code: "in_future", message: "the shift must start before now" }]);
    }
    if (shiftStart.getTime() < now.getTime() - MAX_SHIFT_HOURS * HOUR) {
      throw new AppError("VALIDATION", "invalid input", [{ path: "shiftStart", code: "shift_too_long", message: `a shift covers at most ${MAX_SHIFT_HOURS} hours` }]);
    }
    const [work, mine] = await Promise.all([openWork(tx, unitIds, now), workloadOf(tx, [actor.id], shiftStart, now)]);
    const done = mine.get(actor.id)!;
    const counts = {
      openCount: work.open, pendingCount: work.pending, overdueCount: work.overdue, criticalCount: work.critical,
      promisedCount: work.promised, missedCount: work.missed,
      signedCount: done.signed, dispatchedCount: done.dispatched, resolvedCount: done.resolved, callCount: done.calls,
    };
    const h = await tx.handover.create({
      data: { unitId: actor.unitId, outgoingId: actor.id, shiftStart, shiftEnd: now, note: input.note || null, ...counts, createdAt: now },
      select: { id: true },
    });
    // The note is free text: the trail records that there was one, not what it says.
    await writeAudit(tx, actor, { action: "handover.create", success: true, entityType: "Handover", entityId: h.id, details: { ...counts, shiftStart: shiftStart.toISOString(), note: !!input.note } });
    return h;
  },
});

/**
 * 接班: the incoming dispatcher confirms they have read the handover. Only a colleague at the same
 * desk (unit) may, never its author, and only once.
 */
export const acknowledgeHandover = command({
  name: "handover.acknowledge", permission: "handover:write",
  summary: "Take over the desk a colleague handed over (接班)",
  input: acknowledgeHandoverSchema, audit: ["handover.acknowledge"],
  async run({ actor, input, tx, now }): Promise<{ id: string; version: number }> {
    const h = await tx.handover.findFirst({
      where: { id: input.id, unit: unitSubtree(actor.scopePath) },
      select: { id: true, unitId: true, outgoingId: true, acknowledgedAt: true, version: true },
    });
    if (!h) throw await outOfScope(actor, "Handover", input.id, async () => (await tx.handover.count({ where: { id: input.id } })) > 0);
    if (h.outgoingId === actor.id) throw conflict("own_handover", "the outgoing dispatcher cannot acknowledge their own handover");
    if (h.unitId !== actor.unitId) throw conflict("other_desk", "only a dispatcher of the handover's own unit takes it over");
    if (h.acknowledgedAt) throw conflict("already_acknowledged", "the handover has already been acknowledged");
    const { count } = await tx.handover.updateMany({
      where: { id: h.id, version: input.version, acknowledgedAt: null },
      data: { acknowledgedById: actor.id, acknowledgedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, { action: "handover.acknowledge", success: true, entityType: "Handover", entityId: h.id, details: { outgoingId: h.outgoingId } });
    return { id: h.id, version: input.version + 1 };
  },
});
