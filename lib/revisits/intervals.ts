import "server-only";
import type { Db, Tx } from "@/lib/db";
import { DEFAULT_REVISIT_DAYS, MAX_REVISIT_DAY, MAX_REVISITS } from "@/lib/revisits/constants";

/** AppSetting key of the revisit intervals (days after the dissuasion, ascending). */
export const REVISIT_DAYS_KEY = "revisitIntervalDays";

/** Whether a stored value is a valid list of intervals: 1–5 distinct ascending days of 1–90. */
export function isRevisitDays(v: unknown): v is number[] {
  return (
    Array.isArray(v) && v.length >= 1 && v.length <= MAX_REVISITS &&
    v.every((d, i) => Number.isInteger(d) && d >= 1 && d <= MAX_REVISIT_DAY && (i === 0 || d > v[i - 1]))
  );
}

/**
 * The configured revisit intervals, read in the caller's transaction (never cached: a resolution
 * right after an administrator's change uses the new intervals; one indexed row read).
 */
export async function revisitDays(db: Db | Tx): Promise<number[]> {
  const row = await db.appSetting.findUnique({ where: { key: REVISIT_DAYS_KEY }, select: { value: true } });
  return isRevisitDays(row?.value) ? row.value : [...DEFAULT_REVISIT_DAYS];
}
