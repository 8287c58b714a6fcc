import "server-only";
import type { RevisitOutcome, WarningOutcome, WarningStatus } from "@/lib/generated/prisma/enums";
import { AppError, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { outOfScope } from "@/lib/audit/audit-denied";
import { uuidv7 } from "@/lib/ids";
import { dayToDate } from "@/lib/time/china";
import { workableUnitIds } from "@/lib/warnings/commands";
import { ADVANCE_AUDIT, advanceWarning, lockWarningForField } from "@/lib/field/advance-warning";
import { FIELD_TX } from "@/lib/field/record-home-visit";
import { revisitOutcomeSchema } from "@/lib/revisits/schemas";

/** The reason written on the warning's reopen when a revisit finds the person defrauded after all. */
const REOPEN_NOTE = "回访发现当事人已被骗，转案件办理";

export type RevisitOutcomeResult = {
  id: string;
  outcome: RevisitOutcome;
  version: number;
  /** The next attempt, when a person not reached was rescheduled. */
  next: { id: string; dueOn: string } | null;
  /** The case a DEFRAUDED outcome opened (or the one the warning already had). */
  caseId: string | null;
  warningStatus: WarningStatus;
};

/**
 * Records a revisit's outcome (回访登记): an officer for their unit's revisits, a dispatcher for those
 * of the units whose warnings they work (the centre's own, for warnings it dissuaded itself). 已被骗 DEFRAUDED does
 * to the warning what a home visit's 已转账 does: reopened (audited, with the reason) and resolved
 * ALREADY_DEFRAUDED, which opens the case intake — all in this transaction — and cancels the
 * warning's other open revisits. 暂时找不到 TEMP_UNREACHABLE may schedule the next attempt. Any other
 * outcome leaves the warning as it is (the last revisit done reopens nothing).
 */
export const recordRevisitOutcome = command({
  name: "revisit.outcome", permission: ["warnings:work", "warnings:triage"],
  summary: "Record a revisit's outcome (已被骗 opens a case intake; 暂时找不到 may reschedule)",
  input: revisitOutcomeSchema, audit: ["revisit.outcome", ...ADVANCE_AUDIT], transactionOptions: FIELD_TX, idempotent: true,
  async run({ actor, input, tx, now }): Promise<RevisitOutcomeResult> {
    const unitIds = await workableUnitIds(actor);
    // The warning first (row-locked), as every field write takes it, then the revisit: this outcome
    // and a resolution of the warning (which cancels its open revisits) run one after the other, so
    // an attempt rescheduled here is there for the resolution to cancel, and a revisit the
    // resolution cancelled first is read here as cancelled.
    const [held] = await tx.$queryRaw<{ status: WarningStatus; outcome: WarningOutcome | null }[]>`
      SELECT w.status, w.outcome FROM warnings w JOIN revisits r ON r."warningId" = w.id
       WHERE r.id = ${input.id}::uuid AND r."unitId" = ANY(${unitIds}::uuid[]) FOR UPDATE OF w`;
    const r = held ? await tx.revisit.findFirst({
      where: { id: input.id, unitId: { in: unitIds } },
      select: { id: true, warningId: true, unitId: true, officerId: true, sequence: true, attempt: true, status: true, version: true },
    }) : null;
    if (!held || !r) throw await outOfScope(actor, "Revisit", input.id, async () => (await tx.revisit.count({ where: { id: input.id } })) > 0);
    if (r.status !== "OPEN") {
      throw new AppError("CONFLICT", "the revisit is no longer open", [{ path: "status", code: r.status === "DONE" ? "revisit_done" : "revisit_cancelled", message: r.status }]);
    }
    if (r.version !== input.version) throw versionConflict();
    // A revisit left open on a warning resolved otherwise (before external transfers cancelled
    // theirs) is not made again: nobody here is to visit that person any more.
    const reschedule = input.outcome === "TEMP_UNREACHABLE" ? input.rescheduleOn : undefined;
    if (reschedule && held.status === "RESOLVED" && held.outcome !== "DISSUADED") {
      throw new AppError("CONFLICT", "the warning is no longer dissuaded", [{ path: "rescheduleOn", code: "warning_not_dissuaded", message: held.outcome ?? held.status }]);
    }
    // 已被骗 moves the warning: the field write's view of it, in the actor's jurisdiction.
    const w = input.outcome === "DEFRAUDED" ? await lockWarningForField(tx, actor, r.warningId, unitIds) : null;
    const { count } = await tx.revisit.updateMany({
      where: { id: r.id, version: input.version, status: "OPEN" },
      data: { status: "DONE", outcome: input.outcome, note: input.note ?? null, doneAt: now, doneById: actor.kind === "user" ? actor.id : null, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();

    let next: RevisitOutcomeResult["next"] = null;
    if (reschedule) {
      const created = await tx.revisit.create({
        data: {
          id: uuidv7(now.getTime()), warningId: r.warningId, unitId: r.unitId, officerId: r.officerId ?? (actor.kind === "user" ? actor.id : null),
          sequence: r.sequence, attempt: r.attempt + 1, dueOn: dayToDate(reschedule),
        },
        select: { id: true },
      });
      next = { id: created.id, dueOn: reschedule };
    }
    let warningStatus: WarningStatus;
    if (w) {
      const note = input.note ? `${REOPEN_NOTE}：${input.note}`.slice(0, 2000) : REOPEN_NOTE;
      warningStatus = (await advanceWarning(tx, actor, w, { resolveAs: "ALREADY_DEFRAUDED" }, now, now, note)).status;
    }
    const after = await tx.warning.findUniqueOrThrow({ where: { id: r.warningId }, select: { status: true, caseId: true } });
    warningStatus ??= after.status;
    await writeAudit(tx, actor, {
      action: "revisit.outcome", success: true, entityType: "Revisit", entityId: r.id,
      details: { warningId: r.warningId, sequence: r.sequence, attempt: r.attempt, outcome: input.outcome, note: input.note, rescheduleOn: input.rescheduleOn, nextId: next?.id, caseId: input.outcome === "DEFRAUDED" ? after.caseId : undefined },
    });
    return { id: r.id, outcome: input.outcome, version: input.version + 1, next, caseId: after.caseId, warningStatus };
  },
});
