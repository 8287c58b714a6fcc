import { z } from "zod";
import { isValidIdNumber, isValidPhone, isValidBankCard, normalizeIdNumber } from "@/lib/pii";

// Field schemas shared by every domain's boundary schemas.

export const uuidSchema = z.string().uuid("invalid_id");

/** Money as a decimal string of yuan with at most two places: "12345.67". */
export const moneySchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, "invalid_money");

export const phoneSchema = z.string().trim().refine(isValidPhone, "invalid_phone");

/** 18-digit 居民身份证号 with the GB 11643 checksum (a lower-case x is accepted). */
export const idNumberSchema = z
  .string()
  .trim()
  .transform(normalizeIdNumber)
  .refine((s) => isValidIdNumber(s), "invalid_id_number");

export const bankCardSchema = z.string().trim().refine(isValidBankCard, "invalid_bank_card");

/** An ISO-8601 instant with offset, not more than five minutes in the future. */
export const pastInstantSchema = z.iso
  .datetime({ offset: true, message: "invalid_datetime" })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, "in_future");

export const versionSchema = z.coerce.number().int().positive();
