// The person file's audited commands: the exact lookup of a full number (it tells the caller that
// the platform knows the person, so it is audited with a reason) and the reveal of a full number.
import "server-only";
import { z } from "zod";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { writeAudit } from "@/lib/audit/write-audit";
import { recordReveal, revealReasonSchema } from "@/lib/pii/reveal";
import { isValidIdNumber, isValidMobile, maskIdNumber, maskPhone, normalizeIdNumber, normalizePhone } from "@/lib/pii";
import { uuidSchema } from "@/lib/validation/fields";
import { identifierForReveal, tailSearch } from "@/lib/persons/queries";

/** A full mainland mobile (+86, spaces and dashes allowed) or an 18-character ID number, normalised. */
export const fullNumberSchema = z
  .string("invalid_number")
  .transform((v, ctx) => {
    const id = normalizeIdNumber(v);
    if (/^\d{17}[\dX]$/.test(id)) {
      if (isValidIdNumber(id)) return { kind: "ID_NUMBER" as const, value: id };
      ctx.addIssue({ code: "custom", message: "invalid_id_number" });
      return z.NEVER;
    }
    const mobile = normalizePhone(v);
    if (isValidMobile(mobile)) return { kind: "MOBILE" as const, value: mobile };
    ctx.addIssue({ code: "custom", message: "invalid_number" });
    return z.NEVER;
  });

export const lookupSchema = z.object({ number: fullNumberSchema, reason: revealReasonSchema }).strict();

/**
 * POST /api/v1/persons/lookup: the person holding a full number. Answers whether the platform
 * knows the number at all and, when the person has records in the caller's jurisdiction, the file
 * to open (the file itself shows only those parts). Audited with the reason, found or not.
 */
export const lookupPerson = command({
  name: "person.lookup", permission: "pii:reveal",
  summary: "Exact lookup of a full mobile or ID number (audited with a reason): whether the person is known, and their file if the caller's jurisdiction holds any of it",
  input: lookupSchema, audit: ["person.lookup"],
  async run({ actor, input: { number, reason }, tx }) {
    const hit = await tx.personIdentifier.findUnique({ where: { kind_value: { kind: number.kind, value: number.value } }, select: { personId: true } });
    const masked = number.kind === "MOBILE" ? maskPhone(number.value) : maskIdNumber(number.value);
    // In the caller's jurisdiction: the tail search's rule, narrowed to this person.
    const visible = hit ? (await tailSearch(actor, number.value.slice(-4), 1, hit.personId))[0] ?? null : null;
    await writeAudit(tx, actor, {
      action: "person.lookup", success: true, entityType: "Person", entityId: hit?.personId,
      details: { kind: number.kind, number: masked, found: !!hit, inJurisdiction: !!visible, reason },
    });
    return { known: !!hit, person: visible };
  },
});

/** POST /api/v1/persons/{id}/reveal: one full number of the person that the caller's records carry, audited. */
export const revealPersonIdentifier = command({
  name: "person.reveal", permission: "pii:reveal",
  summary: "Reveal one full number of a person's file (one the caller's jurisdiction's records carry), audited with a reason",
  input: z.object({ id: uuidSchema, identifierId: uuidSchema, reason: revealReasonSchema }).strict(), audit: ["pii.reveal"],
  async run({ actor, input: { id, identifierId, reason }, tx }) {
    const value = await identifierForReveal(tx, actor, id, identifierId);
    if (value === null) throw await outOfScope(actor, "Person", id, async () => (await tx.person.count({ where: { id } })) > 0);
    await recordReveal(tx, actor, { entityType: "Person", entityId: id, field: identifierId, reason });
    return value;
  },
});
