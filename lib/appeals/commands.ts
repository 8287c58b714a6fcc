// 申诉: a person restricted under an art. 31/38 measure appeals it. Registered by one person,
// reviewed and decided by another (双人审核), within N working days of receipt. Revoking ends the
// measure in the same transaction; upholding leaves it as it is. Jurisdiction is the measure's:
// its unit and the units above it (and the city's 反诈中心); anyone else gets 404, audited.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, versionConflict } from "@/lib/errors";
import { auditDenied, outOfScope } from "@/lib/audit/audit-denied";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { maskIdNumber, maskName, maskPhone } from "@/lib/pii";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { chinaToday, dateToDay, dayToDate } from "@/lib/time/china";
import { addWorkingDays } from "@/lib/appeals/deadline";
import { appealDeadlineDays } from "@/lib/appeals/settings";
import { decideAppealSchema, OPEN_APPEAL_STATUSES, registerAppealSchema, takeAppealSchema, withdrawAppealSchema, type AppealStatus } from "@/lib/appeals/schemas";

const isOpen = (s: AppealStatus) => (OPEN_APPEAL_STATUSES as readonly AppealStatus[]).includes(s);

const invalidTransition = (from: AppealStatus, to: AppealStatus) =>
  new AppError("CONFLICT", `a ${from} appeal cannot become ${to}`, [{ path: "status", code: "invalid_transition", message: `${from} → ${to} is not allowed` }]);

/** An appeal of a measure in the actor's jurisdiction; 404 (audited when it exists) otherwise. */
async function appealForWrite(tx: Tx, actor: Actor, id: string) {
  const a = await tx.appeal.findFirst({
    where: { id, measure: inJurisdiction(actor) },
    select: {
      id: true, status: true, version: true, registeredById: true, reviewerId: true, measureId: true,
      measure: { select: { id: true, startsOn: true, endsOn: true, revokedOn: true, version: true } },
    },
  });
  if (!a) throw await outOfScope(actor, "Appeal", id, async () => (await tx.appeal.count({ where: { id } })) > 0);
  return a;
}

/**
 * 双人审核: whoever registered an appeal neither reviews nor decides it. Refused with 403, the
 * denial audited on a connection of its own (this transaction rolls back).
 */
async function requireSecondPerson(actor: Actor, a: { id: string; registeredById: string; reviewerId: string | null; status: AppealStatus }) {
  const refuse = async (code: string, message: string) => {
    await auditDenied(actor, { entityType: "Appeal", entityId: a.id });
    throw new AppError("FORBIDDEN", message, [{ path: "id", code, message }]);
  };
  if (a.registeredById === actor.id) await refuse("two_person_rule", "the person who registered an appeal cannot review or decide it (双人审核)");
  if (a.status === "UNDER_REVIEW" && a.reviewerId && a.reviewerId !== actor.id) await refuse("not_the_reviewer", "another reviewer has taken this appeal");
}

export const registerAppeal = command({
  name: "publicity.appeal.register", permission: "publicity:write",
  summary: "Register an appeal (申诉) against an art. 31/38 measure; its deadline is N working days after receipt",
  input: registerAppealSchema, audit: ["publicity.appeal.register"], idempotent: true,
  async run({ actor, input, tx }): Promise<{ id: string; deadlineOn: string; version: number }> {
    // Two registrations at once (a double submit, a retry) wait for each other here, so the second
    // finds the first's appeal open (appeals_one_open holds the rule for any other writer).
    await tx.$queryRaw`SELECT 1 FROM disciplinary_measures WHERE id = ${input.measureId}::uuid FOR UPDATE`;
    const m = await tx.disciplinaryMeasure.findFirst({
      where: { id: input.measureId, ...inJurisdiction(actor) },
      select: { id: true, startsOn: true, revokedOn: true, appeals: { where: { status: { in: [...OPEN_APPEAL_STATUSES] } }, select: { id: true }, take: 1 } },
    });
    if (!m) throw await outOfScope(actor, "DisciplinaryMeasure", input.measureId, async () => (await tx.disciplinaryMeasure.count({ where: { id: input.measureId } })) > 0);
    if (m.revokedOn) throw new AppError("VALIDATION", "the measure was already revoked", [{ path: "measureId", code: "already_revoked", message: "this measure was already revoked" }]);
    if (m.appeals.length) throw new AppError("VALIDATION", "the measure has an open appeal", [{ path: "measureId", code: "appeal_open", message: "decide or withdraw the open appeal first" }]);
    // An appeal cannot precede the measure it is against (SECURITY.md G32).
    if (input.receivedOn < dateToDay(m.startsOn)) {
      throw new AppError("VALIDATION", "received before the measure started", [{ path: "receivedOn", code: "before_measure", message: "an appeal cannot precede its measure" }]);
    }
    const days = await appealDeadlineDays(tx);
    const deadlineOn = addWorkingDays(input.receivedOn, days);
    const created = await tx.appeal.create({
      data: {
        measureId: m.id, appellantName: input.appellantName, appellantPhone: input.appellantPhone ?? null, appellantIdNumber: input.appellantIdNumber ?? null,
        grounds: input.grounds, evidence: input.evidence ?? [], receivedOn: dayToDate(input.receivedOn), deadlineOn: dayToDate(deadlineOn),
        registeredById: actor.id, registeredByName: actor.displayName,
      },
      select: { id: true, version: true },
    });
    await writeAudit(tx, actor, {
      action: "publicity.appeal.register", success: true, entityType: "Appeal", entityId: created.id,
      details: {
        measureId: m.id, appellant: maskName(input.appellantName), phone: maskPhone(input.appellantPhone), idNumber: maskIdNumber(input.appellantIdNumber),
        receivedOn: input.receivedOn, deadlineOn, workingDays: days, evidenceItems: input.evidence?.length ?? 0,
      },
    });
    return { id: created.id, deadlineOn, version: created.version };
  },
});

