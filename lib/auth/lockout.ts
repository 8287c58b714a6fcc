import "server-only";
import { getDb } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit/write-audit";

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** True while the account is locked. */
export const isLocked = (user: { lockedUntil: Date | null }, now: Date) => !!user.lockedUntil && user.lockedUntil > now;

/**
 * Counts one failed proof of the account's password or second factor (at sign-in, or as the
 * current password of a change); the fifth in a row locks the account for LOCK_MINUTES.
 *
 * The count and the lock commit in a transaction of their own, before anything else is written:
 * an audit record or a throttle row that fails afterwards cannot roll them back (SECURITY.md G29).
 * The increment is atomic, so concurrent guesses cannot all read the same count. `endSessions`
 * also ends every session of the user when it locks (a guesser holding a session loses it).
 */
export async function countFailedProof(
  userId: string, who: AuditActor, now: Date, { endSessions = false }: { endSessions?: boolean } = {},
): Promise<boolean> {
  const db = getDb();
  const failures = await db.$transaction(async (tx) => {
    const { failedLogins } = await tx.user.update({ where: { id: userId }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
    if (failedLogins >= LOCK_AFTER_FAILURES) {
      await tx.user.update({
        where: { id: userId },
        data: { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), ...(endSessions ? { sessionVersion: { increment: 1 } } : {}) },
      });
    }
    return failedLogins;
  });
  if (failures < LOCK_AFTER_FAILURES) return false;
  await db.$transaction((tx) =>
    writeAudit(tx, who, { action: "auth.lock", success: true, entityType: "User", entityId: userId, details: { failures, minutes: LOCK_MINUTES, endedSessions: endSessions } }),
  );
  return true;
}
