import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/parse";
import { maskName } from "@/lib/pii";
import { caseForWrite, recordCaseChange, refreshCaseLoss } from "@/lib/cases/access";
import { victimSchema } from "@/lib/cases/schemas";

/** Adds a victim to an open case; the case's loss becomes the sum of its victims' losses. */
export async function addVictim(actor: Actor, caseId: string, raw: unknown): Promise<{ id: string }> {
  const v = parseInput(victimSchema, raw);
  return getDb().$transaction(async (tx) => {
    const c = await caseForWrite(tx, actor, caseId);
    const victim = await tx.caseVictim.create({
      data: {
        caseId: c.id, name: v.name, phone: v.phone ?? null, idNumber: v.idNumber ?? null, gender: v.gender ?? null,
        age: v.age ?? null, address: v.address ?? null, lossAmount: v.lossAmount,
      },
      select: { id: true },
    });
    await refreshCaseLoss(tx, c.id);
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "victim_added", action: "case.victim.add", entityType: "CaseVictim", entityId: victim.id,
      data: { name: maskName(v.name), lossAmount: v.lossAmount },
    });
    return victim;
  });
}
