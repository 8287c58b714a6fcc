import "server-only";
import { getDb } from "@/lib/db";

/** AppSetting key of the password lifetime in days (SECURITY.md A2; 等保 asks for periodic change). */
export const PASSWORD_MAX_AGE_KEY = "passwordMaxAgeDays";
export const DEFAULT_PASSWORD_MAX_AGE_DAYS = 90;
const CACHE_MS = 60_000;

let cached: { days: number; at: number } | undefined;

/** The configured password lifetime (1–3650 days; anything else means the default), cached for a minute. */
export async function passwordMaxAgeDays(now = Date.now()): Promise<number> {
  if (cached && now - cached.at < CACHE_MS) return cached.days;
  const row = await getDb().appSetting.findUnique({ where: { key: PASSWORD_MAX_AGE_KEY }, select: { value: true } });
  const v = row?.value;
  const days = typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 3650 ? v : DEFAULT_PASSWORD_MAX_AGE_DAYS;
  cached = { days, at: now };
  return days;
}

/** Forgets the cached value (after an admin changes it, and in tests). */
export function forgetPasswordMaxAge(): void {
  cached = undefined;
}

export const passwordExpired = (changedAt: Date, maxAgeDays: number, now: Date) =>
  now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000;
