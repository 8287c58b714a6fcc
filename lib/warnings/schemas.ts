import { z } from "zod";
import { ActionKind, ActionResult, ContactChannel, FraudType, Gender, RiskLevel, WarningSource, WarningStatus } from "@/lib/generated/prisma/enums";
import { RESOLVE_OUTCOMES } from "@/lib/warnings/state-machine";
import { fraudContactsSchema } from "@/lib/contacts/schemas";
import { boundedDaySchema, idNumberSchema, moneySchema, pastInstantSchema, phoneSchema, uuidSchema, versionSchema, unitCodeSchema } from "@/lib/validation/fields";

export const MAX_BATCH = 5_000;

/** The sources a person enters by hand (the manual form); machine feeds send the others with their keys. */
export const MANUAL_SOURCES = ["HOTLINE", "WALK_IN"] as const satisfies readonly WarningSource[];

const text = (max: number) => z.string().trim().min(1, "required").max(max, "too_long");

/** One warning as upstream feeds and the manual-entry form send it (DESIGN.md §5). */
export const ingestWarningSchema = z
  .object({
    source: z.enum(WarningSource),
    externalId: z.string().trim().min(1, "required").max(64, "too_long").regex(/^[\w.:\-/]+$/, "invalid_chars"),
    riskLevel: z.enum(RiskLevel),
    fraudType: z.enum(FraudType),
    receivedAt: pastInstantSchema,
    victim: z
      .object({
        name: text(64).optional(),
        phone: phoneSchema,
        idNumber: idNumberSchema.optional(),
        age: z.number().int().min(0).max(120).optional(),
        gender: z.enum(Gender).optional(),
        address: text(255).optional(),
      })
      .strict(),
    unitCode: unitCodeSchema.optional(),
    contact: z.object({ channel: z.enum(ContactChannel), value: text(128) }).strict(),
    /** More of the fraudsters' contacts (串并案), normalised; linked to the warning when it is created. */
    fraudContacts: fraudContactsSchema.optional(),
    amountAtRisk: moneySchema.optional(),
    note: text(2000).optional(),
  })
  .strict();
export type IngestWarningInput = z.infer<typeof ingestWarningSchema>;

/** A transition request: the target state and the version the client saw. */
export const transitionSchema = z
  .object({
    to: z.enum(WarningStatus),
    version: versionSchema,
    outcome: z.enum(RESOLVE_OUTCOMES).optional(),
    note: text(2000).optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof transitionSchema>;

/** A dissuasion action logged against a warning. */
export const logActionSchema = z
  .object({
    kind: z.enum(ActionKind),
    result: z.enum(ActionResult),
    occurredAt: pastInstantSchema.optional(),
    durationSeconds: z.coerce.number().int().min(0).max(6 * 3600).optional(),
    amountProtected: moneySchema.optional(),
    note: text(2000).optional(),
    followUpOn: boundedDaySchema.optional(),
  })
  .strict();
export type LogActionInput = z.infer<typeof logActionSchema>;

/** The warning page's call form: a dissuasion action whose duration is typed in minutes. */
export const logCallSchema = logActionSchema
  .omit({ durationSeconds: true })
  .extend({ durationMinutes: z.coerce.number().min(0).max(6 * 60).optional() })
  .strict();

/** A dispatch: the target unit, the version seen, and the 下发说明 for the precinct (kept on the warning). */
export const dispatchSchema = z.object({ unitCode: unitCodeSchema, version: versionSchema, note: text(2000).optional() }).strict();

export const warningIdParams = z.object({ id: uuidSchema }).strict();

/** The queue's selection for a bulk action: at most 200 warnings, each with the version it showed. */
export const bulkSelectionSchema = z.array(z.object({ id: uuidSchema, version: versionSchema }).strict()).min(1, "required").max(200, "too_big");

/** The queue's filters, as they live in the URL. */
export const queueQuerySchema = z
  .object({
    status: z.enum(["open", ...Object.values(WarningStatus)]).default("open"),
    risk: z.enum(RiskLevel).optional(),
    unit: unitCodeSchema.optional(),
    source: z.enum(WarningSource).optional(),
    fraudType: z.enum(FraudType).optional(),
    from: boundedDaySchema.optional(),
    to: boundedDaySchema.optional(),
    phone: z.string().regex(/^\d{4}$/, "phone_tail").optional(),
    /** Only warnings whose next SLA step is overdue (the 已超时 card). */
    overdue: z.enum(["1"]).optional(),
    cursor: z.string().regex(/^[\w-]{1,300}$/, "invalid_cursor").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type QueueQuery = z.infer<typeof queueQuerySchema>;

/**
 * What an opaque queue cursor carries: the last row's sort key in the view it came from. Urgent
 * views (anything not resolved) sort by queueRank, priority, id; resolved history by receivedAt, id.
 */
export const queueCursorSchema = z.discriminatedUnion("v", [
  z.object({ v: z.literal("rank"), r: z.iso.datetime(), p: z.number().int(), id: uuidSchema }).strict(),
  z.object({ v: z.literal("received"), d: z.iso.datetime(), id: uuidSchema }).strict(),
]);
export type QueueCursor = z.infer<typeof queueCursorSchema>;
