import "server-only";
import { z } from "zod";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { recordReveal, revealReasonSchema } from "@/lib/pii/reveal";
import { uuidSchema } from "@/lib/validation/fields";
import { revealVictimField } from "@/lib/warnings/reveal";

// An officer on the street calls the person or walks to the address: one tap reveals the full
// value (never in the page payload before that). The reason rule holds here as everywhere
// (SECURITY.md B10): the server takes the reason the caller gives and refuses a reveal without one;
// the phone's prompt comes filled with the tap's purpose for the officer to confirm or change.

export const FIELD_REVEAL = ["victimPhone", "victimAddress"] as const;
export type FieldReveal = (typeof FIELD_REVEAL)[number];

/** The victim's full phone (to call) or address (to go to), audited with the caller's reason. */
export const revealForVisit = command({
  name: "field.victim.reveal", permission: "pii:reveal",
  summary: "Reveal a warning victim's full phone or address for a call or a visit",
  input: z.object({ id: uuidSchema, field: z.enum(FIELD_REVEAL), reason: revealReasonSchema }).strict(), audit: ["pii.reveal"],
  run: ({ actor, input, tx }) => revealVictimField(tx, actor, input),
});

/** The customer's full phone of a standalone record of the unit (a counter interception), to call for its follow-up. */
export const revealCustomerPhone = command({
  name: "field.customer_phone.reveal", permission: "pii:reveal",
  summary: "Reveal the customer's full phone of a record of the caller's unit, to call for its follow-up",
  input: z.object({ id: uuidSchema, reason: revealReasonSchema }).strict(), audit: ["pii.reveal"],
  async run({ actor, input: { id, reason }, tx }) {
    const a = await tx.dissuasionAction.findFirst({ where: { id, unitId: actor.unitId }, select: { customerPhone: true } });
    if (!a) throw await outOfScope(actor, "DissuasionAction", id, async () => (await tx.dissuasionAction.count({ where: { id } })) > 0);
    await recordReveal(tx, actor, { entityType: "DissuasionAction", entityId: id, field: "customerPhone", reason });
    return a.customerPhone ?? "";
  },
});
