import { z } from "zod";
import { uuidSchema, versionSchema } from "@/lib/validation/fields";
import { chinaInstant } from "@/lib/time/china";

/** The longest shift a handover may cover: a shift that started more than a day ago is a typo. */
export const MAX_SHIFT_HOURS = 24;

/** A China-local minute as a datetime-local input sends it ("2026-12-02T08:00"), as the instant it names. */
const chinaMinute = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "invalid_datetime")
  .transform((s) => chinaInstant(s))
  .refine((d) => !Number.isNaN(d.getTime()), "invalid_datetime");

/** 交班: when the outgoing shift began (default: where the last handover left off) and a note. */
export const createHandoverSchema = z
  .object({
    shiftStart: chinaMinute.optional(),
    note: z.string().trim().max(2000, "too_long").optional(),
  })
  .strict();
export type CreateHandoverInput = z.infer<typeof createHandoverSchema>;

/** 接班: the handover and the version the incoming dispatcher saw. */
export const acknowledgeHandoverSchema = z.object({ id: uuidSchema, version: versionSchema }).strict();
