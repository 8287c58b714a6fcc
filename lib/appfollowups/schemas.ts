import { z } from "zod";
import { noteSchema, optional, unitCodeSchema, uuidSchema, versionSchema } from "@/lib/validation/fields";
import { APP_FOLLOWUP_OUTCOMES } from "@/lib/appfollowups/constants";

/** The outcome of an app follow-up, as the officer's form or an API client sends it. */
export const appFollowUpOutcomeSchema = z
  .object({
    id: uuidSchema,
    version: versionSchema,
    outcome: z.enum(APP_FOLLOWUP_OUTCOMES),
    note: optional(noteSchema),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === "REFUSED" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "note_required" });
  });
export type AppFollowUpOutcomeInput = z.infer<typeof appFollowUpOutcomeSchema>;

/** The app follow-ups list's filter (the API's query). */
export const appFollowUpsQuerySchema = z
  .object({
    status: optional(z.enum(["OPEN", "DONE"])),
    /** A unit of the caller's jurisdiction (dispatchers); officers see their own unit's. */
    unit: optional(unitCodeSchema),
  })
  .strict();
export type AppFollowUpsQuery = z.infer<typeof appFollowUpsQuerySchema>;

/** One app follow-up (the phone page's read). */
export const appFollowUpIdSchema = z.object({ id: uuidSchema }).strict();
