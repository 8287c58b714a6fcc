import { z } from "zod";
import { FraudType } from "@/lib/generated/prisma/enums";
import { chinaToday, addDays, isIsoDay } from "@/lib/time/china";
import { idNumberSchema, moneySchema, pastInstantSchema, phoneSchema, uuidSchema, versionSchema, unitCodeSchema } from "@/lib/validation/fields";
import { MAX_FOLLOW_UP_DAYS, VISIT_OUTCOMES, type VisitOutcome } from "@/lib/field/constants";

export { MAX_FOLLOW_UP_DAYS, VISIT_OUTCOMES, type VisitOutcome };

/** Zod's error option: "required" for a missing value, `code` for a wrong one. */
const required = (code = "invalid_value") => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? "required" : code) });
const text = (max: number) => z.string(required("invalid_type")).trim().min(1, "required").max(max, "too_long");
/** A required field whose own schema starts from a string (so a missing one says "required"). */
const present = <S extends z.ZodType<unknown, string>>(schema: S, code: string) => z.string(required(code)).pipe(schema);

/** A follow-up day in China: today at the earliest, at most MAX_FOLLOW_UP_DAYS ahead. */
export const followUpDaySchema = z
  .string()
  .trim()
  .refine(isIsoDay, "invalid_date")
  .refine((d) => d >= chinaToday(), "in_past")
  .refine((d) => d <= addDays(chinaToday(), MAX_FOLLOW_UP_DAYS), "too_far");

/**
 * A yes/no answer: a JSON boolean, or as a form posts it ("true"/"false"; a ticked checkbox sends
 * "true", an unticked one nothing).
 */
const yesNo = (schema: z.ZodBoolean | z.ZodDefault<z.ZodBoolean>) => z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), schema);

const visitFields = {
  arrivedAt: present(pastInstantSchema, "invalid_datetime"),
  personFound: yesNo(z.boolean(required("invalid_type"))),
  outcome: z.enum(VISIT_OUTCOMES, required()),
  fraudType: z.enum(FraudType, required()).optional(),
  amountProtected: moneySchema.optional(),
  appRegistered: yesNo(z.boolean().default(false)),
  relativesContacted: yesNo(z.boolean().default(false)),
  note: text(2000).optional(),
  followUpOn: followUpDaySchema.optional(),
};

type VisitShape = { personFound: boolean; outcome: VisitOutcome; amountProtected?: string; appRegistered: boolean; followUpOn?: string };

/** The rules that tie the visit's fields together; each names the field to fix. */
function visitRules(v: VisitShape, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (v.outcome === "NOT_FOUND" && v.personFound) issue("personFound", "found_but_not_found");
  if (!v.personFound && ["DISSUADED", "REFUSED", "ALREADY_PAID"].includes(v.outcome)) issue("personFound", "needs_person");
  if (v.appRegistered && !v.personFound) issue("appRegistered", "needs_person");
  if (v.amountProtected && Number(v.amountProtected) > 0 && v.outcome !== "DISSUADED" && v.outcome !== "ALREADY_PAID") issue("amountProtected", "amount_not_allowed");
  if (v.outcome === "REFUSED" && !v.followUpOn) issue("followUpOn", "follow_up_required");
}

/** A home visit (上门劝阻) as the officer's form or an API client sends it. */
export const homeVisitSchema = z.object(visitFields).strict().superRefine(visitRules);
export type HomeVisitInput = z.infer<typeof homeVisitSchema>;
/** A home visit to the warning `id` (the route's path id). */
export const warningVisitSchema = z.object({ ...visitFields, id: uuidSchema }).strict().superRefine(visitRules);
/** The follow-up visit the record `id` of the caller's unit scheduled. */
export const followUpVisitSchema = warningVisitSchema;

/** A counter interception (临柜拦截): standalone, or for a warning that preceded it. */
export const counterInterceptSchema = z
  .object({
    occurredAt: present(pastInstantSchema, "invalid_datetime"),
    bankName: text(64),
    bankBranch: text(128),
    customerName: text(64),
    customerIdNumber: idNumberSchema.optional(),
    customerPhone: phoneSchema.optional(),
    amountProtected: present(moneySchema, "invalid_money").refine((s) => Number(s) > 0, "amount_zero"),
    fraudType: z.enum(FraudType, required()),
    appRegistered: yesNo(z.boolean().default(false)),
    relativesContacted: yesNo(z.boolean().default(false)),
    note: text(2000).optional(),
    followUpOn: followUpDaySchema.optional(),
    warningId: uuidSchema.optional(),
  })
  .strict();
export type CounterInterceptInput = z.infer<typeof counterInterceptSchema>;

export const claimSchema = z.object({ id: uuidSchema, version: versionSchema }).strict();
export const assignSchema = z.object({ id: uuidSchema, userId: uuidSchema, version: versionSchema }).strict();

/** My tasks' filter, as it lives in the URL. */
export const tasksQuerySchema = z.object({ show: z.enum(["all", "mine", "unclaimed"]).default("all") }).strict();
export type TasksQuery = z.infer<typeof tasksQuerySchema>;

/** The precinct view's unit (dispatchers pick one of their jurisdiction; officers see their own). */
export const precinctQuerySchema = z.object({ unit: unitCodeSchema.optional() }).strict();
