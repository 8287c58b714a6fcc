import { z } from "zod";

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "too_short")
  .max(32, "too_long")
  .regex(/^[a-zA-Z0-9_.-]+$/, "invalid_chars");

/** What the login form sends. Over-long fields are rejected before any hashing work. */
export const loginSchema = z
  .object({
    username: usernameSchema,
    password: z.string().min(1, "required").max(128, "too_long"),
    otp: z.string().regex(/^\d{6}$|^[a-z0-9]{10}$/i, "invalid").optional(),
  })
  .strict();

export type LoginInput = z.infer<typeof loginSchema>;

/** The reasons a login fails, as the login form shows them. */
export const LOGIN_ERRORS = ["INVALID_INPUT", "INVALID_CREDENTIALS", "LOCKED", "DISABLED", "PENDING_APPROVAL", "THROTTLED", "OTP_REQUIRED", "OTP_INVALID", "WALL_ADDRESS", "UNAVAILABLE"] as const;
export type LoginError = (typeof LOGIN_ERRORS)[number];
