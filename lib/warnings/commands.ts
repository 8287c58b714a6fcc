import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, versionConflict } from "@/lib/errors";
import { requireAnyPermission, requirePermission } from "@/lib/auth/guards";
import { outOfScope } from "@/lib/audit/audit-denied";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import type { WarningStatus } from "@/lib/generated/prisma/enums";
import { assertTransition, isReopen } from "@/lib/warnings/state-machine";
import { nextStep } from "@/lib/warnings/sla";
import { dispatchSchema, logActionSchema, transitionSchema } from "@/lib/warnings/schemas";
import { routingTable, scopeUnitIds } from "@/lib/units/jurisdiction";
import { notifyWarningEvent } from "@/lib/warnings/events";
import { openCaseFromWarning } from "@/lib/cases/open-case-from-warning";

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
  await tx.warningTransition.create({ data: { warningId: w.id, fromStatus: w.status, toStatus: to, outcome: extra.outcome, note: extra.note, actorId: actor.id, at: now } });
  let caseId = w.caseId;
  if (to === "RESOLVED" && extra.outcome === "ALREADY_DEFRAUDED" && !caseId) {
    caseId = (await openCaseFromWarning(tx, actor, { ...w, amountAtRisk: w.amountAtRisk?.toFixed(2) ?? null })).id;
  }
  await writeAudit(tx, actor, {
    action: reopen ? "warning.reopen" : "warning.transition", success: true, entityType: "Warning", entityId: w.id,
    details: { from: w.status, to, outcome: extra.outcome, caseId: caseId ?? undefined },
  });
  await notifyWarningEvent(tx, { kind: "changed", id: w.id, unitId: w.unitId, status: to, version: version + 1 });
  return version + 1;
}

/** Moves a warning along its state machine (stale version → 409, forbidden step → 409). */
export async function transitionWarning(actor: Actor, id: string, raw: unknown, now = new Date()) {
  const unitIds = await workableUnitIds(actor);
  const input = parseInput(transitionSchema, raw);
  return getDb().$transaction(async (tx) => {
    const w = await warningForTransition(tx, id, unitIds);
    if (!w) throw await outOfScope(actor, "Warning", id, async () => (await tx.warning.count({ where: { id } })) > 0);
    if (w.version !== input.version) throw versionConflict();
    const version = await applyTransition(tx, actor, w, input.to, input.version, input, now);
    return { id, status: input.to, version };
  });
}

/**
 * Logs a dissuasion action (a 96110 call, a visit …) against a warning. The first action is the
 * first contact: an acknowledged warning moves to 劝阻中 with it.
 */
export async function logWarningAction(actor: Actor, id: string, raw: unknown, now = new Date()) {
  const unitIds = await workableUnitIds(actor);
  const input = parseInput(logActionSchema, raw);
  return getDb().$transaction(async (tx) => {
    const w = await warningForTransition(tx, id, unitIds);
    if (!w) throw await outOfScope(actor, "Warning", id, async () => (await tx.warning.count({ where: { id } })) > 0);
    if (w.status === "PENDING" || w.status === "RESOLVED") {
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
    let version = w.version;
    if (w.status === "ACKNOWLEDGED") {
      version = await applyTransition(tx, actor, { ...w, firstContactAt: w.firstContactAt ?? (input.occurredAt ?? now) }, "IN_PROGRESS", w.version, {}, now);
    } else if (!w.firstContactAt) {
      const { count } = await tx.warning.updateMany({ where: { id: w.id, version: w.version }, data: { firstContactAt: input.occurredAt ?? now, version: { increment: 1 } } });
      if (count === 0) throw versionConflict();
      version++;
    } else {
      await tx.warning.update({ where: { id: w.id }, data: { version: { increment: 1 } } });
      version++;
    }
    await writeAudit(tx, actor, {
      action: "warning.action", success: true, entityType: "DissuasionAction", entityId: action.id,
      details: { warningId: w.id, kind: input.kind, result: input.result, amountProtected: input.amountProtected ?? "0" },
    });
    return { id: action.id, warningVersion: version };
  });
}

/** Hands a warning to a precinct (or back to a branch) of the dispatcher's jurisdiction. */
export async function dispatchWarning(actor: Actor, id: string, raw: unknown, now = new Date()) {
  await requirePermission(actor, "warnings:triage");
  const input = parseInput(dispatchSchema, raw);
  const unitIds = await scopeUnitIds(actor.scopePath);
  const target = (await routingTable(getDb())).byCode.get(input.unitCode);
  if (!target || !target.active || !unitIds.includes(target.id)) {
    throw new AppError("VALIDATION", "unknown unit", [{ path: "unitCode", code: "unknown_unit", message: `no active unit ${input.unitCode} in your jurisdiction` }]);
  }
  return getDb().$transaction(async (tx) => {
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
  });
}

/** "Take next": signs for the most urgent pending warning nobody has taken (safe under concurrency). */
export async function takeNextWarning(actor: Actor, now = new Date()) {
  const unitIds = await workableUnitIds(actor);
  return getDb().$transaction(async (tx) => {
    const [next] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM warnings
       WHERE "unitId" = ANY(${unitIds}::uuid[]) AND status = 'PENDING' AND "assigneeId" IS NULL
       ORDER BY "queueRank" ASC, priority DESC, id ASC
       LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!next) return null;
    const w = await warningForTransition(tx, next.id, unitIds);
    if (!w) return null;
    const version = await applyTransition(tx, actor, w, "ACKNOWLEDGED", w.version, {}, now);
    return { id: w.id, version };
  });
}
