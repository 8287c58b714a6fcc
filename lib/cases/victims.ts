import "server-only";
import { maskName } from "@/lib/pii";
import { command } from "@/lib/commands/command";
import { caseForWrite, recordCaseChange, refreshCaseLoss } from "@/lib/cases/access";
import { uuidSchema } from "@/lib/validation/fields";
import { victimSchema } from "@/lib/cases/schemas";

/** Adds a victim to an open case; the case's loss becomes the sum of its victims' losses. */
export const addVictim = command({
  name: "case.victim.add", permission: "cases:write",
  summary: "Add a victim to an open case; the case's loss follows",
  input: victimSchema.extend({ id: uuidSchema }), audit: ["case.victim.add"],
  async run({ actor, input: v, tx }): Promise<{ id: string }> {
    const c = await caseForWrite(tx, actor, v.id);
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
  },
});
