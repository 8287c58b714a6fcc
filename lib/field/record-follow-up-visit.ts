import "server-only";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { writeAudit } from "@/lib/audit/write-audit";
import { followUpVisitSchema } from "@/lib/field/schemas";
import { closeAppFollowUpByAction } from "@/lib/appfollowups/schedule";
import { closeFollowUps } from "@/lib/field/follow-ups";
import { FIELD_TX, HOME_VISIT_AUDIT, visitAudit, visitData, visitWarning } from "@/lib/field/record-home-visit";

export type FollowUpVisitResult = { id: string; warningId: string | null };

/**
 * The follow-up visit a record of the officer's unit scheduled. For a warning's record this is a
 * home visit to that warning. A standalone record (a counter interception) has no warning: the
 * visit is recorded standalone too, for the same customer, and closes the record's follow-up.
 */
export const recordFollowUpVisit = command({
  name: "field.follow_up_visit", permission: ["warnings:work", "warnings:triage"],
  summary: "Record the follow-up visit a record of the caller's unit scheduled",
  // A follow-up visit is a home visit: the same people make it.
  input: followUpVisitSchema, audit: ["field.follow_up_visit", ...HOME_VISIT_AUDIT], transactionOptions: FIELD_TX, idempotent: "required",
  async run({ actor, input: { id: originId, ...input }, tx, now }): Promise<FollowUpVisitResult> {
    const origin = await tx.dissuasionAction.findFirst({ where: { id: originId, unitId: actor.unitId }, select: { id: true, warningId: true } });
    if (!origin) throw await outOfScope(actor, "DissuasionAction", originId, async () => (await tx.dissuasionAction.count({ where: { id: originId } })) > 0);
    if (origin.warningId) {
      const r = await visitWarning(tx, actor, origin.warningId, input, now);
      return { id: r.id, warningId: r.warningId };
    }
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
        ...visitData(actor, input), warningId: null, fraudType: input.fraudType ?? o.fraudType,
        customerName: o.customerName, customerIdNumber: o.customerIdNumber, customerPhone: o.customerPhone,
      },
      select: { id: true },
    });
    const closed = await closeFollowUps(tx, { id: origin.id }, { id: action.id, at: input.arrivedAt, unitIds: [actor.unitId] });
    const appFollowUpClosed = await closeAppFollowUpByAction(tx, actor, action.id, now);
    await writeAudit(tx, actor, {
      action: "field.follow_up_visit", success: true, entityType: "DissuasionAction", entityId: action.id,
      details: visitAudit(input, { followUpOf: origin.id, followUpsClosed: closed, appFollowUpClosed: appFollowUpClosed ?? undefined }),
    });
    return { id: action.id, warningId: null };
  },
});
