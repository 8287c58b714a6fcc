// Moving a warning along its state machine because of a field record (a home visit, a counter
// interception), inside the transaction that writes the record. Every step goes through the
// warnings domain's applyTransition: same SLA clocks, history rows, audit, live events, case.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { WarningOutcome, WarningStatus } from "@/lib/generated/prisma/enums";
import type { ResolveOutcome } from "@/lib/warnings/state-machine";
import { outOfScope } from "@/lib/audit/audit-denied";
import { versionConflict } from "@/lib/errors";
import { applyTransition, warningForTransition, type WarningForTransition } from "@/lib/warnings/commands";
import { notifyWarningEvent } from "@/lib/warnings/events";
import type { WarningEffect } from "@/lib/field/outcome";
import { CASE_INTAKE_AUDIT } from "@/lib/cases/create-case";

/** What advanceWarning audits: the steps (a reopen among them) and the case ALREADY_DEFRAUDED opens. */
export const ADVANCE_AUDIT = ["warning.transition", "warning.reopen", ...CASE_INTAKE_AUDIT] as const;

/** The warning, row-locked for the rest of the transaction, or the 404 (audited when it exists elsewhere). */
export async function lockWarningForField(tx: Tx, actor: Actor, id: string, unitIds: string[]) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM warnings WHERE id = ${id}::uuid AND "unitId" = ANY(${unitIds}::uuid[]) FOR UPDATE`;
  const w = rows.length ? await warningForTransition(tx, id, unitIds) : null;
  if (!w) throw await outOfScope(actor, "Warning", id, async () => (await tx.warning.count({ where: { id } })) > 0);
  const extra = await tx.warning.findUniqueOrThrow({ where: { id }, select: { outcome: true, assigneeId: true } });
  return { ...w, ...extra };
}

export type FieldWarning = WarningForTransition & { outcome: WarningOutcome | null; assigneeId: string | null };

const later = (a: Date, b: Date | null) => (b && b > a ? b : a);

/**
 * Applies a field record to its warning. `at` is when the officer met (or looked for) the person:
 * a warning nobody had signed for is signed for then, and that is its first contact. A resolving
 * effect resolves an open warning; a resolved warning stays resolved, except that finding the
 * person already defrauded reopens it (audited, with the reason) and resolves it again as
 * ALREADY_DEFRAUDED so the case is opened. Returns the warning's new status and version.
 */
export async function advanceWarning(
  tx: Tx, actor: Actor, w: FieldWarning, effect: WarningEffect, at: Date, now: Date, reopenNote: string,
): Promise<{ status: WarningStatus; version: number }> {
  let cur: WarningForTransition = w;
  let version = w.version;
  const step = async (to: WarningStatus, extra: { outcome?: ResolveOutcome; note?: string }, when: Date, patch: Partial<WarningForTransition> = {}) => {
    const base = { ...cur, ...patch };
    version = await applyTransition(tx, actor, base, to, version, extra, when);
    cur = { ...base, status: to, version };
  };

  if (cur.status === "PENDING") await step("ACKNOWLEDGED", {}, at, {});
  if (cur.status === "PENDING" || cur.status === "ACKNOWLEDGED") {
    const contact = later(at, cur.acknowledgedAt ?? at);
    await step("IN_PROGRESS", {}, contact, { acknowledgedAt: cur.acknowledgedAt ?? at, firstContactAt: cur.firstContactAt ?? contact });
  } else if (cur.status === "IN_PROGRESS" && !cur.firstContactAt) {
    const { count } = await tx.warning.updateMany({ where: { id: w.id, version }, data: { firstContactAt: at, version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    version++;
  }

  if ("resolveAs" in effect) {
    if (cur.status === "IN_PROGRESS") {
      await step("RESOLVED", { outcome: effect.resolveAs }, now);
    } else if (cur.status === "RESOLVED" && effect.resolveAs === "ALREADY_DEFRAUDED" && w.outcome !== "ALREADY_DEFRAUDED") {
      await step("IN_PROGRESS", { note: reopenNote }, now);
      await step("RESOLVED", { outcome: "ALREADY_DEFRAUDED" }, now);
    }
  }
  if (version === w.version) {
    // A record on a warning that does not move (a follow-up of a resolved one): other screens
    // showing the warning must still see that it changed.
    const { count } = await tx.warning.updateMany({ where: { id: w.id, version }, data: { version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    version++;
    await notifyWarningEvent(tx, { kind: "changed", id: w.id, unitId: w.unitId, status: cur.status, version });
  }
  return { status: cur.status, version };
}
