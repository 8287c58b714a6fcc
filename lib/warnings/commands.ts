import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, versionConflict } from "@/lib/errors";
import { requireAnyPermission } from "@/lib/auth/guards";
import { outOfScope } from "@/lib/audit/audit-denied";
import { writeAudit } from "@/lib/audit/write-audit";
import type { WarningStatus } from "@/lib/generated/prisma/enums";
import { acceptsActions, assertTransition, isReopen } from "@/lib/warnings/state-machine";
import { nextStep } from "@/lib/warnings/sla";
import { dispatchSchema, logActionSchema, transitionSchema } from "@/lib/warnings/schemas";
import { routingTable, scopeUnitIds } from "@/lib/units/jurisdiction";
import { bulkSelectionSchema, logCallSchema, type LogActionInput } from "@/lib/warnings/schemas";
import { uuidSchema } from "@/lib/validation/fields";
import { command } from "@/lib/commands/command";
import { notifyWarningEvent } from "@/lib/warnings/events";
import { openCaseFromWarning } from "@/lib/cases/open-case-from-warning";
import { CASE_INTAKE_AUDIT } from "@/lib/cases/create-case";
import { cancelRevisits, scheduleRevisits } from "@/lib/revisits/schedule";
import { stopLadder } from "@/lib/outbound/ladder";
import { queueFeedback } from "@/lib/feedback/queue";

/** A signed-in person (not an API key, not the command line). */
const isPerson = (actor: Actor) => actor.kind === "user" && actor.role !== null;
import { openAppFollowUp, withdrawAppFollowUp } from "@/lib/appfollowups/schedule";

/** Dispatchers work the whole jurisdiction; precinct officers their own unit's warnings. */
export async function workableUnitIds(actor: Actor): Promise<string[]> {
  await requireAnyPermission(actor, ["warnings:triage", "warnings:work"]);
  return actor.permissions.has("warnings:triage") ? scopeUnitIds(actor.scopePath) : [actor.unitId];
}

/**
 * The warning's state as a transition needs it, if it is in one of the units. A plain read that
 * takes no row lock: applyTransition's update on (id, version) is what turns a concurrent change
 * into a 409 (lib/field locks the row first, with SELECT … FOR UPDATE, where it needs to).
 */
export const warningForTransition = (tx: Tx, id: string, unitIds: string[]) =>
  tx.warning.findFirst({
    where: { id, unitId: { in: unitIds } },
    select: {
      id: true, status: true, version: true, unitId: true, fraudType: true, victimName: true, victimPhone: true, victimIdNumber: true,
      amountAtRisk: true, receivedAt: true, ackDueAt: true, contactDueAt: true, resolveDueAt: true, acknowledgedAt: true,
      firstContactAt: true, resolvedAt: true, caseId: true,
    },
  });

export type WarningForTransition = NonNullable<Awaited<ReturnType<typeof warningForTransition>>>;

/**
 * Applies one state change inside the caller's transaction: SLA clocks, history row, audit, live
 * event (and the case, when resolved as already defrauded). `version` must be the warning's
 * current version; returns the new one. Exported for domains that move a warning as part of a
 * larger write (lib/field: a home visit resolves the warning it records).
 */
