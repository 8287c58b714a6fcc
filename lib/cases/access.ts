// What every case write starts with: the case, found inside the actor's jurisdiction (else 404),
// and what every write ends with: one timeline event and one audit record, in the same transaction.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { outOfScope } from "@/lib/audit/audit-denied";
import { writeAudit } from "@/lib/audit/write-audit";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { isTerminal } from "@/lib/cases/state-machine";
import { canonical, MAX_MONEY_FEN, toFen } from "@/lib/cases/money";

export type CaseForWrite = {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  unitId: string;
  submittedById: string | null;
  unit: { id: string; code: string; path: string };
};

/**
 * The case, locked for the rest of the transaction (so concurrent writes to it queue up), or a
 * 404 when it does not exist or lies outside the actor's jurisdiction.
 */
export async function caseForWrite(tx: Tx, actor: Actor, rawId: string, opts: { open?: boolean } = {}): Promise<CaseForWrite> {
  const id = recordId(rawId, "case");
  // Lock, then read: the write we queued behind may have closed the case or transferred it out of
  // the jurisdiction, and a row read before the lock would not show it. The lock is by id alone
  // because jurisdiction is a check on the case's unit, made here on the row read once locked.
  await tx.$queryRaw`SELECT id FROM cases WHERE id = ${id}::uuid FOR UPDATE`;
  const c = await tx.fraudCase.findFirst({
    where: { id, ...inJurisdiction(actor) },
    select: { id: true, caseNumber: true, status: true, version: true, unitId: true, submittedById: true, unit: { select: { id: true, code: true, path: true } } },
  });
  // Before any audit write of this transaction: the denial is audited in a transaction of its own.
  if (!c) throw await caseOutOfScope(actor, id);
  if (opts.open !== false && isTerminal(c.status)) {
    throw new AppError("CONFLICT", `case ${c.caseNumber} is ${c.status}: nothing more can be added`, [
      { path: "_", code: "case_closed", message: "the case is closed" },
    ]);
  }
  return c;
}

/** The 404 for a case the actor may not see; an existing one is audited as a denial (SECURITY.md B7). */
export const caseOutOfScope = (actor: Actor, id: string) =>
  outOfScope(actor, "FraudCase", id, async () => (await getDb().fraudCase.count({ where: { id } })) > 0);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL or form: anything that is not a uuid names no record (404, not a database error). */
export function recordId(id: string, what: string): string {
  if (typeof id !== "string" || !UUID.test(id)) throw notFound(what);
  return id;
}

/** The user id to stamp on rows (an API key is not a user). */
export const actorUserId = (actor: Actor): string | null => (actor.kind === "user" ? actor.id : null);

/**
 * Appends a timeline event and the matching audit record. `data` is shown to every reader of the
 * case: it must hold masked values only.
 */
export async function recordCaseChange(
  tx: Tx,
  actor: Actor,
  change: { caseId: string; kind: string; data: Prisma.InputJsonObject; action: string; entityType?: string; entityId?: string; at?: Date },
): Promise<void> {
  await tx.caseEvent.create({
    data: { caseId: change.caseId, kind: change.kind, data: change.data, actorId: actorUserId(actor), ...(change.at ? { at: change.at } : {}) },
  });
  await writeAudit(tx, actor, {
    action: change.action,
    success: true,
    entityType: change.entityType ?? "FraudCase",
    entityId: change.entityId ?? change.caseId,
    details: { caseId: change.caseId, ...change.data },
  });
}

/** A 422 on one field, the way parseInput reports them. */
export const invalidField = (path: string, code: string, message = code) => new AppError("VALIDATION", message, [{ path, code, message }]);

/** Recomputes the case's loss as the SQL sum of its victims' losses (exact decimals). */
export async function refreshCaseLoss(tx: Tx, caseId: string): Promise<void> {
  const agg = await tx.caseVictim.aggregate({ where: { caseId }, _sum: { lossAmount: true } });
  const total = canonical(agg._sum.lossAmount);
  if (toFen(total) > MAX_MONEY_FEN) throw invalidField("lossAmount", "total_too_large");
  await tx.fraudCase.update({ where: { id: caseId }, data: { lossAmount: total } });
}
