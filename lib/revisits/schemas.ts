import { z } from "zod";
import { addDays, chinaToday, isIsoDay } from "@/lib/time/china";
import { noteSchema, optional, unitCodeSchema, uuidSchema, versionSchema } from "@/lib/validation/fields";
import { MAX_RESCHEDULE_DAYS, MAX_REVISITS, MAX_REVISIT_DAY, REVISIT_OUTCOMES } from "@/lib/revisits/constants";

/** A day a revisit is moved to: tomorrow at the earliest, at most MAX_RESCHEDULE_DAYS ahead (China days). */
const rescheduleDaySchema = z
  .string()
  .trim()
  .refine(isIsoDay, "invalid_date")
  .refine((d) => d > chinaToday(), "not_after_today")
  .refine((d) => d <= addDays(chinaToday(), MAX_RESCHEDULE_DAYS), "too_far");

/** The outcome of a revisit, as the officer's form or an API client sends it. */
export const revisitOutcomeSchema = z
  .object({
    id: uuidSchema,
    version: versionSchema,
    outcome: z.enum(REVISIT_OUTCOMES),
    note: optional(noteSchema),
    rescheduleOn: optional(rescheduleDaySchema),
  })
  .strict()
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.rescheduleOn && v.outcome !== "TEMP_UNREACHABLE") issue("rescheduleOn", "reschedule_not_allowed");
    if (v.outcome === "INFO_MISMATCH" && !v.note) issue("note", "note_required");
  });
export type RevisitOutcomeInput = z.infer<typeof revisitOutcomeSchema>;

/** One revisit (the outcome page's read). */
export const revisitIdSchema = z.object({ id: uuidSchema }).strict();

export const REVISIT_DUE = ["overdue", "today", "upcoming"] as const;

/** The revisits list's filter (the API's query, the pages' URL). */
export const revisitsQuerySchema = z
  .object({
    status: optional(z.enum(["OPEN", "DONE", "CANCELLED"])),
    due: optional(z.enum(REVISIT_DUE)),
    /** A unit of the caller's jurisdiction (dispatchers); officers see their own unit's. */
    unit: optional(unitCodeSchema),
    /** Only the revisits the caller is responsible for. */
    mine: optional(z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean())),
  })
  .strict();
export type RevisitsQuery = z.infer<typeof revisitsQuerySchema>;

/** The revisit intervals an administrator sets: "1, 7" (days after the dissuasion, ascending). */
export const revisitSettingsSchema = z
  .object({
    revisitDays: z
      .union([z.string(), z.array(z.coerce.number())])
      .transform((v) => (typeof v === "string" ? v.split(/[,，\s]+/).filter(Boolean).map(Number) : v))
      .pipe(
        z
          .array(z.number().int("not_integer").min(1, "too_small").max(MAX_REVISIT_DAY, "too_big"))
          .min(1, "required")
          .max(MAX_REVISITS, "too_many")
          .refine((d) => d.every((x, i) => i === 0 || x > d[i - 1]!), "not_ascending"),
      ),
    revisitDaysVersion: z.coerce.number().int().min(0).max(2_147_483_647),
  })
  .strict();
export type RevisitSettingsInput = z.infer<typeof revisitSettingsSchema>;
