// Zod schemas of the case domain: one per input, `.strict()` so unknown keys (unitId, createdById …)
// are refused, never assigned. The same schema serves the form (via server actions) and the API.
import { z } from "zod";
import { fraudContactsSchema } from "@/lib/contacts/schemas";
import { toFen } from "@/lib/cases/money";
import { CASE_STATUSES } from "@/lib/cases/state-machine";
import { FRAUD_TYPES, REPORT_SOURCES, CASE_SOURCES, GENDERS, FREEZE_KINDS, ITEM_TYPES, DISPOSITIONS, RECOVERY_METHODS } from "@/lib/cases/enums";
import { anyInstantSchema, bankAccountSchema, idNumberSchema, moneySchema, noteSchema, optional, optionalDay, pastInstantSchema, personNameSchema, phoneSchema, positiveMoneySchema, uuidSchema, versionSchema, unitCodeSchema } from "@/lib/validation/fields";

export const victimSchema = z
  .object({
    name: personNameSchema,
    phone: optional(phoneSchema),
    idNumber: optional(idNumberSchema),
    gender: optional(z.enum(GENDERS)),
    age: optional(z.coerce.number().int("invalid_age").min(0, "invalid_age").max(120, "invalid_age")),
    address: optional(z.string().trim().max(255, "too_long")),
    lossAmount: moneySchema,
  })
  .strict();
export type VictimInput = z.infer<typeof victimSchema>;

/** A bank account the money went to; at intake each becomes an emergency stop-payment request. */
export const accountSchema = z
  .object({
    bankName: z.string().trim().min(2, "too_short").max(64, "too_long"),
    accountName: optional(z.string().trim().max(64, "too_long")),
    accountNumber: bankAccountSchema,
    amount: positiveMoneySchema,
  })
  .strict();

export const createCaseSchema = z
  .object({
    source: z.enum(REPORT_SOURCES),
    fraudType: z.enum(FRAUD_TYPES),
    summary: z.string().trim().min(4, "too_short").max(4000, "too_long"),
    lossAt: optional(pastInstantSchema),
    reportedAt: optional(pastInstantSchema),
    victims: z.array(victimSchema).min(1, "victims_required").max(50, "too_many"),
    accounts: z.array(accountSchema).max(50, "too_many").default([]),
    /** The fraudsters' other contacts (串并案): phone numbers, URLs, apps, WeChat/QQ ids. */
    fraudContacts: fraudContactsSchema.optional(),
  })
  .strict()
  .refine((c) => !c.lossAt || !c.reportedAt || c.lossAt <= c.reportedAt, { path: ["lossAt"], message: "after_report" });
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

/**
 * A correction of the case's facts (待侦查员补充案情): only the fields sent change. The loss is the
 * victims' (edit a victim's loss), so it is not here.
 */
export const caseFactsSchema = z
  .object({
    version: versionSchema,
    fraudType: z.enum(FRAUD_TYPES).optional(),
    summary: optional(z.string().trim().min(4, "too_short").max(4000, "too_long")),
    lossAt: optional(pastInstantSchema),
    reportedAt: optional(pastInstantSchema),
  })
  .strict()
  .refine((c) => c.fraudType ?? c.summary ?? c.lossAt ?? c.reportedAt, { path: ["_"], message: "nothing_to_change" });
export type CaseFactsInput = z.infer<typeof caseFactsSchema>;

/** A correction of one victim: the fields left out (or blank on the form) keep their value. */
export const victimUpdateSchema = victimSchema.extend({ name: optional(personNameSchema), lossAmount: optional(moneySchema), version: versionSchema }).strict();
export type VictimUpdateInput = z.infer<typeof victimUpdateSchema>;

export const transitionSchema = z
  .object({ to: z.enum(CASE_STATUSES), version: versionSchema, note: optional(noteSchema) })
  .strict();

export const transferSchema = z
  .object({ toUnitCode: unitCodeSchema, reason: z.string().trim().min(2, "required").max(2000, "too_long"), version: versionSchema })
  .strict();

export const freezeCreateSchema = z
  .object({
    kind: z.enum(FREEZE_KINDS),
    bankName: z.string().trim().min(2, "too_short").max(64, "too_long"),
    accountName: optional(z.string().trim().max(64, "too_long")),
    accountNumber: bankAccountSchema,
    amountRequested: positiveMoneySchema,
    expiresAt: optional(anyInstantSchema),
  })
  .strict();

export const freezeUpdateSchema = z
  .object({
    version: versionSchema,
    status: z.enum(["EXECUTED", "PARTIAL", "FAILED", "EXPIRED", "RELEASED"]),
    amountHeld: optional(moneySchema),
    executedAt: optional(pastInstantSchema),
    expiresAt: optional(anyInstantSchema),
    releasedAt: optional(pastInstantSchema),
  })
  .strict();

export const newSuspectSchema = z
  .object({
    name: personNameSchema,
    idNumber: optional(idNumberSchema),
    phone: optional(phoneSchema),
    gender: optional(z.enum(GENDERS)),
    gangId: optional(uuidSchema),
    note: optional(noteSchema),
  })
  .strict();
/** Adding a suspect already known from another case. */
export const linkSuspectSchema = z.object({ suspectId: uuidSchema }).strict();

