// The app follow-ups (APP回访) a warning's resolution creates and the visits that close them.
// Opened from one place, the warnings domain's applyTransition (every path that resolves a warning
// DISSUADED goes through it); closed by every write of a dissuasion action that records the app
// (a home visit, a counter interception).
import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { uuidv7 } from "@/lib/ids";
import { inJurisdiction } from "@/lib/units/jurisdiction";

/**
 * Holds the person until the transaction ends. Opening a follow-up asks whether the app is
 * recorded, and recording the app asks whether a follow-up is open: each takes this first, so
 * the second of two at once sees what the first committed (under READ COMMITTED each statement
 * reads anew) — a follow-up opened meanwhile is closed, an app recorded meanwhile is counted.
 * NO KEY UPDATE: the rows that merely reference the person (their warnings, actions) are not held up.
 */
async function holdPerson(tx: Tx, personId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM persons WHERE id = ${personId}::uuid FOR NO KEY UPDATE`;
}

/** Whether an app registration of the person is already recorded (an action on one of their warnings, or naming them). */
async function appRecorded(tx: Tx, personId: string): Promise<{ id: string } | null> {
  return tx.dissuasionAction.findFirst({
    where: { appRegistered: true, OR: [{ personId }, { warning: { personId } }] },
    orderBy: { occurredAt: "asc" },
    select: { id: true },
  });
}

/**
 * The person of a warning resolved DISSUADED gets their one app follow-up, for the unit holding
 * the warning and the officer who dissuaded (else the warning's assignee). A person who has one
 * already (an earlier warning) keeps it: a repeat warning opens no second task. Created closed
 * (INSTALLED) when an app registration is already recorded — they are counted as warned people
 * with the app. Returns the follow-up's id when one was created.
 */
export async function openAppFollowUp(tx: Tx, actor: Actor, warningId: string, now: Date): Promise<string | null> {
  const w = await tx.warning.findUniqueOrThrow({ where: { id: warningId }, select: { personId: true, unitId: true, assigneeId: true } });
  if (!w.personId) return null;
  const officerId = actor.kind === "user" && actor.permissions.has("warnings:work") && actor.unitId === w.unitId ? actor.id : w.assigneeId;
  await holdPerson(tx, w.personId);
  const done = await appRecorded(tx, w.personId);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO app_followups (id, "personId", "warningId", "unitId", "officerId", status, outcome, "actionId", "doneAt", "createdAt", "updatedAt")
    VALUES (${uuidv7(now.getTime())}::uuid, ${w.personId}::uuid, ${warningId}::uuid, ${w.unitId}::uuid, ${officerId}::uuid,
            ${done ? "DONE" : "OPEN"}::"AppFollowUpStatus", ${done ? "INSTALLED" : null}::"AppFollowUpOutcome", ${done?.id ?? null}::uuid,
            ${done ? now : null}, ${now}, ${now})
    ON CONFLICT ("personId") DO NOTHING
    RETURNING id::text`;
  return rows[0]?.id ?? null;
}

/**
 * A dissuasion action that recorded the app (appRegistered) closes its person's open follow-up when
 * the follow-up lies in the actor's jurisdiction (SECURITY.md G36: another precinct's task is not
 * another officer's to close, even for a fact about the person). Returns the follow-up's id.
 */
export async function closeAppFollowUpByAction(tx: Tx, actor: Actor, actionId: string, now: Date): Promise<string | null> {
  const a = await tx.dissuasionAction.findUniqueOrThrow({ where: { id: actionId }, select: { appRegistered: true, personId: true, warning: { select: { personId: true } } } });
  const personId = a.personId ?? a.warning?.personId;
  if (!a.appRegistered || !personId) return null;
  await holdPerson(tx, personId);
  const f = await tx.appFollowUp.findFirst({ where: { personId, status: "OPEN", ...inJurisdiction(actor) }, select: { id: true } });
  if (!f) return null;
  const { count } = await tx.appFollowUp.updateMany({
    where: { id: f.id, status: "OPEN" },
    data: { status: "DONE", outcome: "INSTALLED", actionId, doneAt: now, doneById: actor.kind === "user" ? actor.id : null, version: { increment: 1 } },
  });
  return count ? f.id : null;
}

/**
 * A warning resolved otherwise than DISSUADED (reopened after a dissuasion, then found defrauded or
 * transferred out) takes back the follow-up its dissuasion opened, while still open: the person was
 * not dissuaded by it, and 劝阻人员 counts follow-ups. Kept when another warning of the person stands
 * dissuaded. Returns the withdrawn follow-up's id.
 */
export async function withdrawAppFollowUp(tx: Tx, warningId: string): Promise<string | null> {
  const f = await tx.appFollowUp.findFirst({ where: { warningId, status: "OPEN" }, select: { id: true, personId: true } });
  if (!f) return null;
  const dissuaded = await tx.warning.count({ where: { personId: f.personId, id: { not: warningId }, status: "RESOLVED", outcome: "DISSUADED" } });
  if (dissuaded) return null;
  await tx.appFollowUp.delete({ where: { id: f.id } });
  return f.id;
}
