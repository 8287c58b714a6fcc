import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { WarningStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import { dayToDate } from "@/lib/time/china";
import { workableUnitIds } from "@/lib/warnings/commands";
import { homeVisitSchema, idOf, type HomeVisitInput } from "@/lib/field/schemas";
import { warningEffect } from "@/lib/field/outcome";
import { FIELD_TX, replayOf, storedKey, submitHash } from "@/lib/field/idempotency";
import { advanceWarning, lockWarningForField } from "@/lib/field/advance-warning";
import { closeFollowUps } from "@/lib/field/follow-ups";
import { requirePermission } from "@/lib/auth/guards";

export type HomeVisitResult = { id: string; warningId: string; status: WarningStatus; caseId: string | null; replayed: boolean };

/** The reason written on a reopen when a later visit finds the person already defrauded. */
const REOPEN_NOTE = "上门回访发现当事人已被骗，转案件办理";

/** The DissuasionAction columns a visit fills (shared with the follow-up visit of a standalone record). */
export function visitData(actor: Actor, input: HomeVisitInput, key: string) {
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
    idempotencyKey: key,
  };
}

/** The audit details of a visit: no personal data, only what happened. */
export const visitAudit = (input: HomeVisitInput, extra: Record<string, unknown>) => ({
  outcome: input.outcome, personFound: input.personFound, amountProtected: input.amountProtected ?? "0",
  appRegistered: input.appRegistered, relativesContacted: input.relativesContacted, followUpOn: input.followUpOn, ...extra,
});

async function answer(tx: Tx, id: string, warningId: string, replayed: boolean): Promise<HomeVisitResult> {
  const w = await tx.warning.findUniqueOrThrow({ where: { id: warningId }, select: { status: true, caseId: true } });
  return { id, warningId, status: w.status, caseId: w.caseId, replayed };
}

/**
 * Records a home visit (上门劝阻) to a warning of the officer's precinct and moves the warning in the
 * same transaction (see lib/field/outcome.ts for what each outcome does). The submit's key makes
 * it idempotent: a replay answers the first record and writes nothing. A visit closes the
 * warning's open follow-ups: it is the later visit they were waiting for.
 */
export async function recordHomeVisit(actor: Actor, warningId: string, raw: unknown, rawKey: unknown, now = new Date()): Promise<HomeVisitResult> {
  await requirePermission(actor, "actions:write");
  idOf(warningId);
  const key = storedKey(actor, rawKey);
  const unitIds = await workableUnitIds(actor);
  return getDb().$transaction(async (tx) => {
    const replay = await replayOf(tx, key, { kind: "HOME_VISIT", warningId }, raw);
    if (replay) return answer(tx, replay.id, warningId, true);
    const input = parseInput(homeVisitSchema, raw);
    const w = await lockWarningForField(tx, actor, warningId, unitIds);
    if (input.arrivedAt < w.receivedAt) {
      throw new AppError("VALIDATION", "the visit cannot precede the warning", [{ path: "arrivedAt", code: "before_warning", message: w.receivedAt.toISOString() }]);
    }
    const action = await tx.dissuasionAction.create({
      data: { ...visitData(actor, input, key), idempotencyHash: submitHash(raw), warningId: w.id, fraudType: input.fraudType ?? w.fraudType },
      select: { id: true },
    });
    const closed = await closeFollowUps(tx, { warningId: w.id }, { id: action.id, at: input.arrivedAt, unitIds });
    const effect = warningEffect(input.outcome, !!input.followUpOn);
    const moved = await advanceWarning(tx, actor, w, effect, input.arrivedAt, now, input.note ? `${REOPEN_NOTE}：${input.note}`.slice(0, 2000) : REOPEN_NOTE);
    // Nobody held it (a dispatched warning): the officer who went takes it, within this same change.
    if (!w.assigneeId && actor.kind === "user" && actor.permissions.has("warnings:work")) {
      await tx.warning.updateMany({ where: { id: w.id, assigneeId: null }, data: { assigneeId: actor.id } });
    }
    await writeAudit(tx, actor, {
      action: "field.home_visit", success: true, entityType: "DissuasionAction", entityId: action.id,
      details: visitAudit(input, { warningId: w.id, from: w.status, to: moved.status, followUpsClosed: closed }),
    });
    return answer(tx, action.id, w.id, false);
  }, FIELD_TX);
}
