// Field schemas shared by the case inputs. Issue codes (the message) are what the forms translate.
import { z } from "zod";
import { isValidIdNumber, isValidPhone, isLuhnValid, normalizeBankCard, normalizeIdNumber, normalizePhone } from "@/lib/pii";
import { canonical } from "@/lib/cases/money";
import { EARLIEST_INSTANT, underCeiling } from "@/lib/validation/common";

/** Empty form fields (and JSON nulls) mean "not given". */
export const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/** Exact yuan as a decimal string with at most two places; normalised to two ("12.5" → "12.50"). */
export const moneySchema = z
  .string("invalid_amount")
  .trim()
  .regex(MONEY, "invalid_amount")
  .refine(underCeiling, "over_ceiling")
  .transform((v) => canonical(v));

export const positiveMoneySchema = moneySchema.refine((v) => v !== "0.00", "must_be_positive");

export const personNameSchema = z.string().trim().min(1, "required").max(64, "too_long");

export const phoneSchema = z
  .string()
  .transform(normalizePhone)
  .refine(isValidPhone, "invalid_phone");

export const idNumberSchema = z
  .string()
  .transform(normalizeIdNumber)
  .refine((v) => isValidIdNumber(v), "invalid_id_number");

/**
 * A bank card or account number: 8–32 digits; a 16–19 digit card number must pass the Luhn check
 * (corporate account numbers have no check digit, so they are only checked for shape).
 */
export const bankAccountSchema = z
  .string()
  .transform(normalizeBankCard)
  .refine((v) => /^\d{8,32}$/.test(v) && (v.length < 16 || v.length > 19 || isLuhnValid(v)), "invalid_bank_card");

export const noteSchema = z.string().trim().max(2000, "too_long");

// Times typed in a form have no zone: they are China time (UTC+8, no daylight saving).
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const FUTURE_SKEW_MS = 5 * 60_000;

function toInstant(v: string): Date | null {
  const m = LOCAL.exec(v);
  if (m) {
    const [, y, mo, d, h = "00", mi = "00", s = "00"] = m;
    const t = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`);
    return Number.isNaN(t.getTime()) ? null : checkCalendar(t, +y!, +mo!, +d!);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) return null;
  const t = new Date(v);
  return Number.isNaN(t.getTime()) ? null : t;
}

/** Rejects 2026-02-30 and the like, which Date would roll over into March. */
function checkCalendar(t: Date, y: number, m: number, d: number): Date | null {
  const china = new Date(t.getTime() + 8 * 3_600_000);
  return china.getUTCFullYear() === y && china.getUTCMonth() + 1 === m && china.getUTCDate() === d ? t : null;
}

const instant = z
  .string("invalid_date")
  .trim()
  .transform((v, ctx) => {
    const t = toInstant(v);
    if (!t || t.getTime() < EARLIEST_INSTANT) {
      ctx.addIssue({ code: "custom", message: "invalid_date" });
      return z.NEVER;
    }
    return t;
  });

/** A moment that has happened: an ISO time with zone, or China-local "YYYY-MM-DD[THH:mm]". */
export const pastInstantSchema = instant.refine((t) => t.getTime() <= Date.now() + FUTURE_SKEW_MS, "in_future");

/** A moment that may lie ahead (an expiry date): at most ten years from now. */
export const anyInstantSchema = instant.refine((t) => t.getTime() <= Date.now() + 3653 * 86_400_000, "too_late");

export const uuidSchema = z.string().uuid("invalid_id");
export const versionSchema = z.coerce.number("invalid_version").int().positive().max(2_147_483_647);