export async function applyTransition(
  tx: Tx, actor: Actor, w: WarningForTransition, to: WarningStatus, version: number,
  extra: { outcome?: "DISSUADED" | "ALREADY_DEFRAUDED" | "UNREACHABLE" | "FALSE_POSITIVE"; note?: string }, now: Date,
): Promise<number> {
  assertTransition(w.status, to, extra);
  const reopen = isReopen(w.status, to);
  const clocks = {
    acknowledgedAt: to === "ACKNOWLEDGED" ? now : w.acknowledgedAt,
    firstContactAt: to === "IN_PROGRESS" && !w.firstContactAt ? now : w.firstContactAt,
    resolvedAt: to === "RESOLVED" ? now : reopen ? null : w.resolvedAt,
  };
  const step = nextStep({ ...w, ...clocks, status: to });
  const { count } = await tx.warning.updateMany({
    where: { id: w.id, version },
    data: {
      status: to, ...clocks, slaDueAt: step?.dueAt ?? null,
      outcome: to === "RESOLVED" ? extra.outcome : reopen ? null : undefined,
      // The signer holds the warning only in their own unit: the centre signing for a precinct's
      // warning leaves it to the precinct's officers to claim.
      ...(to === "ACKNOWLEDGED" && actor.kind === "user" && actor.role && actor.unitId === w.unitId ? { assigneeId: actor.id } : {}),
      version: { increment: 1 },
    },
  });
  if (count === 0) throw versionConflict();
  // A person moved the warning: the dissuasion ladder's automatic steps stop.
  if (isPerson(actor)) await stopLadder(tx, w.id, now, `status:${to}`);
  await tx.warningTransition.create({ data: { warningId: w.id, fromStatus: w.status, toStatus: to, outcome: extra.outcome, note: extra.note, actorId: actor.id, at: now } });
  let caseId = w.caseId;
  if (to === "RESOLVED" && extra.outcome === "ALREADY_DEFRAUDED" && !caseId) {
    caseId = (await openCaseFromWarning(tx, actor, { ...w, amountAtRisk: w.amountAtRisk?.toFixed(2) ?? null })).id;
  }
  // The one place revisits (回访) follow a resolution: DISSUADED schedules them, any other outcome
  // cancels those still open.
  let revisits: { scheduled?: number; cancelled?: number } = {};
  if (to === "RESOLVED") {
    revisits = extra.outcome === "DISSUADED" ? { scheduled: await scheduleRevisits(tx, actor, w.id, now) } : { cancelled: await cancelRevisits(tx, w.id, now) || undefined };
  }
  // …and the person's one app follow-up (APP回访), unless they have one already; any other outcome
  // takes back the one this warning's earlier dissuasion opened.
  const appFollowUpId = to === "RESOLVED" && extra.outcome === "DISSUADED" ? await openAppFollowUp(tx, actor, w.id, now) : null;
  const appFollowUpWithdrawn = to === "RESOLVED" && extra.outcome !== "DISSUADED" ? await withdrawAppFollowUp(tx, w.id) : null;
  // 签收 and the result go back to a national or provincial source (the outbox, lib/feedback).
  if (to === "ACKNOWLEDGED" || to === "RESOLVED") await queueFeedback(tx, w.id, to, now);
  await writeAudit(tx, actor, {
    action: reopen ? "warning.reopen" : "warning.transition", success: true, entityType: "Warning", entityId: w.id,
    details: { from: w.status, to, outcome: extra.outcome, caseId: caseId ?? undefined, revisitsScheduled: revisits.scheduled || undefined, revisitsCancelled: revisits.cancelled, appFollowUpId: appFollowUpId ?? undefined, appFollowUpWithdrawn: appFollowUpWithdrawn ?? undefined },
  });
  await notifyWarningEvent(tx, { kind: "changed", id: w.id, unitId: w.unitId, status: to, version: version + 1 });
  return version + 1;
}

/** Moves a warning along its state machine (stale version → 409, forbidden step → 409). */
export const transitionWarning = command({
  name: "warning.transition", permission: ["warnings:triage", "warnings:work"],
  summary: "Move a warning along its state machine",
  // Resolving as already defrauded opens the case in the same transaction.
  input: transitionSchema.extend({ id: uuidSchema }), audit: ["warning.transition", "warning.reopen", ...CASE_INTAKE_AUDIT],
  async run({ actor, input, tx, now }) {
    const w = await warningForTransition(tx, input.id, await workableUnitIds(actor));
    if (!w) throw await outOfScope(actor, "Warning", input.id, async () => (await tx.warning.count({ where: { id: input.id } })) > 0);
    if (w.version !== input.version) throw versionConflict();
    const version = await applyTransition(tx, actor, w, input.to, input.version, input, now);
    return { id: input.id, status: input.to, version };
  },
});

