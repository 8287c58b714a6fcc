// What an administrator may do to another user's sign-in: reset their password (to a one-time
// password the server chooses) or their second factor (they enrol again at their next login),
// and end all their sessions. Each ends the user's sessions, each is audited, and none works on
// oneself (三员分立: nobody changes their own credentials this way).
import "server-only";
import { type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { userTargetSchema } from "@/lib/auth/account-schemas";
import { hashPassword, oneTimePassword } from "@/lib/auth/password";
import { approverFor, resetNeedsApproval } from "@/lib/approvals/policy";
import { assertNoOpenProposal, propose } from "@/lib/approvals/propose";

function assertNotSelf(actor: Actor, id: string) {
  if (id === actor.id) throw new AppError("FORBIDDEN", "not on your own account");
}

/** Clears the user's TOTP secret and recovery codes and ends their sessions. */
export const resetUserFactor = command({
  name: "user.mfa.reset", permission: "users:manage",
  summary: "Clear a user's second factor and end their sessions",
  input: userTargetSchema, audit: ["user.mfa.reset"],
  async run({ actor, input: { id }, tx, now }): Promise<void> {
    assertNotSelf(actor, id);
    const { count } = await tx.user.updateMany({
      where: { id, ...inJurisdiction(actor) },
      data: {
        totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [],
        sessionVersion: { increment: 1 }, version: { increment: 1 },
      },
    });
    if (count === 0) throw notFound("user");
    const ended = await tx.userSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, actor, { action: "user.mfa.reset", success: true, entityType: "User", entityId: id, details: { endedSessions: ended.count } });
  },
});

/** Ends every session of the user at once (a lost phone, a departure). */
export const endUserSessions = command({
  name: "user.sessions.end", permission: "users:manage",
  summary: "End every session of a user",
  input: userTargetSchema, audit: ["user.sessions.end"],
  async run({ actor, input: { id }, tx, now }): Promise<{ ended: number }> {
    assertNotSelf(actor, id);
    const { count } = await tx.user.updateMany({ where: { id, ...inJurisdiction(actor) }, data: { sessionVersion: { increment: 1 } } });
    if (count === 0) throw notFound("user");
    const ended = await tx.userSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, actor, { action: "user.sessions.end", success: true, entityType: "User", entityId: id, details: { endedSessions: ended.count } });
    return { ended: ended.count };
  },
});

/** Puts a new (one-time) password in place and ends the user's sessions; answers how many ended. */
export async function applyPasswordReset(tx: Tx, id: string, passwordHash: string, now = new Date()): Promise<number> {
  await tx.user.update({
    where: { id },
    data: { passwordHash, mustChangePassword: true, passwordChangedAt: now, failedLogins: 0, lockedUntil: null, sessionVersion: { increment: 1 }, version: { increment: 1 } },
  });
  const ended = await tx.userSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } });
  return ended.count;
}

/**
 * Gives the user a one-time password, returned once to be handed over and changed at the first
 * sign-in. A password is a credential: for an account that reads personal data, or an auditor's or
 * security officer's, the new password is only proposed (`pending`) and takes effect when a second
 * person approves — the administrator alone never holds a working credential for such an account,
 * and cannot lock a watcher out by resetting theirs. Until then the old password still works.
 */
export const resetUserPassword = command({
  name: "user.password.reset", permission: "users:manage",
  summary: "Give a user a one-time password (or propose it)",
  input: userTargetSchema, audit: ["user.password.reset", "access.propose"],
  async run({ actor, input: { id }, tx, now }): Promise<{ username: string; password: string; pending: boolean }> {
    assertNotSelf(actor, id);
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const user = await tx.user.findFirst({
      where: { id, ...inJurisdiction(actor) },
      select: { username: true, displayName: true, role: true, grants: true, unitId: true, unit: { select: { name: true } } },
    });
    if (!user) throw notFound("user");
    await assertNoOpenProposal(tx, { userId: id });
    const pending = resetNeedsApproval(user);
    let endedSessions = 0;
    if (pending) {
      await propose(tx, actor, {
        kind: "PASSWORD_RESET", approverRole: approverFor(user.role, user.role), subject: { userId: id }, unitId: user.unitId,
        change: { passwordHash },
        summary: { username: user.username, displayName: user.displayName, role: user.role, unit: user.unit.name },
      });
    } else {
      endedSessions = await applyPasswordReset(tx, id, passwordHash, now);
    }
    await writeAudit(tx, actor, {
      action: "user.password.reset", success: true, entityType: "User", entityId: id,
      details: { endedSessions, approval: pending ? "pending" : "not-needed" },
    });
    return { username: user.username, password, pending };
  },
});
