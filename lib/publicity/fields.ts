// Field schemas of the publicity boundary. Forms send strings (and null for absent fields), the
// API sends JSON: every field accepts both, and an empty string counts as absent.
import { z } from "zod";
import { isValidIdNumber, normalizeIdNumber } from "@/lib/pii";
import { chinaToday, isIsoDay, isIsoMonth } from "@/lib/publicity/days";

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

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

/** Required text, trimmed. */
export const text = (min: number, max: number) =>
  z.preprocess(blankToUndefined, z.string({ error: (iss) => (iss.input === undefined ? "required" : "invalid_type") }).trim().min(min, "too_short").max(max, "too_long"));

/** Optional text: blank becomes undefined. */
export const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, "too_long").optional());

/** A calendar day "YYYY-MM-DD". */
export const daySchema = z.preprocess(
  blankToUndefined,
  z.string({ error: (iss) => (iss.input === undefined ? "required" : "invalid_date") }).trim().refine(isIsoDay, "invalid_date"),
);
/** A calendar day no later than today in China. */
export const pastDaySchema = daySchema.refine((d) => d <= chinaToday(), "in_future");
export const optionalDay = z.preprocess(blankToUndefined, z.string().trim().refine(isIsoDay, "invalid_date").optional());
export const optionalPastDay = optionalDay.refine((d) => d === undefined || d <= chinaToday(), "in_future");
export const optionalMonth = z.preprocess(blankToUndefined, z.string().trim().refine(isIsoMonth, "invalid_month").optional());

export const enumField = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: (iss) => (iss.input === undefined ? "required" : "invalid_value") }));
export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: "invalid_value" }).optional());

/** A unit code; which unit it names is resolved inside the actor's jurisdiction. */
export const unitCodeField = z.preprocess(blankToUndefined, z.string().trim().toUpperCase().regex(/^\d{6}(\d{2}|[A-Z]{2})?$/, "invalid_unit_code").optional());

export const idField = z.string({ error: "invalid_id" }).uuid("invalid_id");
export const versionField = intField(1, 2_000_000_000);

/** 18-digit 居民身份证号 with the GB 11643 checksum; optional. */
export const optionalIdNumber = z.preprocess(
  (v) => (typeof v === "string" ? blankToUndefined(normalizeIdNumber(v)) : blankToUndefined(v)),
  z.string().refine(isValidIdNumber, "invalid_id_number").optional(),
);

export const pageField = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional());
