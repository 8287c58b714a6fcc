import "server-only";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { outOfScope } from "@/lib/audit/audit-denied";
import { recordReveal, revealReasonSchema } from "@/lib/pii/reveal";
import { command } from "@/lib/commands/command";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { invalidField } from "@/lib/cases/access";
import { revealSchema } from "@/lib/cases/schemas";

const FIELDS = {
  victim: ["name", "phone", "idNumber", "address"],
  suspect: ["name", "phone", "idNumber"],
  freeze: ["accountNumber", "accountName"],
} as const;

const ENTITY_TYPE = { victim: "CaseVictim", suspect: "Suspect", freeze: "FreezeRequest" } as const;

/**
 * One full personal value of a case record (victim, suspect, bank account), for an actor holding
 * "pii:reveal" whose jurisdiction holds the record; audited with the reason in the same transaction.
 */
export const revealCasePii = command({
  name: "case.pii.reveal", permission: "pii:reveal",
  summary: "One full personal value of a victim, suspect or bank account, with the reason (audited)",
  input: revealSchema.extend({ reason: revealReasonSchema }), audit: ["pii.reveal"],
  async run({ actor, input, tx }): Promise<string> {
    if (!(FIELDS[input.entity] as readonly string[]).includes(input.field)) throw invalidField("field", "invalid_value");
    const field = input.field;
    const reason = input.reason;
    let record: Record<string, unknown> | null;
    if (input.entity === "victim") {
      record = await tx.caseVictim.findFirst({ where: { id: input.id, fraudCase: inJurisdiction(actor) }, select: { name: true, phone: true, idNumber: true, address: true } });
    } else if (input.entity === "suspect") {
      // A suspect is seen through their own unit or through any case of the jurisdiction naming them.
      record = await tx.suspect.findFirst({
        where: { id: input.id, OR: [inJurisdiction(actor), { cases: { some: { fraudCase: inJurisdiction(actor) } } }] },
        select: { name: true, phone: true, idNumber: true },
      });
    } else {
      record = await tx.freezeRequest.findFirst({ where: { id: input.id, fraudCase: inJurisdiction(actor) }, select: { accountNumber: true, accountName: true } });
    }
    const value = record?.[field];
    if (!record) throw await outOfScope(actor, ENTITY_TYPE[input.entity], input.id, async () => (await existsIn(input.entity, input.id)) > 0);
    if (typeof value !== "string" || !value) throw notFound(input.entity);
    await recordReveal(tx, actor, { entityType: ENTITY_TYPE[input.entity], entityId: input.id, field, reason });
    return value;
  },
});

function existsIn(entity: "victim" | "suspect" | "freeze", id: string): Promise<number> {
  const db = getDb();
  if (entity === "victim") return db.caseVictim.count({ where: { id } });
  if (entity === "suspect") return db.suspect.count({ where: { id } });
  return db.freezeRequest.count({ where: { id } });
}
