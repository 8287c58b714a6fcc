import { z } from "zod";
import { normalizePhone, isValidPhone } from "@/lib/pii";
import { intField, optional, pastInstantSchema, unitCodeSchema, uuidSchema } from "@/lib/validation/fields";

export const CALL_EVENTS = ["RINGING", "ANSWERED", "ENDED"] as const;
export const CALL_DIRECTIONS = ["OUTBOUND", "INBOUND"] as const;
/** The longest call the center reports (a day). */
export const MAX_CALL_SECONDS = 86_400;

const LINE = /^\+?[0-9][0-9-]{2,19}$/;
const lineNumber = z.string().trim().max(20, "too_long").regex(LINE, "invalid_phone").transform(normalizePhone);

/**
 * One event of one 96110 call (POST /api/v1/call-events). The person's number is the callee of an
 * outbound call and the caller of an inbound one: it must be a valid mobile or landline number.
 */
export const callEventSchema = z
  .object({
    callId: z.string().trim().min(1, "required").max(64, "too_long").regex(/^[A-Za-z0-9._:-]+$/, "invalid_call_id"),
    event: z.enum(CALL_EVENTS),
    at: pastInstantSchema,
    direction: z.enum(CALL_DIRECTIONS).default("OUTBOUND"),
    callerNumber: lineNumber,
    calleeNumber: lineNumber,
    agent: optional(z.string().trim().max(64, "too_long")),
    durationSeconds: intField(0, MAX_CALL_SECONDS).optional(),
    recordingRef: optional(z.string().trim().max(256, "too_long")),
    /** The desk the call was made from, when it is not the key's own unit: a unit of the key's jurisdiction. */
    unitCode: optional(unitCodeSchema),
  })
  .strict()
  .superRefine((e, ctx) => {
    const field = e.direction === "OUTBOUND" ? "calleeNumber" : "callerNumber";
    if (LINE.test(e[field]) && !isValidPhone(e[field])) ctx.addIssue({ code: "custom", path: [field], message: "invalid_phone" });
    if (e.event !== "ENDED") {
      if (e.durationSeconds !== undefined) ctx.addIssue({ code: "custom", path: ["durationSeconds"], message: "only_when_ended" });
      if (e.recordingRef !== undefined) ctx.addIssue({ code: "custom", path: ["recordingRef"], message: "only_when_ended" });
    }
  });
export type CallEventInput = z.infer<typeof callEventSchema>;

export const callsQuerySchema = z
  .object({
    matched: optional(z.enum(["true", "false"])).transform((v) => (v === undefined ? undefined : v === "true")),
    cursor: optional(uuidSchema),
  })
  .strict();
