import "server-only";
import { type Tx } from "@/lib/db";
import { notFound, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { maskName } from "@/lib/pii";
import { caseForWrite, invalidField, recordCaseChange } from "@/lib/cases/access";
import { uuidSchema } from "@/lib/validation/fields";
import { canonical, toFen } from "@/lib/cases/money";
import { recoveryReturnSchema, recoverySchema } from "@/lib/cases/schemas";

/** What the case's recoveries returned to a victim so far (summed by PostgreSQL), in integer fen; one recovery left out. */
export async function returnedToVictim(tx: Tx, victimId: string, exceptRecoveryId?: string): Promise<bigint> {
  const agg = await tx.fundRecovery.aggregate({
    where: { victimId, ...(exceptRecoveryId ? { id: { not: exceptRecoveryId } } : {}) },
    _sum: { returnedAmount: true },
  });
  return toFen(canonical(agg._sum.returnedAmount));
}

/** A victim of the case, checked so that everything returned to them stays within what they lost. */
async function checkReturnToVictim(tx: Tx, caseId: string, victimId: string, returned: string, exceptRecoveryId?: string) {
  const victim = await tx.caseVictim.findFirst({ where: { id: victimId, caseId }, select: { id: true, name: true, lossAmount: true } });
  if (!victim) throw invalidField("victimId", "unknown_victim");
  if ((await returnedToVictim(tx, victimId, exceptRecoveryId)) + toFen(returned) > toFen(canonical(victim.lossAmount))) {
    throw invalidField("returnedAmount", "exceeds_loss");
  }
  return victim;
}

/** 追赃挽损: money recovered for the case, and (optionally at once) returned to a victim. */
export const recordRecovery = command({
  name: "case.recovery.record", permission: "cases:write",
  summary: "追赃挽损: record money recovered for the case, and (optionally at once) returned to a victim",
  input: recoverySchema.safeExtend({ id: uuidSchema }), audit: ["case.recovery.record"],
  async run({ actor, input, tx }): Promise<{ id: string }> {
    const c = await caseForWrite(tx, actor, input.id);
    const returned = input.returnedAmount ?? "0.00";
    let victim: { id: string; name: string } | null = null;
    if (input.victimId) victim = await checkReturnToVictim(tx, c.id, input.victimId, returned);
    const recovery = await tx.fundRecovery.create({
      data: {
        caseId: c.id, unitId: c.unitId, amount: input.amount, recoveredAt: input.recoveredAt, method: input.method,
        victimId: victim?.id ?? null, returnedAmount: returned, returnedAt: returned !== "0.00" ? input.returnedAt! : null, note: input.note ?? null,
      },
      select: { id: true },
    });
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "recovery_recorded", action: "case.recovery.record", entityType: "FundRecovery", entityId: recovery.id,
      data: { amount: input.amount, method: input.method, victim: victim ? maskName(victim.name) : null, returnedAmount: returned },
    });
    return recovery;
  },
});

/** Records that recovered money went back to a victim, and when. */
export const recordReturn = command({
  name: "case.recovery.return", permission: "cases:write",
  summary: "Record that recovered money went back to a victim",
  input: recoveryReturnSchema.extend({ id: uuidSchema, subId: uuidSchema }), audit: ["case.recovery.return"],
  async run({ actor, input, tx }): Promise<{ id: string; version: number }> {
    const c = await caseForWrite(tx, actor, input.id, { open: false });
    const r = await tx.fundRecovery.findFirst({ where: { id: input.subId, caseId: c.id }, select: { id: true, amount: true, recoveredAt: true, version: true } });
    if (!r) throw notFound("recovery");
    if (r.version !== input.version) throw versionConflict();
    if (toFen(input.returnedAmount) > toFen(canonical(r.amount))) throw invalidField("returnedAmount", "exceeds_recovered");
    if (input.returnedAt < r.recoveredAt) throw invalidField("returnedAt", "before_recovery");
    const victim = await checkReturnToVictim(tx, c.id, input.victimId, input.returnedAmount, r.id);
    const { count } = await tx.fundRecovery.updateMany({
      where: { id: r.id, version: r.version },
      data: { victimId: victim.id, returnedAmount: input.returnedAmount, returnedAt: input.returnedAt, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "recovery_returned", action: "case.recovery.return", entityType: "FundRecovery", entityId: r.id,
      data: { amount: input.returnedAmount, victim: maskName(victim.name), returnedAt: input.returnedAt.toISOString() },
    });
    return { id: r.id, version: r.version + 1 };
  },
});
