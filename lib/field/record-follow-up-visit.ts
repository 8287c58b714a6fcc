import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { outOfScope } from "@/lib/audit/audit-denied";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import { homeVisitSchema, idOf } from "@/lib/field/schemas";
import { FIELD_TX, replayOf, storedKey, submitHash } from "@/lib/field/idempotency";
import { closeFollowUps } from "@/lib/field/follow-ups";
import { recordHomeVisit, visitAudit, visitData } from "@/lib/field/record-home-visit";
import { requirePermission } from "@/lib/auth/guards";

export type FollowUpVisitResult = { id: string; warningId: string | null; replayed: boolean };

/**
 * The follow-up visit a record of the officer's unit scheduled. For a warning's record this is a
 * home visit to that warning. A standalone record (a counter interception) has no warning: the
 * visit is recorded standalone too, for the same customer, and closes the record's follow-up.
 */
export async function recordFollowUpVisit(actor: Actor, originId: string, raw: unknown, rawKey: unknown, now = new Date()): Promise<FollowUpVisitResult> {
  await requirePermission(actor, "actions:write");
  idOf(originId);
  const key = storedKey(actor, rawKey);
  const db = getDb();
  const origin = await db.dissuasionAction.findFirst({ where: { id: originId, unitId: actor.unitId }, select: { id: true, warningId: true } });
  if (!origin) throw await outOfScope(actor, "DissuasionAction", originId, async () => (await db.dissuasionAction.count({ where: { id: originId } })) > 0);
  if (origin.warningId) {
    const r = await recordHomeVisit(actor, origin.warningId, raw, rawKey, now);
    return { id: r.id, warningId: r.warningId, replayed: r.replayed };
  }
  return db.$transaction(async (tx) => {
    const replay = await replayOf(tx, key, { kind: "HOME_VISIT", warningId: null }, raw);
    if (replay) return { id: replay.id, warningId: null, replayed: true };
    const input = parseInput(homeVisitSchema, raw);
    await tx.$executeRaw`SELECT id FROM dissuasion_actions WHERE id = ${origin.id}::uuid FOR UPDATE`;
    const o = await tx.dissuasionAction.findUniqueOrThrow({
      where: { id: origin.id },
      select: { occurredAt: true, fraudType: true, customerName: true, customerIdNumber: true, customerPhone: true, followUpOn: true, followUpDoneAt: true },
    });
    if (!o.followUpOn || o.followUpDoneAt) {
      throw new AppError("CONFLICT", "no open follow-up on this record", [{ path: "followUpOn", code: "no_open_follow_up", message: "already done or never scheduled" }]);
    }
    if (input.arrivedAt < o.occurredAt) {
      throw new AppError("VALIDATION", "the visit cannot precede the record", [{ path: "arrivedAt", code: "before_origin", message: o.occurredAt.toISOString() }]);
    }
    const action = await tx.dissuasionAction.create({
      data: {
        ...visitData(actor, input, key), idempotencyHash: submitHash(raw), warningId: null, fraudType: input.fraudType ?? o.fraudType,
        customerName: o.customerName, customerIdNumber: o.customerIdNumber, customerPhone: o.customerPhone,
      },
      select: { id: true },
    });
    const closed = await closeFollowUps(tx, { id: origin.id }, { id: action.id, at: input.arrivedAt, unitIds: [actor.unitId] });
    await writeAudit(tx, actor, {
      action: "field.follow_up_visit", success: true, entityType: "DissuasionAction", entityId: action.id,
      details: visitAudit(input, { followUpOf: origin.id, followUpsClosed: closed }),
    });
    return { id: action.id, warningId: null, replayed: false };
  }, FIELD_TX);
}
