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

/** Nothing the platform records or filters on predates this (SECURITY.md G32). */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
/** How far ahead of our clock a sender's clock may run. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** An ISO-8601 instant with offset, from 2000-01-01 to five minutes from now. */
export const pastInstantSchema = z.iso
  .datetime({ offset: true, message: "invalid_datetime" })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() >= EARLIEST_INSTANT, "too_early")
  .refine((d) => d.getTime() <= Date.now() + FUTURE_SKEW_MS, "in_future");

/** A calendar day "YYYY-MM-DD" a filter or a plan may name: 2000-01-01 to a year ahead. */
export const boundedDaySchema = z.iso
  .date("invalid_date")
  .refine((d) => Date.parse(d) >= EARLIEST_INSTANT, "too_early")
  .refine((d) => Date.parse(d) <= Date.now() + 366 * 86_400_000, "too_late");

/** A record version (PostgreSQL integer). */
export const versionSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** A yes/no: JSON's true/false, or a form's "true"/"false". */
export const booleanSchema = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean());
