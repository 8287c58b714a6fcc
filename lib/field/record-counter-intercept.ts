import "server-only";
import type { WarningStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { maskIdNumber, maskName, maskPhone } from "@/lib/pii";
import { dayToDate } from "@/lib/time/china";
import { workableUnitIds } from "@/lib/warnings/commands";
import { counterInterceptSchema } from "@/lib/field/schemas";
import { ADVANCE_AUDIT, advanceWarning, lockWarningForField } from "@/lib/field/advance-warning";
import { closeFollowUps } from "@/lib/field/follow-ups";
import { FIELD_TX } from "@/lib/field/record-home-visit";
import { closeAppFollowUpByAction } from "@/lib/appfollowups/schedule";

export type CounterInterceptResult = { id: string; warningId: string | null; warningStatus: WarningStatus | null };

/**
 * Records a counter interception (临柜拦截) for the actor's unit, by the actor. It counts as one
 * person kept from being defrauded with the amount stopped: standalone (no warning) it is counted
 * itself; when a warning of the unit preceded it, the warning is resolved DISSUADED in the same
 * transaction and counted through the warning, so nobody is counted twice.
 */
export const recordCounterIntercept = command({
  name: "field.counter_intercept", permission: "actions:write",
  summary: "Record a counter interception (临柜拦截) for the caller's unit",
  input: counterInterceptSchema, audit: ["field.counter_intercept", ...ADVANCE_AUDIT], transactionOptions: FIELD_TX, idempotent: "required",
  async run({ actor, input, tx, now }): Promise<CounterInterceptResult> {
    const unitIds = input.warningId ? await workableUnitIds(actor) : [];
    const w = input.warningId ? await lockWarningForField(tx, actor, input.warningId, unitIds) : null;
    if (w && input.occurredAt < w.receivedAt) {
      throw new AppError("VALIDATION", "the interception cannot precede the warning", [{ path: "occurredAt", code: "before_warning", message: w.receivedAt.toISOString() }]);
    }
    const action = await tx.dissuasionAction.create({
      data: {
        warningId: w?.id ?? null, unitId: actor.unitId, actorId: actor.kind === "user" ? actor.id : null,
        kind: "COUNTER_INTERCEPT", result: "DISSUADED", occurredAt: input.occurredAt, amountProtected: input.amountProtected,
        fraudType: input.fraudType, personFound: true, appRegistered: input.appRegistered, relativesContacted: input.relativesContacted,
        note: input.note, followUpOn: input.followUpOn ? dayToDate(input.followUpOn) : null,
        bankName: input.bankName, bankBranch: input.bankBranch,
        customerName: input.customerName, customerIdNumber: input.customerIdNumber ?? null, customerPhone: input.customerPhone ?? null,
      },
      select: { id: true },
    });
    const appFollowUpClosed = await closeAppFollowUpByAction(tx, actor, action.id, now);
    let warningStatus: WarningStatus | null = null;
    if (w) {
      await closeFollowUps(tx, { warningId: w.id }, { id: action.id, at: input.occurredAt, unitIds });
      warningStatus = (await advanceWarning(tx, actor, w, { resolveAs: "DISSUADED" }, input.occurredAt, now, "")).status;
    }
    await writeAudit(tx, actor, {
      action: "field.counter_intercept", success: true, entityType: "DissuasionAction", entityId: action.id,
      details: {
        warningId: w?.id, bank: input.bankName, branch: input.bankBranch, amountProtected: input.amountProtected, fraudType: input.fraudType,
        customer: maskName(input.customerName), customerIdNumber: maskIdNumber(input.customerIdNumber), customerPhone: maskPhone(input.customerPhone),
        appRegistered: input.appRegistered, followUpOn: input.followUpOn, appFollowUpClosed: appFollowUpClosed ?? undefined,
      },
    });
    return { id: action.id, warningId: w?.id ?? null, warningStatus };
  },
});
