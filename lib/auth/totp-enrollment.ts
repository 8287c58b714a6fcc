// A user's own second factor: enrol (secret → confirm with a code → recovery codes shown once),
// new recovery codes, and — for roles that do not require one — removal. Every step is audited.
import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { isDemoMode } from "@/lib/env";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import { totpCodeSchema } from "@/lib/auth/account-schemas";
import { mfaRequired } from "@/lib/auth/mfa-policy";
import { consumeSecondFactor } from "@/lib/auth/second-factor";
import { proofFailed, releaseProof, reserveProof } from "@/lib/auth/lockout";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, openSecret, sealSecret, totpProvisioning } from "@/lib/auth/totp";

const codeError = (code: string) => new AppError("VALIDATION", code, [{ path: "code", code, message: code }]);

const audit = (who: Actor, action: string, success: boolean, details: Record<string, unknown> = {}) =>
  getDb().$transaction((tx) => writeAudit(tx, who, { action, success, entityType: "User", entityId: who.id, details }));

/**
 * Checks (and consumes) a current code for one of the account's own commands. A wrong code counts
 * toward the lockout as at sign-in, or a stolen session would be an unlimited TOTP oracle; while the
 * account is locked the right code is refused too, and the lock ends every session of the user.
 */
async function proveOwnFactor(who: Actor, action: string, code: string, now: Date): Promise<void> {
  if (!(await reserveProof(who.id, who, now, { endSessions: true }))) {
    await audit(who, action, false, { reason: "locked" });
    throw codeError("account_locked");
  }
  const check = await consumeSecondFactor(getDb(), who.id, code, now);
  if (check.ok) return releaseProof(who.id);
  const locked = await proofFailed(who.id, who, now, { endSessions: true });
  await audit(who, action, false, { reason: check.reason });
  throw codeError(locked ? "account_locked" : check.reason === "reused" ? "otp_reused" : "otp_invalid");
}

export type FactorStatus = { enrolled: boolean; enrolledAt: Date | null; recoveryCodesLeft: number; required: boolean };

export async function factorStatus(who: Actor, demoMode = isDemoMode()): Promise<FactorStatus> {
  const db = getDb();
  const u = await db.user.findUniqueOrThrow({ where: { id: who.id }, select: { totpEnabledAt: true, recoveryCodeHashes: true } });
  return { enrolled: !!u.totpEnabledAt, enrolledAt: u.totpEnabledAt, recoveryCodesLeft: u.recoveryCodeHashes.length, required: mfaRequired(who.role, demoMode) };
}

/**
 * Starts an enrolment: a fresh secret is stored (sealed, not yet active) and returned with its QR
 * code for the authenticator app. A user with an active factor must remove it (or have an admin
 * reset it) first.
 */
export async function startTotpEnrollment(who: Actor): Promise<{ secret: string; uri: string; qr: string }> {
  const db = getDb();
  const secret = newTotpSecret();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: who.id, totpEnabledAt: null }, data: { totpSecret: sealSecret(secret), totpLastStep: null } });
    if (count === 0) throw new AppError("CONFLICT", "a second factor is already enrolled");
    await writeAudit(tx, who, { action: "auth.mfa.enroll.start", success: true, entityType: "User", entityId: who.id });
  });
  return { secret, ...(await totpProvisioning(who.name, secret)) };
}

/** Confirms the enrolment with a code from the app; answers the recovery codes, shown this once. */
export async function confirmTotpEnrollment(who: Actor, raw: unknown, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const db = getDb();
  const { code } = parseInput(totpCodeSchema, raw);
  const u = await db.user.findUniqueOrThrow({ where: { id: who.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (u.totpEnabledAt) throw new AppError("CONFLICT", "a second factor is already enrolled");
  const secret = u.totpSecret ? openSecret(u.totpSecret) : null;
  if (!secret) throw codeError("not_started");
  const step = matchTotp(secret, code, now);
  if (step === null) {
    await audit(who, "auth.mfa.enroll", false, { reason: "wrong" });
    throw codeError("otp_invalid");
  }
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: who.id, totpEnabledAt: null, totpSecret: u.totpSecret },
      data: { totpEnabledAt: now, totpLastStep: step, recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode), version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "the enrolment changed meanwhile; start again");
    await writeAudit(tx, who, { action: "auth.mfa.enroll", success: true, entityType: "User", entityId: who.id, details: { recoveryCodes: recoveryCodes.length } });
  });
  return { recoveryCodes };
}

/** Replaces the recovery codes; needs a current TOTP code. */
export async function regenerateRecoveryCodes(who: Actor, raw: unknown, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const db = getDb();
  const { code } = parseInput(totpCodeSchema, raw);
  await proveOwnFactor(who, "auth.mfa.recovery-codes", code, now);
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: who.id }, data: { recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode), version: { increment: 1 } } });
    await writeAudit(tx, who, { action: "auth.mfa.recovery-codes", success: true, entityType: "User", entityId: who.id });
  });
  return { recoveryCodes };
}

/** Removes the user's own factor (only where the role does not require one); needs a current code. */
export async function removeOwnFactor(who: Actor, raw: unknown, { now = new Date(), demoMode = isDemoMode() } = {}): Promise<void> {
  const db = getDb();
  if (mfaRequired(who.role, demoMode)) throw new AppError("FORBIDDEN", "your role requires a second factor");
  const { code } = parseInput(totpCodeSchema, raw);
  await proveOwnFactor(who, "auth.mfa.remove", code, now);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: who.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [], version: { increment: 1 } },
    });
    await writeAudit(tx, who, { action: "auth.mfa.remove", success: true, entityType: "User", entityId: who.id });
  });
}
