import type { FreezeKind, FreezeStatus } from "@/lib/generated/prisma/enums";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long a bank holds the money: 紧急止付 48 hours, 冻结 six months (unless renewed). */
export const HOLD_MS: Record<FreezeKind, number> = { STOP_PAYMENT: 2 * DAY, FREEZE: 180 * DAY };

/**
 * How long before expiry a live request is flagged (and its unit's investigators notified): time
 * enough to turn a stop-payment into a freeze, or to renew a freeze.
 */
export const EXPIRY_WARNING_MS: Record<FreezeKind, number> = { STOP_PAYMENT: 12 * HOUR, FREEZE: 7 * DAY };

export const defaultExpiry = (kind: FreezeKind, from: Date) => new Date(from.getTime() + HOLD_MS[kind]);

/** True when a request holds money now and runs out within its warning window. */
export function isExpiringSoon(f: { kind: FreezeKind; status: FreezeStatus; expiresAt: Date | null }, now: Date): boolean {
  if ((f.status !== "EXECUTED" && f.status !== "PARTIAL") || !f.expiresAt) return false;
  const left = f.expiresAt.getTime() - now.getTime();
  return left > 0 && left <= EXPIRY_WARNING_MS[f.kind];
}
