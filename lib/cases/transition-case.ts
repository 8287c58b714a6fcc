import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { isUnder } from "@/lib/units/jurisdiction";
import { auditDenied } from "@/lib/auth/guards";
import { AppError, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { caseForWrite, recordCaseChange, type CaseForWrite } from "@/lib/cases/access";
import { caseStep, type CaseStep } from "@/lib/cases/state-machine";
import { assertFileable } from "@/lib/cases/facts";
import { uuidSchema } from "@/lib/validation/fields";
import { transitionSchema } from "@/lib/cases/schemas";

export type TransitionResult = { id: string; status: CaseStatus; version: number };

class Denied {
  constructor(readonly permission: Permission | undefined, readonly reason: string, readonly code: string) {}
}

/**
 * Moves a case one step along its state machine (CASE_TRANSITIONS). Filing decisions need
 * "cases:approve", an approver whose unit is the handling unit or above it, and someone other than
 * the investigator who submitted the case (two-person rule). Stale versions get 409.
 */
export const transitionCase = command({
  name: "case.transition", permission: "cases:write",
  summary: "Move the case one step along its state machine (filing decisions need cases:approve)",
  input: transitionSchema.extend({ id: uuidSchema }), audit: ["case.transition", "case.submitted", "case.approved", "case.rejected"],
  async run({ actor, input, tx, now }): Promise<TransitionResult> {
    const c = await caseForWrite(tx, actor, input.id, { open: false });
    if (c.version !== input.version) throw versionConflict();
    const step = caseStep(c.status, input.to);
    const denied = await checkActor(tx, actor, c, step);
    if (denied) {
      // Audited on a connection of its own: the refusal rolls this transaction back, the denial stays.
      await auditDenied(actor, { permission: denied.permission, entityType: "FraudCase", entityId: c.id });
      throw new AppError("FORBIDDEN", denied.reason, [{ path: "to", code: denied.code, message: denied.reason }]);
    }
    if (step.noteRequired && !input.note) {
      throw new AppError("VALIDATION", "this step needs a reason", [{ path: "note", code: "reason_required", message: "give the reason" }]);
    }
    if (step.to === "PENDING_APPROVAL" || step.to === "FILED") await assertFileable(tx, c.id);
    const { count } = await tx.fraudCase.updateMany({
      where: { id: c.id, version: c.version, status: c.status },
      data: { status: step.to, version: { increment: 1 }, ...stamps(step, actor, now) },
    });
    if (count === 0) throw versionConflict();
    await recordApproval(tx, actor, c, step, input.note, now);
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: step.event, action: `case.${step.event === "status_changed" ? "transition" : step.event}`,
      data: { from: c.status, to: step.to, ...(input.note ? { note: input.note } : {}) }, at: now,
    });
    return { id: c.id, status: step.to, version: c.version + 1 };
  },
});

async function checkActor(tx: Tx, actor: Actor, c: CaseForWrite, step: CaseStep): Promise<Denied | null> {
  if (!actor.permissions.has(step.permission)) return new Denied(step.permission, `missing permission ${step.permission}`, "missing_permission");
  if (step.permission !== "cases:approve") return null;
  if (actor.kind !== "user" || c.submittedById === actor.id) {
    return new Denied(undefined, "the investigator who submitted a case cannot decide on it", "two_person_rule");
  }
  // The approval chain is the handling unit and the units above it (not a side unit like the center).
  const own = await tx.unit.findUnique({ where: { id: actor.unitId }, select: { path: true } });
  const inChain = !!own && isUnder(c.unit.path, own.path);
  return inChain ? null : new Denied(undefined, "only the handling unit's chain decides on filing", "not_in_chain");
}

function stamps(step: CaseStep, actor: Actor, now: Date): Prisma.FraudCaseUpdateManyMutationInput {
  switch (step.to) {
    case "PENDING_APPROVAL":
      return { submittedAt: now, submittedById: actor.id };
    case "FILED":
      return { filedAt: now, approvedById: actor.id };
    case "SOLVED":
      return { solvedAt: now };
    case "PROSECUTED":
      return { prosecutedAt: now };
    case "CLOSED":
      return { closedAt: now };
    default:
      return {};
  }
}

/** Submitting opens an approval request; approving or rejecting decides the open one. */
async function recordApproval(tx: Tx, actor: Actor, c: CaseForWrite, step: CaseStep, note: string | undefined, now: Date) {
  if (step.event === "submitted") {
    await tx.caseApproval.create({ data: { caseId: c.id, requestedById: actor.id, requestedAt: now, note: note ?? null } });
  } else if (step.event === "approved" || step.event === "rejected") {
    const open = await tx.caseApproval.findFirst({ where: { caseId: c.id, decidedAt: null }, orderBy: { requestedAt: "desc" }, select: { id: true } });
    const decision = { decidedById: actor.id, decidedAt: now, decision: step.event === "approved" ? ("APPROVED" as const) : ("REJECTED" as const), note: note ?? null };
    if (open) await tx.caseApproval.update({ where: { id: open.id }, data: decision });
    else await tx.caseApproval.create({ data: { caseId: c.id, requestedById: c.submittedById ?? actor.id, requestedAt: now, ...decision } });
  }
}
