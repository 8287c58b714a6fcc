import "server-only";
import { getDb } from "@/lib/db";

const IP_WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins one address may make in the window before it is refused (a station behind one
 * NAT address signs in all at once at shift change: successes do not count). */
export const IP_MAX_ATTEMPTS = 50;

/** True when the client's address has failed too often in the current window. */
export async function loginThrottled(ip: string | null, now: Date): Promise<boolean> {
  if (!ip) return false;
  const row = await getDb().loginThrottle.findUnique({ where: { key: ip } });
  return !!row && row.windowStart.getTime() > now.getTime() - IP_WINDOW_MS && row.count >= IP_MAX_ATTEMPTS;
}

/** Counts one failed sign-in against the client's address. */
export async function recordLoginFailure(ip: string | null, now: Date): Promise<void> {
  if (!ip) return;
  const windowStart = new Date(now.getTime() - IP_WINDOW_MS);
  await getDb().$executeRaw`
    INSERT INTO login_throttles (key, "windowStart", count) VALUES (${ip}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN login_throttles."windowStart" < ${windowStart} THEN 1 ELSE login_throttles.count + 1 END,
      "windowStart" = CASE WHEN login_throttles."windowStart" < ${windowStart} THEN ${now} ELSE login_throttles."windowStart" END`;
}
