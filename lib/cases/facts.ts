import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { AppError, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { maskAddress, maskIdNumber, maskPhone } from "@/lib/pii";
import { caseForWrite, invalidField, recordCaseChange, refreshCaseLoss, type CaseForWrite } from "@/lib/cases/access";
import { canonical, toFen } from "@/lib/cases/money";
import { returnedToVictim } from "@/lib/cases/recoveries";
import { PLACEHOLDER_SUMMARY, maskVictimName } from "@/lib/cases/open-case-from-warning";
import { canEditFacts } from "@/lib/cases/state-machine";
import { caseFactsSchema, victimUpdateSchema } from "@/lib/cases/schemas";
import { uuidSchema } from "@/lib/validation/fields";

// The case's facts — what happened, to whom, for how much — are corrected while the case is in
// its unit's hands (not while a filing decision is pending, not once it is over). Each correction
// bumps the record's version, writes a timeline event with what changed (masked) and its audit.

function assertEditable(c: CaseForWrite) {
  if (!canEditFacts(c.status)) {
    throw new AppError("CONFLICT", `the facts of a ${c.status} case are not edited`, [{ path: "_", code: "facts_locked", message: "wait for the filing decision" }]);
  }
}

/**
 * What filing needs and the statistics count: a loss, and an account of what happened (not the
 * placeholder a case opened from a warning starts with). Checked on submit and on approval, and
 * on every correction of a case already submitted.
 */
export async function assertFileable(tx: Tx, caseId: string): Promise<void> {
  const c = await tx.fraudCase.findUniqueOrThrow({ where: { id: caseId }, select: { lossAmount: true, summary: true } });
  if (toFen(canonical(c.lossAmount)) <= 0) throw invalidField("lossAmount", "loss_required", "record the victims' loss before filing");
  if (c.summary === PLACEHOLDER_SUMMARY) throw invalidField("summary", "summary_required", "describe what happened before filing");
}

const submitted = (c: CaseForWrite) => c.status !== "REPORTED";

/**
 * Whether a sent value leaves the stored one as it is. The form sends times to the minute: a time
 * on the minute names the stored time when that falls within the same minute (so saving the
 * summary alone neither records the times as changed nor drops their seconds).
 */
function sameValue(sent: unknown, stored: unknown): boolean {
  if (sent instanceof Date && stored instanceof Date && sent.getTime() % 60_000 === 0) {
    return Math.floor(stored.getTime() / 60_000) * 60_000 === sent.getTime();
  }
  return String(sent) === String(stored);
}

/** Corrects the case's type, account of events and times. */
export const updateCaseFacts = command({
  name: "case.facts.update", permission: "cases:write",
  summary: "Correct the case's type, account of events and times while its unit handles it",
  input: caseFactsSchema.safeExtend({ id: uuidSchema }), audit: ["case.facts.update"],
  async run({ actor, input, tx }): Promise<{ id: string; version: number }> {
    const c = await caseForWrite(tx, actor, input.id);
    if (c.version !== input.version) throw versionConflict();
    assertEditable(c);
    const before = await tx.fraudCase.findUniqueOrThrow({ where: { id: c.id }, select: { fraudType: true, summary: true, lossAt: true, reportedAt: true } });
    const lossAt = input.lossAt ?? before.lossAt;
    const reportedAt = input.reportedAt ?? before.reportedAt;
    if (lossAt && lossAt > reportedAt) throw invalidField("lossAt", "after_report");
    const sent = { fraudType: input.fraudType, summary: input.summary, lossAt: input.lossAt, reportedAt: input.reportedAt };
    const changed = (Object.keys(sent) as (keyof typeof sent)[]).filter((k) => sent[k] !== undefined && !sameValue(sent[k], before[k]));
    if (changed.length === 0) return { id: c.id, version: c.version };
    // Only what changed is written: a time resent to the minute keeps its seconds.
    const data = Object.fromEntries(changed.map((k) => [k, sent[k]]));
    const { count } = await tx.fraudCase.updateMany({ where: { id: c.id, version: c.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    if (submitted(c)) await assertFileable(tx, c.id);
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "facts_updated", action: "case.facts.update",
      // The account of events is free text: the timeline says it changed, not what it says.
      data: { fields: changed, ...(input.fraudType && changed.includes("fraudType") ? { fraudType: input.fraudType } : {}) },
    });
    return { id: c.id, version: c.version + 1 };
  },
});

/** Corrects one victim of the case; the case's loss is recomputed from its victims. */
export const updateVictim = command({
  name: "case.victim.update", permission: "cases:write",
  summary: "Correct one victim of the case; the case's loss follows",
  input: victimUpdateSchema.extend({ id: uuidSchema, subId: uuidSchema }), audit: ["case.victim.update"],
  async run({ actor, input, tx }): Promise<{ id: string; version: number }> {
    const c = await caseForWrite(tx, actor, input.id);
    assertEditable(c);
    const v = await tx.caseVictim.findFirst({ where: { id: input.subId, caseId: c.id } });
    if (!v) throw invalidField("subId", "unknown_victim", "no such victim on this case");
    if (v.version !== input.version) throw versionConflict();
    const data: Prisma.CaseVictimUpdateManyMutationInput = {
      name: input.name, phone: input.phone, idNumber: input.idNumber, gender: input.gender, age: input.age, address: input.address, lossAmount: input.lossAmount,
    };
    const current = { ...v, lossAmount: canonical(v.lossAmount) };
    const changed = (Object.keys(data) as (keyof typeof data & keyof typeof v)[]).filter((k) => data[k] !== undefined && String(data[k]) !== String(current[k]));
    if (changed.length === 0) return { id: v.id, version: v.version };
    // The case row is locked (caseForWrite): no return to this victim can be recorded meanwhile.
    if (changed.includes("lossAmount") && toFen(input.lossAmount!) < (await returnedToVictim(tx, v.id))) throw invalidField("lossAmount", "below_returned");
    const { count } = await tx.caseVictim.updateMany({ where: { id: v.id, version: v.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    await refreshCaseLoss(tx, c.id);
    if (submitted(c)) await assertFileable(tx, c.id);
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "victim_updated", action: "case.victim.update", entityType: "CaseVictim", entityId: v.id,
      data: {
        name: maskVictimName(input.name ?? v.name), fields: changed,
        ...(changed.includes("lossAmount") ? { lossAmount: canonical(input.lossAmount!), previousLoss: canonical(v.lossAmount) } : {}),
        ...(changed.includes("phone") ? { phone: maskPhone(input.phone) } : {}),
        ...(changed.includes("idNumber") ? { idNumber: maskIdNumber(input.idNumber) } : {}),
        ...(changed.includes("address") ? { address: maskAddress(input.address) } : {}),
      },
    });
    return { id: v.id, version: v.version + 1 };
  },
});
