// What an administrator may do to another user's sign-in: reset their second factor (they enrol
// again at their next login) and end all their sessions. Both end the user's sessions, both are
// audited, and neither works on oneself (三员分立: nobody changes their own credentials this way).
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import { requirePermission } from "@/lib/auth/guards";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { userTargetSchema } from "@/lib/auth/account-schemas";

async function target(actor: Actor, raw: unknown): Promise<string> {
  await requirePermission(actor, "users:manage");
  const { id } = parseInput(userTargetSchema, raw);
  if (id === actor.id) throw new AppError("FORBIDDEN", "not on your own account");
  return id;
}

/** Clears the user's TOTP secret and recovery codes and ends their sessions. */
export async function resetUserFactor(actor: Actor, raw: unknown, now = new Date()): Promise<void> {
  const id = await target(actor, raw);
  await getDb().$transaction(async (tx) => {
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
  });
}

/** Ends every session of the user at once (a lost phone, a departure). */
export async function endUserSessions(actor: Actor, raw: unknown, now = new Date()): Promise<{ ended: number }> {
  const id = await target(actor, raw);
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id, ...inJurisdiction(actor) }, data: { sessionVersion: { increment: 1 } } });
    if (count === 0) throw notFound("user");
    const ended = await tx.userSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, actor, { action: "user.sessions.end", success: true, entityType: "User", entityId: id, details: { endedSessions: ended.count } });
    return { ended: ended.count };
  });
}
