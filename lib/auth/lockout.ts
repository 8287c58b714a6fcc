import "server-only";
import { getDb, type DbOrTx } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit/write-audit";

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

type LockOptions = { endSessions?: boolean };

/** True while the account is locked. */
export const isLocked = (user: { lockedUntil: Date | null }, now: Date) => !!user.lockedUntil && user.lockedUntil > now;

/*
 * A proof of the account's password or second factor takes an attempt before it is checked, and
 * the attempt counts as a failure until the proof turns out right. Checking first and counting
 * after would let guesses sent at once all pass the lock check during the slow hash: taking the
 * attempt is one conditional UPDATE, so no more than LOCK_AFTER_FAILURES proofs are ever checked
 * between a success and the lock. An attempt lost to a crash stays counted (it fails safe), and the
 * lock, which zeroes the count, bounds that too.
 *
 * Every step commits on its own, before anything else is written: an audit record or a throttle
 * row that fails afterwards cannot roll the count or the lock back (SECURITY.md G29). The
 * `endSessions` option also ends every session of the user when it locks (a guesser holding a
 * session loses it).
 */

/**
 * Takes an attempt to check a proof. False when the account is locked, or when LOCK_AFTER_FAILURES
 * attempts are already counted (failed, or still being checked): the account is then locked at
 * once — that many guesses at the same time are an attack, even if one of them is still pending.
 */
export async function reserveProof(userId: string, who: AuditActor, now: Date, options: LockOptions = {}): Promise<boolean> {
  const taken = await getDb().$executeRaw`
    UPDATE users SET "failedLogins" = "failedLogins" + 1
    WHERE id = ${userId}::uuid AND "failedLogins" < ${LOCK_AFTER_FAILURES}
      AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})`;
  if (taken === 1) return true;
  await lockIfExhausted(userId, who, now, options);
  return false;
}

/** The reserved proof was right: its attempt is given back. */
export async function releaseProof(userId: string): Promise<void> {
  await getDb().$executeRaw`UPDATE users SET "failedLogins" = "failedLogins" - 1 WHERE id = ${userId}::uuid AND "failedLogins" > 0`;
}

/**
 * The reserved proof was wrong: its attempt stays counted, and the LOCK_AFTER_FAILURES-th locks the
 * account for LOCK_MINUTES. True when this failure locked it.
 */
export const proofFailed = (userId: string, who: AuditActor, now: Date, options: LockOptions = {}): Promise<boolean> =>
  lockIfExhausted(userId, who, now, options);

/**
 * A sign-in succeeded: the failures are forgotten, unless the account locked while this attempt was
 * checked — a locked account never signs in. False then. Runs in the sign-in's transaction.
 */
export async function clearFailedProofs(tx: DbOrTx, userId: string, now: Date): Promise<boolean> {
  const cleared = await tx.$executeRaw`
    UPDATE users SET "failedLogins" = 0, "lockedUntil" = NULL
    WHERE id = ${userId}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})`;
  return cleared === 1;
}

/** Locks the account when LOCK_AFTER_FAILURES attempts are counted and audits the lock; true when it locked. */
async function lockIfExhausted(userId: string, who: AuditActor, now: Date, { endSessions = false }: LockOptions): Promise<boolean> {
  const db = getDb();
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const locked = await db.$executeRaw`
    UPDATE users SET "failedLogins" = 0, "lockedUntil" = ${until}, "sessionVersion" = "sessionVersion" + ${endSessions ? 1 : 0}
    WHERE id = ${userId}::uuid AND "failedLogins" >= ${LOCK_AFTER_FAILURES}
      AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})`;
  if (locked === 0) return false;
  await db.$transaction((tx) =>
    writeAudit(tx, who, { action: "auth.lock", success: true, entityType: "User", entityId: userId, details: { failures: LOCK_AFTER_FAILURES, minutes: LOCK_MINUTES, endedSessions: endSessions } }),
  );
  return true;
}
