import { z } from "zod";
import { PARTNER_REQUEST_KINDS, isBankKind } from "@/lib/requests/rules";
import {
  bankAccountSchema, moneySchema, optional, optionalEnum, pageField, pastInstantSchema, personNameSchema, phoneSchema, positiveMoneySchema,
  uuidSchema, versionSchema,
} from "@/lib/validation/fields";

/**
 * A new request, from a case or a warning (the path's id). The target is an account number for a
 * bank's 止付/冻结 (with the amount to hold) and a phone number for a carrier's 停机/核查.
 */
export const partnerRequestCreateSchema = z
  .object({
    id: uuidSchema,
    kind: z.enum(PARTNER_REQUEST_KINDS),
    partnerName: z.string().trim().min(2, "too_short").max(64, "too_long"),
    target: z.string().trim().min(1, "required").max(40, "too_long"),
    holderName: optional(z.string().trim().max(64, "too_long")),
    amount: optional(positiveMoneySchema),
    legalBasis: optional(z.string().trim().min(4, "too_short").max(300, "too_long")),
    reason: optional(z.string().trim().max(500, "too_long")),
    approverName: personNameSchema,
  })
  .strict()
  .transform((v, ctx) => {
    const bank = isBankKind(v.kind);
    const target = (bank ? bankAccountSchema : phoneSchema).safeParse(v.target);
    if (!target.success) {
      ctx.addIssue({ code: "custom", path: ["target"], message: bank ? "invalid_bank_card" : "invalid_phone" });
      return z.NEVER;
    }
    if (bank && !v.amount) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "required" });
      return z.NEVER;
    }
    return { ...v, target: target.data, amount: bank ? v.amount! : null };
  });
export type PartnerRequestCreate = z.output<typeof partnerRequestCreateSchema>;

export const PARTNER_ANSWERS = ["ACCEPTED", "REJECTED"] as const;

/** The partner's answer recorded by hand (a paper answer): accepted with the amount held, or rejected with its reason. */
export const partnerAnswerSchema = z
  .object({
    id: uuidSchema,
    version: versionSchema,
    result: z.enum(PARTNER_ANSWERS),
    reason: optional(z.string().trim().max(300, "too_long")),
    amountStopped: optional(moneySchema),
    answeredAt: optional(pastInstantSchema),
  })
  .strict();

export const partnerRequestIdSchema = z.object({ id: uuidSchema }).strict();

export const partnerRequestListSchema = z
  .object({
    kind: optionalEnum(PARTNER_REQUEST_KINDS),
    status: optionalEnum(["SENT", "ACCEPTED", "REJECTED", "UNDELIVERED"] as const),
    flag: optionalEnum(["lapsed", "lapsing"] as const),
    caseId: optional(uuidSchema),
    warningId: optional(uuidSchema),
    page: pageField,
  })
  .strict();
