import { z } from "zod";

const otpCode = z.string().trim().regex(/^\d{6}$/, "otp_format");

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "required").max(128, "too_long"),
    next: z.string().min(1, "required").max(128, "too_long"),
    confirm: z.string().max(128, "too_long"),
  })
  .strict()
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "mismatch" });

export const totpCodeSchema = z.object({ code: otpCode }).strict();

/** Admin actions on another user's credentials. */
export const userTargetSchema = z.object({ id: z.string().uuid("invalid_id") }).strict();
