// Boundary schemas of appeals (申诉) against art. 31/38 measures.
import { z } from "zod";
import { AppealStatus } from "@/lib/generated/prisma/enums";
import {
  blankToUndefined, enumField, idNumberSchema, optional, optionalEnum, optionalText, pageField, pastDaySchema, phoneSchema, text, unitCodeSchema, uuidSchema, versionSchema,
} from "@/lib/validation/fields";

export const APPEAL_STATUSES = Object.values(AppealStatus) as [AppealStatus, ...AppealStatus[]];
export const OPEN_APPEAL_STATUSES = ["RECEIVED", "UNDER_REVIEW"] as const satisfies readonly AppealStatus[];
export const APPEAL_DECISIONS = ["UPHELD", "REVOKED"] as const satisfies readonly AppealStatus[];
export const APPEAL_FLAGS = ["overdue", "dueSoon"] as const;
export type { AppealStatus };

export const MAX_EVIDENCE_ITEMS = 20;

/** The evidence list: an array, or (from a form's textarea) one item per line; blank lines dropped. */
const evidenceSchema = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    const list = typeof b === "string" ? b.split(/\r?\n/) : b;
    return Array.isArray(list) ? list.filter((x) => !(typeof x === "string" && x.trim() === "")) : list;
  },
  z.array(z.string().trim().min(1, "required").max(500, "too_long")).max(MAX_EVIDENCE_ITEMS, "too_many_items").optional(),
);

export const registerAppealSchema = z
  .object({
    measureId: uuidSchema,
    appellantName: text(1, 64),
    appellantPhone: optional(phoneSchema),
    appellantIdNumber: optional(idNumberSchema),
    grounds: text(4, 4000),
    evidence: evidenceSchema,
    receivedOn: pastDaySchema,
  })
  .strict();
export type RegisterAppealInput = z.infer<typeof registerAppealSchema>;

export const takeAppealSchema = z.object({ id: uuidSchema, version: versionSchema }).strict();

export const decideAppealSchema = z
  .object({ id: uuidSchema, version: versionSchema, decision: enumField(APPEAL_DECISIONS), reason: text(4, 2000) })
  .strict();
export type DecideAppealInput = z.infer<typeof decideAppealSchema>;

export const withdrawAppealSchema = z.object({ id: uuidSchema, version: versionSchema, reason: optionalText(2000) }).strict();

/** The list's URL state and the API's query. */
export const appealsQuerySchema = z
  .object({
    status: optionalEnum(APPEAL_STATUSES),
    flag: optionalEnum(APPEAL_FLAGS),
    unit: optional(unitCodeSchema),
    measureId: optional(uuidSchema),
    page: pageField,
  })
  .strict();
export type AppealsQuery = z.infer<typeof appealsQuerySchema>;

export const appealIdSchema = z.object({ id: uuidSchema }).strict();

/** The review period in working days, as the city's administrator sets it. */
export const MAX_APPEAL_DEADLINE_DAYS = 60;
export const appealSettingsSchema = z
  .object({
    appealDeadlineDays: z.coerce.number().int("not_integer").min(1, "too_small").max(MAX_APPEAL_DEADLINE_DAYS, "too_big"),
    // 0 while the default is in force (no row yet).
    appealDeadlineDaysVersion: z.coerce.number().int().min(0).max(2_147_483_647),
  })
  .strict();
