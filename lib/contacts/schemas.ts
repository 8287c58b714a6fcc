import { z } from "zod";
import { enumField, intField, noteSchema, optional, optionalDay, optionalEnum, text, unitCodeSchema, uuidSchema, versionSchema } from "@/lib/validation/fields";
import { FRAUD_CONTACT_KINDS, normalizeContact } from "@/lib/contacts/normalize";

/** One fraud contact as entered: `{ kind, value }`, normalised (a value naming no contact of its kind is a 422 on `value`). */
export const fraudContactSchema = z
  .object({ kind: enumField(FRAUD_CONTACT_KINDS), value: z.string("required").max(256, "too_long") })
  .strict()
  .transform((c, ctx) => {
    const value = normalizeContact(c.kind, c.value);
    if (value === null) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `invalid_${c.kind.toLowerCase()}` });
      return z.NEVER;
    }
    return { kind: c.kind, value };
  });

/** Up to 20 extra contacts on an ingested warning or a case intake. */
export const fraudContactsSchema = z.array(fraudContactSchema).max(20, "too_many");

export const addCaseContactSchema = z.object({ id: uuidSchema, kind: enumField(FRAUD_CONTACT_KINDS), value: z.string("required").max(256, "too_long") }).strict()
  .transform((c, ctx) => {
    const value = normalizeContact(c.kind, c.value);
    if (value === null) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `invalid_${c.kind.toLowerCase()}` });
      return z.NEVER;
    }
    return { id: c.id, kind: c.kind, value };
  });

export const recordContactsSchema = z.object({ id: uuidSchema }).strict();

/** The cluster list's filters: contact kind, period of the records (China days), unit subtree, min records. */
const filterFields = {
  kind: optionalEnum(FRAUD_CONTACT_KINDS),
  from: optionalDay,
  to: optionalDay,
  unit: optional(unitCodeSchema),
  minRecords: optional(intField(2, 10_000)),
};
const periodInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;

export const clusterFilterSchema = z.object(filterFields).strict().refine(periodInOrder, { path: ["to"], message: "before_from" });
export type ClusterFilter = z.infer<typeof clusterFilterSchema>;

/** One contact's cluster: the same filters (kind and min records do not apply). */
export const clusterSchema = z.object({ id: uuidSchema, ...filterFields }).strict().refine(periodInOrder, { path: ["to"], message: "before_from" });

export const proposeLinkSchema = z.object({ id: uuidSchema, otherCaseId: uuidSchema, reason: text(2, 2000) }).strict();

export const decideLinkSchema = z
  .object({ id: uuidSchema, decision: enumField(["confirm", "reject"] as const), version: versionSchema, note: optional(noteSchema) })
  .strict();
