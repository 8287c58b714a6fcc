import { z } from "zod";
import { chinaDayEnd, chinaDayStart, chinaInstant } from "@/lib/time/china";
import { unitCodeSchema } from "@/lib/validation/fields";

const EARLIEST = Date.UTC(2000, 0, 1);
const at = (s: string) => chinaInstant(s).getTime();

/** A China-local date or date-time as a date input sends it: "2026-11-29" or "2026-11-29T08:30"; from 2000 to a day ahead. */
const localTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, "invalid_datetime")
  .refine((s) => !Number.isNaN(at(s)), "invalid_datetime")
  .refine((s) => at(s) >= EARLIEST, "too_early")
  .refine((s) => at(s) <= Date.now() + 86_400_000, "too_late");

/** An audit record id: a positive PostgreSQL bigint. */
const auditId = z
  .string()
  .regex(/^\d{1,19}$/, "invalid_id")
  // Zod runs this check after a failed regex too: BigInt must see digits only.
  .refine((s) => /^\d{1,19}$/.test(s) && BigInt(s) >= 1n && BigInt(s) <= 9_223_372_036_854_775_807n, "invalid_id");

/** The audit trail's filters, as they stand in the URL of /audit and its export. */
export const auditQuerySchema = z
  .object({
    from: localTime.optional(),
    to: localTime.optional(),
    actor: z.string().trim().min(1).max(64).optional(),
    unit: unitCodeSchema.optional(),
    action: z.string().trim().regex(/^[a-z0-9._-]{1,64}$/, "invalid_format").optional(),
    entityType: z.string().trim().regex(/^[A-Za-z]{1,32}$/, "invalid_format").optional(),
    entityId: z.string().trim().regex(/^[A-Za-z0-9_.:-]{1,64}$/, "invalid_format").optional(),
    success: z.enum(["true", "false"]).optional(),
    /** Keyset pagination: records older than this id. */
    before: auditId.optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const exportFormatSchema = z.enum(["csv", "xlsx"]);

export const auditIdSchema = z.object({ id: auditId }).strict();

/** The China-local instant a filter value names; `to` without a time means the end of that day. */
export function localInstant(value: string, end = false): Date {
  if (value.length === 10) {
    return end ? chinaDayEnd(value) : chinaDayStart(value);
  }
  const at = chinaInstant(value);
  return end ? new Date(at.getTime() + 60_000) : at;
}