export const suspectStatusSchema = z
  .object({
    version: versionSchema,
    status: z.enum(["ARRESTED", "DETAINED", "PROSECUTED", "RELEASED"]),
    at: optional(pastInstantSchema),
    note: optional(noteSchema),
  })
  .strict();

export const gangCreateSchema = z
  .object({ name: z.string().trim().min(2, "too_short").max(128, "too_long"), note: optional(noteSchema) })
  .strict();
export const gangLinkSchema = z.object({ gangId: uuidSchema }).strict();
export const gangDismantleSchema = z.object({ version: versionSchema, dismantledAt: pastInstantSchema }).strict();
export const suspectGangSchema = z.object({ version: versionSchema, gangId: optional(uuidSchema) }).strict();

export const seizedItemSchema = z
  .object({
    type: z.enum(ITEM_TYPES),
    quantity: z.coerce.number("invalid_quantity").int("invalid_quantity").min(1, "invalid_quantity").max(1_000_000, "invalid_quantity"),
    seizedAt: pastInstantSchema,
    storage: optional(z.string().trim().max(128, "too_long")),
    disposition: optional(z.enum(DISPOSITIONS)),
    note: optional(noteSchema),
  })
  .strict();

export const seizedItemUpdateSchema = z
  .object({ version: versionSchema, disposition: z.enum(DISPOSITIONS), storage: optional(z.string().trim().max(128, "too_long")) })
  .strict();

const returnFields = {
  victimId: optional(uuidSchema),
  returnedAmount: optional(moneySchema),
  returnedAt: optional(pastInstantSchema),
};

export const recoverySchema = z
  .object({
    amount: positiveMoneySchema,
    recoveredAt: pastInstantSchema,
    method: z.enum(RECOVERY_METHODS),
    ...returnFields,
    note: optional(noteSchema),
  })
  .strict()
  .superRefine((r, ctx) => checkReturn(r, ctx, r.amount, r.recoveredAt));

export const recoveryReturnSchema = z
  .object({ version: versionSchema, victimId: uuidSchema, returnedAmount: positiveMoneySchema, returnedAt: pastInstantSchema })
  .strict();

/** A return names the victim and the date, and never exceeds what was recovered. */
function checkReturn(
  r: { victimId?: string; returnedAmount?: string; returnedAt?: Date },
  ctx: z.RefinementCtx,
  amount: string,
  recoveredAt: Date,
) {
  const returned = r.returnedAmount && r.returnedAmount !== "0.00";
  if (returned && !r.victimId) ctx.addIssue({ code: "custom", path: ["victimId"], message: "required" });
  if (returned && !r.returnedAt) ctx.addIssue({ code: "custom", path: ["returnedAt"], message: "required" });
  if (returned && toFen(r.returnedAmount!) > toFen(amount)) ctx.addIssue({ code: "custom", path: ["returnedAmount"], message: "exceeds_recovered" });
  if (r.returnedAt && r.returnedAt < recoveredAt) ctx.addIssue({ code: "custom", path: ["returnedAt"], message: "before_recovery" });
}

// ── queries and route parameters ──
const TAIL = /^\d{4,6}$/;
export const listCasesQuerySchema = z
  .object({
    status: optional(z.enum(CASE_STATUSES)),
    fraudType: optional(z.enum(FRAUD_TYPES)),
    source: optional(z.enum(CASE_SOURCES)),
    unit: optional(unitCodeSchema),
    /** Part of a case number. */
    q: optional(z.string().trim().regex(/^[0-9A-Za-z-]{2,32}$/, "invalid_case_number")),
    /** Last 4–6 digits only: full numbers never travel in URLs (SECURITY.md D18). */
    victimPhone: optional(z.string().trim().regex(TAIL, "invalid_tail")),
    account: optional(z.string().trim().regex(TAIL, "invalid_tail")),
    /** Last 4–6 characters of a suspect's phone or ID number. */
    suspect: optional(z.string().trim().toUpperCase().regex(/^\d{3,6}X?$/, "invalid_tail").refine((v) => v.length >= 4 && v.length <= 6, "invalid_tail")),
    from: optionalDay,
    to: optionalDay,
    flag: optional(z.enum(["expiring", "awaiting_approval"])),
    page: optional(z.coerce.number().int().min(1).max(10_000)),
  })
  .strict();
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const caseParamsSchema = z.object({ id: uuidSchema }).strict();
export const subParamsSchema = z.object({ id: uuidSchema, subId: uuidSchema }).strict();

export const revealSchema = z
  .object({
    entity: z.enum(["victim", "suspect", "freeze"]),
    id: uuidSchema,
    field: z.enum(["name", "phone", "idNumber", "address", "accountNumber", "accountName"]),
    reason: z.string(),
  })
  .strict();

/**
 * One of two inputs of one endpoint, told apart by whether a key is present (`{ suspectId }` links a
 * known suspect, `{ name, … }` adds a new one): the errors are those of the input the caller meant,
 * not a union's "matches neither". The JSON Schema (input side) is the union of the two.
 */
export function eitherByKey<A extends z.ZodType, B extends z.ZodType>(key: string, withKey: A, without: B) {
  return z.preprocess((raw, ctx) => {
    const r = (raw && typeof raw === "object" && key in raw ? withKey : without).safeParse(raw);
    if (!r.success) for (const issue of r.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
    return raw;
  }, z.union([withKey, without]));
}