export const takeAppealForReview = command({
  name: "publicity.appeal.review", permission: "publicity:write",
  summary: "Take an appeal for review (someone other than who registered it)",
  input: takeAppealSchema, audit: ["publicity.appeal.review"],
  async run({ actor, input, tx }): Promise<{ id: string; version: number }> {
    const a = await appealForWrite(tx, actor, input.id);
    if (a.version !== input.version) throw versionConflict();
    if (a.status !== "RECEIVED") throw invalidTransition(a.status, "UNDER_REVIEW");
    await requireSecondPerson(actor, a);
    const { count } = await tx.appeal.updateMany({
      where: { id: a.id, version: a.version, status: "RECEIVED" },
      data: { status: "UNDER_REVIEW", reviewerId: actor.id, reviewerName: actor.displayName, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, { action: "publicity.appeal.review", success: true, entityType: "Appeal", entityId: a.id, details: { measureId: a.measureId } });
    return { id: a.id, version: a.version + 1 };
  },
});

export const decideAppeal = command({
  name: "publicity.appeal.decide", permission: "publicity:write",
  summary: "Decide an appeal: UPHELD (the measure stands) or REVOKED (the measure ends today); not by who registered it",
  input: decideAppealSchema, audit: ["publicity.appeal.decide", "publicity.measure.revoke"],
  async run({ actor, input, tx, now }): Promise<{ id: string; status: AppealStatus; version: number }> {
    const a = await appealForWrite(tx, actor, input.id);
    if (a.version !== input.version) throw versionConflict();
    if (!isOpen(a.status)) throw invalidTransition(a.status, input.decision);
    await requireSecondPerson(actor, a);
    const { count } = await tx.appeal.updateMany({
      where: { id: a.id, version: a.version, status: { in: [...OPEN_APPEAL_STATUSES] } },
      data: { status: input.decision, reviewerId: actor.id, reviewerName: actor.displayName, decisionReason: input.reason, decidedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, {
      action: "publicity.appeal.decide", success: true, entityType: "Appeal", entityId: a.id,
      details: { measureId: a.measureId, decision: input.decision, reason: input.reason },
    });
    if (input.decision === "REVOKED") await revokeMeasure(tx, actor, a.measure, a.id, chinaToday(now));
    return { id: a.id, status: input.decision, version: a.version + 1 };
  },
});

/**
 * Ends a measure on the decision day: revokedOn marks it, and a running period ends that day (an
 * upcoming one never starts; a one-off fine keeps its null end and is marked revoked).
 */
async function revokeMeasure(
  tx: Tx, actor: Actor, m: { id: string; startsOn: Date; endsOn: Date | null; revokedOn: Date | null; version: number }, appealId: string, day: string,
) {
  if (m.revokedOn) return;
  const startsOn = dateToDay(m.startsOn);
  const endsOn = m.endsOn ? dateToDay(m.endsOn) : null;
  const newEnd = endsOn && endsOn > day ? (startsOn > day ? startsOn : day) : endsOn;
  const { count } = await tx.disciplinaryMeasure.updateMany({
    where: { id: m.id, version: m.version, revokedOn: null },
    data: { revokedOn: dayToDate(day), endsOn: newEnd ? dayToDate(newEnd) : null, version: { increment: 1 } },
  });
  if (count === 0) throw versionConflict();
  await writeAudit(tx, actor, {
    action: "publicity.measure.revoke", success: true, entityType: "DisciplinaryMeasure", entityId: m.id,
    details: { appealId, revokedOn: day, endsOn: { from: endsOn, to: newEnd } },
  });
}

export const withdrawAppeal = command({
  name: "publicity.appeal.withdraw", permission: "publicity:write",
  summary: "Record that the appellant withdrew an open appeal (the measure stands)",
  input: withdrawAppealSchema, audit: ["publicity.appeal.withdraw"],
  async run({ actor, input, tx, now }): Promise<{ id: string; version: number }> {
    const a = await appealForWrite(tx, actor, input.id);
    if (a.version !== input.version) throw versionConflict();
    if (!isOpen(a.status)) throw invalidTransition(a.status, "WITHDRAWN");
    const { count } = await tx.appeal.updateMany({
      where: { id: a.id, version: a.version, status: { in: [...OPEN_APPEAL_STATUSES] } },
      data: { status: "WITHDRAWN", decisionReason: input.reason ?? null, decidedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, {
      action: "publicity.appeal.withdraw", success: true, entityType: "Appeal", entityId: a.id, details: { measureId: a.measureId, reason: input.reason ?? null },
    });
    return { id: a.id, version: a.version + 1 };
  },
});
