import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-policy";
import { isLocked, proofFailed, releaseProof, reserveProof } from "@/lib/auth/lockout";
import { changePasswordSchema } from "@/lib/auth/account-schemas";

const invalid = (path: string, code: string) => new AppError("VALIDATION", code, [{ path, code, message: code }]);

/**
 * The signed-in user changes their own password (forced on first login and on expiry). The
 * current password is required; the new one must pass the policy and differ from it. Every other
 * session of the user ends (session version bump); the calling session carries on.
 *
 * A wrong current password counts toward the account's lockout as a failed sign-in does (a stolen
 * session must not become an unlimited password oracle); the lock also ends every session.
 */
export async function changeOwnPassword(who: Actor, raw: unknown, now = new Date()): Promise<void> {
  const db = getDb();
  const input = parseInput(changePasswordSchema, raw);
  const user = await db.user.findUniqueOrThrow({ where: { id: who.id }, select: { passwordHash: true, username: true, displayName: true, lockedUntil: true } });
  const audit = (success: boolean, details: Record<string, unknown>) =>
    db.$transaction((tx) => writeAudit(tx, who, { action: "auth.password.change", success, entityType: "User", entityId: who.id, details }));
  // The attempt is taken before the slow check (lib/auth/lockout.ts): guesses sent at once count too.
  if (isLocked(user, now) || !(await reserveProof(who.id, who, now, { endSessions: true }))) {
    await audit(false, { reason: "locked" });
    throw invalid("current", "account_locked");
  }
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    const locked = await proofFailed(who.id, who, now, { endSessions: true });
    await audit(false, { reason: "wrong-current" });
    throw invalid("current", locked ? "account_locked" : "wrong_password");
  }
  await releaseProof(who.id);
  const problems = passwordProblems(input.next, [user.username]);
  if (problems.length) throw new AppError("VALIDATION", "weak password", problems.map((code) => ({ path: "next", code, message: code })));
  if (await verifyPassword(user.passwordHash, input.next)) throw invalid("next", "same_as_current");
  const passwordHash = await hashPassword(input.next);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: who.id },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: false, failedLogins: 0, sessionVersion: { increment: 1 }, version: { increment: 1 } },
      select: { sessionVersion: true },
    });
    // Other sessions die on their next request; this one moves to the new version.
    if (who.sessionId) await tx.userSession.update({ where: { id: who.sessionId }, data: { sessionVersion: updated.sessionVersion } });
    await writeAudit(tx, who, { action: "auth.password.change", success: true, entityType: "User", entityId: who.id });
  });
}
