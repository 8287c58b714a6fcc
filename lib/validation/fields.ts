// Field schemas shared by every domain's boundary schemas: one schema a kind of field, one behaviour
// each. Forms send strings (an empty field as "" or absent), the API sends JSON; the issue codes
// (the messages) are what the forms translate.
import { z } from "zod";
import { isLuhnValid, isValidIdNumber, isValidPhone, normalizeBankCard, normalizeIdNumber, normalizePhone } from "@/lib/pii";
import { canonical } from "@/lib/cases/money";
import { amountCeilingYuan } from "@/lib/env";
import { DAY_MS, chinaInstant, chinaToday, isDay, isIsoDay, isIsoMonth } from "@/lib/time/china";

// ───────────── absence ─────────────

/** A blank form field (empty or only spaces) and a JSON null both mean "not given". */
export const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** An optional field: blank or null is absent, anything else must pass `schema`. */
export const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());

// ───────────── text, numbers, choices ─────────────

/** Required text, trimmed. */
export const text = (min: number, max: number) =>
  z.preprocess(blankToUndefined, z.string({ error: (iss) => (iss.input === undefined ? "required" : "invalid_type") }).trim().min(min, "too_short").max(max, "too_long"));

/** Optional text, trimmed: blank becomes undefined. */
export const optionalText = (max: number) => optional(z.string().trim().max(max, "too_long"));

export const personNameSchema = z.string().trim().min(1, "required").max(64, "too_long");
export const noteSchema = z.string().trim().max(2000, "too_long");

/** A whole number in [min, max]; "12" and 12 both parse. */
export const intField = (min: number, max: number) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === "string" && /^[-+]?\d{1,12}$/.test(b.trim()) ? Number(b.trim()) : b;
    },
    z
      .number({ error: (iss) => (iss.input === undefined ? "required" : "invalid_number") })
      .int("invalid_number")
      .min(min, min === 0 ? "negative" : "too_small")
      .max(max, "too_big"),
  );
export const optionalInt = (min: number, max: number) => intField(min, max).optional();

export const enumField = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: (iss) => (iss.input === undefined ? "required" : "invalid_value") }));
export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: "invalid_value" }).optional());

export const pageField = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional());

// ───────────── identifiers ─────────────

export const uuidSchema = z.string().uuid("invalid_id");

/** A record version (PostgreSQL integer); a form's "3" and the API's 3 both parse. */
export const versionSchema = z.coerce.number("invalid_version").int().positive().max(2_147_483_647);

/** A yes/no: JSON's true/false, or a form's "true"/"false". */
export const booleanSchema = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean());

/**
 * A unit code: the 6-digit division code of a city or branch, plus two digits for a precinct or two
 * letters for a centre ("420300", "42030201", "420300FZ"). Lower-case letters are read as upper.
 */
export const UNIT_CODE = /^\d{6}(\d{2}|[A-Z]{2})?$/;
export const unitCodeSchema = z.string().trim().toUpperCase().regex(UNIT_CODE, "invalid_unit_code");

// ───────────── people ─────────────

/**
 * A phone number: a mainland mobile, typed with or without +86 / 86 / 0086 and with spaces or
 * dashes, is kept as its 11 digits; a landline keeps its area code and hyphen (0719-8123456).
 */
export const phoneSchema = z.string().transform(normalizePhone).refine(isValidPhone, "invalid_phone");

/** 18-digit 居民身份证号 with the GB 11643 checksum (spaces dropped, a lower-case x accepted). */
export const idNumberSchema = z.string().transform(normalizeIdNumber).refine((v) => isValidIdNumber(v), "invalid_id_number");

/**
 * A bank card or account number: 8–32 digits; a 16–19 digit card number must pass the Luhn check
 * (corporate account numbers have no check digit, so they are only checked for shape).
 */
export const bankAccountSchema = z
  .string()
  .transform(normalizeBankCard)
  .refine((v) => /^\d{8,32}$/.test(v) && (v.length < 16 || v.length > 19 || isLuhnValid(v)), "invalid_bank_card");

// ───────────── money ─────────────

/** An amount no single event plausibly carries is refused (`AMOUNT_CEILING_YUAN`, ¥1 亿 by default). */
export const underCeiling = (yuan: string) => Number(yuan) <= amountCeilingYuan();

/** Exact yuan as a decimal string with at most two places, up to the ceiling; normalised to two ("12.5" → "12.50"). */
export const moneySchema = z
  .string("invalid_money")
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, "invalid_money")
  .refine(underCeiling, "over_ceiling")
  .transform((v) => canonical(v));

export const positiveMoneySchema = moneySchema.refine((v) => v !== "0.00", "must_be_positive");

// ───────────── instants ─────────────

/** Nothing the platform records or filters on predates this (SECURITY.md G32). */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
/** How far ahead of our clock a sender's clock may run. */
export const FUTURE_SKEW_MS = 5 * 60_000;

// Times typed in a form have no zone: they are China time.
const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?$/;
const isoWithOffset = z.iso.datetime({ offset: true });

function toInstant(v: string): Date | null {
  const m = LOCAL.exec(v);
  if (m) {
    // Rejects 2026-02-30 and the like, which Date would roll over into March.
    if (!isDay(m[1]!)) return null;
    const t = chinaInstant(m[2] ? `${m[1]}T${m[2]}` : m[1]!);
    return Number.isNaN(t.getTime()) ? null : t;
  }
  if (!isoWithOffset.safeParse(v).success) return null;
  const t = new Date(v);
  return Number.isNaN(t.getTime()) ? null : t;
}

const instant = z
  .string("invalid_datetime")
  .trim()
  .transform((v, ctx) => {
    const t = toInstant(v);
    if (!t) ctx.addIssue({ code: "custom", message: "invalid_datetime" });
    else if (t.getTime() < EARLIEST_INSTANT) ctx.addIssue({ code: "custom", message: "too_early" });
    else return t;
    return z.NEVER;
  });

/** A moment that has happened: an ISO time with zone, or China-local "YYYY-MM-DD[THH:mm[:ss]]"; from 2000 on. */
export const pastInstantSchema = instant.refine((t) => t.getTime() <= Date.now() + FUTURE_SKEW_MS, "in_future");

/** A moment that may lie ahead (an expiry date): at most ten years from now. */
export const anyInstantSchema = instant.refine((t) => t.getTime() <= Date.now() + 3653 * DAY_MS, "too_late");

// ───────────── days ─────────────

/** A calendar day "YYYY-MM-DD" (2000–2099). */
export const daySchema = z.preprocess(
  blankToUndefined,
  z.string({ error: (iss) => (iss.input === undefined ? "required" : "invalid_date") }).trim().refine(isIsoDay, "invalid_date"),
);
/** A calendar day no later than today in China. */
export const pastDaySchema = daySchema.refine((d) => d <= chinaToday(), "in_future");
export const optionalDay = optional(z.string().trim().refine(isIsoDay, "invalid_date"));
export const optionalPastDay = optionalDay.refine((d) => d === undefined || d <= chinaToday(), "in_future");
export const optionalMonth = optional(z.string().trim().refine(isIsoMonth, "invalid_month"));

/** A calendar day a filter or a plan may name: 2000-01-01 to a year ahead. */
export const boundedDaySchema = z.iso
  .date("invalid_date")
  .refine((d) => Date.parse(d) >= EARLIEST_INSTANT, "too_early")
  .refine((d) => Date.parse(d) <= Date.now() + 366 * DAY_MS, "too_late");
