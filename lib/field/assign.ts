import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { applyTransition, workableUnitIds } from "@/lib/warnings/commands";
import { notifyWarningEvent } from "@/lib/warnings/events";
import { assignSchema, claimSchema } from "@/lib/field/schemas";
import { lockWarningForField, type FieldWarning } from "@/lib/field/advance-warning";

const conflict = (code: string, message: string) => new AppError("CONFLICT", message, [{ path: "assigneeId", code, message }]);

async function setAssignee(tx: Tx, actor: Actor, w: FieldWarning, userId: string, version: number, action: string): Promise<number> {
  const { count } = await tx.warning.updateMany({ where: { id: w.id, version }, data: { assigneeId: userId, version: { increment: 1 } } });
  if (count === 0) throw versionConflict();
  await writeAudit(tx, actor, { action, success: true, entityType: "Warning", entityId: w.id, details: { from: w.assigneeId, to: userId } });
  await notifyWarningEvent(tx, { kind: "changed", id: w.id, unitId: w.unitId, status: w.status, version: version + 1 });
  return version + 1;
}

/**
 * An officer takes an open warning of their precinct: an unclaimed one becomes theirs, and one
 * nobody has signed for yet is signed for (签收) by them. A warning someone else holds is a 409.
 */
export const claimWarning = command({
  name: "warning.claim", permission: "warnings:work",
  summary: "Take an open warning of the caller's precinct (signing for it when nobody has)",
  input: claimSchema, audit: ["warning.claim", "warning.transition"],
  async run({ actor, input: { id, version: expected }, tx, now }) {
    if (actor.kind !== "user") throw new AppError("FORBIDDEN", "only a person claims a warning");
    const w = await lockWarningForField(tx, actor, id, await workableUnitIds(actor));
    if (w.version !== expected) throw versionConflict();
    if (w.status === "RESOLVED") throw conflict("resolved", "a resolved warning is not claimed");
    if (w.assigneeId && w.assigneeId !== actor.id) throw conflict("claimed", "another officer holds this warning");
    const version = w.status === "PENDING"
      ? await applyTransition(tx, actor, w, "ACKNOWLEDGED", w.version, {}, now)
      : w.assigneeId === actor.id ? w.version : await setAssignee(tx, actor, w, actor.id, w.version, "warning.claim");
    return { id, assigneeId: actor.id, version };
  },
});

/** Active officers of a unit, whom its warnings can be assigned to. */
export function unitOfficers(unitId: string) {
  return getDb().user.findMany({
    where: { unitId, active: true, role: "OFFICER" },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true, displayName: true },
  });
}

/**
 * A precinct's dispatcher or senior officer (anyone holding "warnings:triage" over the warning —
 * an officer gets it as a grant) gives an open warning to a named officer of the warning's unit.
 * The status does not change: the officer signs for it when they take it up.
 */
export const assignWarning = command({
  name: "warning.assign", permission: "warnings:triage",
  summary: "Give an open warning to a named officer of its unit",
  input: assignSchema, audit: ["warning.assign"],
  async run({ actor, input, tx }) {
    const w = await lockWarningForField(tx, actor, input.id, await workableUnitIds(actor));
    if (w.version !== input.version) throw versionConflict();
    if (w.status === "RESOLVED") throw conflict("resolved", "a resolved warning is not assigned");
    const officer = await tx.user.findFirst({ where: { id: input.userId, unitId: w.unitId, active: true, role: "OFFICER" }, select: { id: true } });
    if (!officer) throw new AppError("VALIDATION", "not an officer of the warning's unit", [{ path: "userId", code: "not_unit_officer", message: "pick an active officer of the warning's unit" }]);
    const version = w.assigneeId === officer.id ? w.version : await setAssignee(tx, actor, w, officer.id, w.version, "warning.assign");
    return { id: input.id, assigneeId: officer.id, version };
  },
});
