import { z } from "zod";
import { isValidIdNumber, isValidPhone, isValidBankCard, normalizeIdNumber } from "@/lib/pii";
import { amountCeilingYuan } from "@/lib/env";

/** An amount no single event plausibly carries is refused (`AMOUNT_CEILING_YUAN`, ¥1 亿 by default). */
export const underCeiling = (yuan: string) => Number(yuan) <= amountCeilingYuan();

// Field schemas shared by every domain's boundary schemas.

export const uuidSchema = z.string().uuid("invalid_id");

/** Money as a decimal string of yuan with at most two places: "12345.67", up to the configured ceiling. */
export const moneySchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, "invalid_money")
  .refine(underCeiling, "over_ceiling");

export const phoneSchema = z.string().trim().refine(isValidPhone, "invalid_phone");

/** 18-digit 居民身份证号 with the GB 11643 checksum (a lower-case x is accepted). */
export const idNumberSchema = z
  .string()
  .trim()
  .transform(normalizeIdNumber)
  .refine((s) => isValidIdNumber(s), "invalid_id_number");

export const bankCardSchema = z.string().trim().refine(isValidBankCard, "invalid_bank_card");

/** The earliest moment any record of the platform may carry (the cases' instants share it). */
export const EARLIEST_INSTANT_MS = Date.UTC(2000, 0, 1);

/** An ISO-8601 instant with offset, from 2000 on and not more than five minutes in the future. */
export const pastInstantSchema = z.iso
  .datetime({ offset: true, message: "invalid_datetime" })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() >= EARLIEST_INSTANT_MS, "too_early")
  .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, "in_future");

export const versionSchema = z.coerce.number().int().positive();
