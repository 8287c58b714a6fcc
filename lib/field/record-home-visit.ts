import "server-only";
import { type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { WarningStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { dayToDate } from "@/lib/time/china";
import { workableUnitIds } from "@/lib/warnings/commands";
import { warningVisitSchema, type HomeVisitInput } from "@/lib/field/schemas";
import { warningEffect } from "@/lib/field/outcome";
import { ADVANCE_AUDIT, advanceWarning, lockWarningForField } from "@/lib/field/advance-warning";
import { closeFollowUps } from "@/lib/field/follow-ups";
import { closeAppFollowUpByAction } from "@/lib/appfollowups/schedule";
import { stopLadder } from "@/lib/outbound/ladder";

export type HomeVisitResult = { id: string; warningId: string; status: WarningStatus; caseId: string | null };

/** Waiting replays hold a transaction each: give them time to queue behind the first. */
export const FIELD_TX = { maxWait: 15_000, timeout: 20_000 } as const;

/** What a home visit audits: the visit, and what it does to its warning. */
export const HOME_VISIT_AUDIT = ["field.home_visit", ...ADVANCE_AUDIT] as const;

/** The reason written on a reopen when a later visit finds the person already defrauded. */
const REOPEN_NOTE = "上门回访发现当事人已被骗，转案件办理";

/** The DissuasionAction columns a visit fills (shared with the follow-up visit of a standalone record). */
export function visitData(actor: Actor, input: HomeVisitInput) {
  return {
    unitId: actor.unitId,
    actorId: actor.kind === "user" ? actor.id : null,
    kind: "HOME_VISIT" as const,
    result: input.outcome,
    occurredAt: input.arrivedAt,
    amountProtected: input.amountProtected ?? "0",
    personFound: input.personFound,
    appRegistered: input.appRegistered,
    relativesContacted: input.relativesContacted,
    note: input.note,
    followUpOn: input.followUpOn ? dayToDate(input.followUpOn) : null,
  };
}

/** The audit details of a visit: no personal data, only what happened. */
export const visitAudit = (input: HomeVisitInput, extra: Record<string, unknown>) => ({
  outcome: input.outcome, personFound: input.personFound, amountProtected: input.amountProtected ?? "0",
  appRegistered: input.appRegistered, relativesContacted: input.relativesContacted, followUpOn: input.followUpOn, ...extra,
});

/** The visit to a warning, in the caller's transaction (a follow-up visit of a warning's record is one too). */
export async function visitWarning(tx: Tx, actor: Actor, warningId: string, input: HomeVisitInput, now: Date): Promise<HomeVisitResult> {
  const unitIds = await workableUnitIds(actor);
  const w = await lockWarningForField(tx, actor, warningId, unitIds);
  if (input.arrivedAt < w.receivedAt) {
    throw new AppError("VALIDATION", "the visit cannot precede the warning", [{ path: "arrivedAt", code: "before_warning", message: w.receivedAt.toISOString() }]);
  }
  const action = await tx.dissuasionAction.create({
    data: { ...visitData(actor, input), warningId: w.id, fraudType: input.fraudType ?? w.fraudType },
    select: { id: true },
  });
  const closed = await closeFollowUps(tx, { warningId: w.id }, { id: action.id, at: input.arrivedAt, unitIds });
  const appFollowUpClosed = await closeAppFollowUpByAction(tx, actor, action.id, now);
  // The officer went: the ladder's automatic rungs stop (its visit task is taken up).
  if (actor.kind === "user") await stopLadder(tx, w.id, now, `action:HOME_VISIT:${input.outcome}`);
  const effect = warningEffect(input.outcome, !!input.followUpOn);
  const moved = await advanceWarning(tx, actor, w, effect, input.arrivedAt, now, input.note ? `${REOPEN_NOTE}：${input.note}`.slice(0, 2000) : REOPEN_NOTE);
  // Nobody held it (a dispatched warning): the officer who went takes it, within this same change.
  if (!w.assigneeId && actor.kind === "user" && actor.permissions.has("warnings:work")) {
    await tx.warning.updateMany({ where: { id: w.id, assigneeId: null }, data: { assigneeId: actor.id } });
  }
  await writeAudit(tx, actor, {
    action: "field.home_visit", success: true, entityType: "DissuasionAction", entityId: action.id,
    details: visitAudit(input, { warningId: w.id, from: w.status, to: moved.status, followUpsClosed: closed, appFollowUpClosed: appFollowUpClosed ?? undefined }),
  });
  const after = await tx.warning.findUniqueOrThrow({ where: { id: w.id }, select: { status: true, caseId: true } });
  return { id: action.id, warningId: w.id, status: after.status, caseId: after.caseId };
}

/**
 * Records a home visit (上门劝阻) to a warning of the officer's precinct and moves the warning in the
 * same transaction (see lib/field/outcome.ts for what each outcome does). The submit's key makes
 * it idempotent: a replay answers the first record and writes nothing. A visit closes the
 * warning's open follow-ups: it is the later visit they were waiting for.
 */
export const recordHomeVisit = command({
  name: "field.home_visit", permission: ["warnings:work", "warnings:triage"],
  summary: "Record a home visit (上门劝阻) to a warning and move the warning",
  // Whoever works the warning visits it (a precinct officer, or a dispatcher who holds triage over it).
  input: warningVisitSchema, audit: HOME_VISIT_AUDIT, transactionOptions: FIELD_TX, idempotent: "required",
  run: ({ actor, input: { id, ...visit }, tx, now }) => visitWarning(tx, actor, id, visit, now),
});