/** A dissuasion action's write, shared by the API's command and the warning page's call form. */
async function recordAction(tx: Tx, actor: Actor, id: string, input: LogActionInput, now: Date) {
  const w = await warningForTransition(tx, id, await workableUnitIds(actor));
  if (!w) throw await outOfScope(actor, "Warning", id, async () => (await tx.warning.count({ where: { id } })) > 0);
  if (!acceptsActions(w.status)) {
    throw new AppError("CONFLICT", "sign for the warning before logging actions", [{ path: "status", code: w.status === "PENDING" ? "not_acknowledged" : "resolved", message: w.status }]);
  }
  if (input.occurredAt && input.occurredAt < w.receivedAt) {
    throw new AppError("VALIDATION", "the action cannot precede the warning", [{ path: "occurredAt", code: "before_warning", message: w.receivedAt.toISOString() }]);
  }
  const action = await tx.dissuasionAction.create({
    data: {
      warningId: w.id, unitId: actor.unitId, actorId: actor.kind === "user" && actor.role ? actor.id : null,
      kind: input.kind, result: input.result, occurredAt: input.occurredAt ?? now, durationSeconds: input.durationSeconds,
      amountProtected: input.amountProtected ?? "0", note: input.note,
      followUpOn: input.followUpOn ? new Date(`${input.followUpOn}T00:00:00Z`) : undefined,
    },
    select: { id: true },
  });
  if (isPerson(actor)) await stopLadder(tx, w.id, now, `action:${input.kind}:${input.result}`);
  let version = w.version;
  if (w.status === "ACKNOWLEDGED") {
    version = await applyTransition(tx, actor, { ...w, firstContactAt: w.firstContactAt ?? (input.occurredAt ?? now) }, "IN_PROGRESS", w.version, {}, now);
  } else if (!w.firstContactAt) {
    const { count } = await tx.warning.updateMany({ where: { id: w.id, version: w.version }, data: { firstContactAt: input.occurredAt ?? now, version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    version++;
  } else {
    // Still in the status read above: a resolution committed meanwhile refuses the action (409) and
    // the transaction takes it back. Another action logged meanwhile does not.
    const { count } = await tx.warning.updateMany({ where: { id: w.id, status: w.status }, data: { version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    version++;
  }
  await writeAudit(tx, actor, {
    action: "warning.action", success: true, entityType: "DissuasionAction", entityId: action.id,
    details: { warningId: w.id, kind: input.kind, result: input.result, amountProtected: input.amountProtected ?? "0" },
  });
  return { id: action.id, warningVersion: version };
}

/**
 * Logs a dissuasion action (a 96110 call, a visit …) against a warning. The first action is the
 * first contact: an acknowledged warning moves to 劝阻中 with it. Officers and dispatchers only:
 * an investigator's actions:write is for cases (workableUnitIds refuses them, audited).
 */
export const logWarningAction = command({
  name: "warning.action", permission: ["warnings:triage", "warnings:work"],
  summary: "Log a dissuasion action against a warning",
  // Logged on a warning one works: its scope is the worker's (workableUnitIds).
  input: logActionSchema.extend({ id: uuidSchema }), audit: ["warning.action", "warning.transition"],
  run: ({ actor, input: { id, ...input }, tx, now }) => recordAction(tx, actor, id, input, now),
});

/** The warning page's call form: the same write, its duration typed in minutes. */
export const logWarningCall = command({
  name: "warning.call", permission: ["warnings:triage", "warnings:work"],
  summary: "Log a call against a warning (duration in minutes)",
  // Logged on a warning one works: its scope is the worker's (workableUnitIds).
  input: logCallSchema.extend({ id: uuidSchema }), audit: ["warning.action", "warning.transition"],
  run: ({ actor, input: { id, durationMinutes, ...input }, tx, now }) =>
    recordAction(tx, actor, id, { ...input, durationSeconds: durationMinutes === undefined ? undefined : Math.round(durationMinutes * 60) }, now),
});

/** Hands a warning to a precinct (or back to a branch) of the dispatcher's jurisdiction. */
export const dispatchWarning = command({
  name: "warning.dispatch", permission: "warnings:triage",
  summary: "Dispatch a warning to a unit of the jurisdiction",
  input: dispatchSchema.extend({ id: uuidSchema }), audit: ["warning.dispatch"],
  async run({ actor, input: { id, ...input }, tx, now }) {
    const unitIds = await scopeUnitIds(actor.scopePath);
    const target = (await routingTable()).byCode.get(input.unitCode);
    if (!target || !target.active || !unitIds.includes(target.id)) {
      throw new AppError("VALIDATION", "unknown unit", [{ path: "unitCode", code: "unknown_unit", message: `no active unit ${input.unitCode} in your jurisdiction` }]);
    }
    const w = await warningForTransition(tx, id, unitIds);
    if (!w) throw await outOfScope(actor, "Warning", id, async () => (await tx.warning.count({ where: { id } })) > 0);
    if (w.status === "RESOLVED") throw new AppError("CONFLICT", "a resolved warning is not dispatched", [{ path: "status", code: "resolved", message: "resolved" }]);
    const { count } = await tx.warning.updateMany({
      where: { id, version: input.version },
      data: { unitId: target.id, routedBy: "MANUAL", dispatchedAt: now, dispatchNote: input.note ?? null, assigneeId: null, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, { action: "warning.dispatch", success: true, entityType: "Warning", entityId: id, details: { from: w.unitId, to: target.id, unitCode: target.code, note: input.note } });
    await notifyWarningEvent(tx, { kind: "changed", id, unitId: target.id, status: w.status, version: input.version + 1 });
    return { id, unitCode: target.code, version: input.version + 1 };
  },
});

/** "Take next": signs for the most urgent pending warning nobody has taken (safe under concurrency). */
export const takeNextWarning = command({
  name: "warning.take_next", permission: ["warnings:triage", "warnings:work"],
  summary: "Sign for the most urgent pending warning nobody has taken",
  input: z.object({}).strict(), audit: ["warning.transition"],
  async run({ actor, tx, now }) {
    const unitIds = await workableUnitIds(actor);
    const [next] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM warnings
       WHERE "unitId" = ANY(${unitIds}::uuid[]) AND status = 'PENDING' AND "assigneeId" IS NULL
         AND "queueRank" IS NOT NULL -- every unresolved warning: the open queue's own index (as the queue)
       ORDER BY "queueRank" ASC, priority DESC, id ASC
       LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!next) return null;
    const w = await warningForTransition(tx, next.id, unitIds);
    if (!w) return null;
    const version = await applyTransition(tx, actor, w, "ACKNOWLEDGED", w.version, {}, now);
    return { id: w.id, version };
  },
});

/** A bulk action's answer: how many went through and how many did not (changed meanwhile, out of reach …). */
export type BulkResult = { done: number; failed: number };

/**
 * 签收 several warnings at once, each in its own transaction: each one that changed meanwhile is
 * counted as failed, the rest go through. One audited denial for the whole batch, not one per item.
 */
export const bulkAcknowledgeWarnings = command({
  name: "warning.bulk_acknowledge", permission: ["warnings:triage", "warnings:work"],
  summary: "Sign for several warnings at once",
  input: z.object({ items: bulkSelectionSchema }).strict(), audit: ["warning.transition"], transaction: "own",
  async run({ actor, input, now }): Promise<BulkResult> {
    let done = 0;
    for (const it of input.items) {
      await transitionWarning(actor, { id: it.id, to: "ACKNOWLEDGED", version: it.version }, { now }).then(() => done++, () => {});
    }
    return { done, failed: input.items.length - done };
  },
});

/** Dispatches several warnings to one unit, each in its own transaction. */
export const bulkDispatchWarnings = command({
  name: "warning.bulk_dispatch", permission: "warnings:triage",
  summary: "Dispatch several warnings to one unit",
  input: dispatchSchema.omit({ version: true }).extend({ items: bulkSelectionSchema }), audit: ["warning.dispatch"], transaction: "own",
  async run({ actor, input: { items, ...rest }, now }): Promise<BulkResult> {
    let done = 0;
    for (const it of items) {
      await dispatchWarning(actor, { ...rest, id: it.id, version: it.version }, { now }).then(() => done++, () => {});
    }
    return { done, failed: items.length - done };
  },
});
