import "server-only";
import { getDb } from "@/lib/db";
import { isDemoMode } from "@/lib/env";
import { logger } from "@/lib/log";
import { writeAudit, type AuditActor } from "@/lib/audit/write-audit";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { loginSchema, type LoginError } from "@/lib/auth/login-schema";
import { loginThrottled, recordLoginFailure } from "@/lib/auth/login-throttle";
import { clearFailedProofs, proofFailed, releaseProof, reserveProof } from "@/lib/auth/lockout";
import { openSession } from "@/lib/auth/open-session";
import { consumeSecondFactor } from "@/lib/auth/second-factor";
import { isWallRole, wallAddressAllowed } from "@/lib/auth/wall-access";

export { SESSION_ABSOLUTE_MS, MAX_SESSIONS_PER_USER } from "@/lib/auth/open-session";
export { LOCK_AFTER_FAILURES, LOCK_MINUTES } from "@/lib/auth/lockout";

export type ClientInfo = { ip: string | null; userAgent: string | null; requestId: string };
export type LoginResult = { ok: true; userId: string; sessionId: string } | { ok: false; error: LoginError };

type LoginUser = { id: string; role: AuditActor["role"]; unitId: string };

/** Why a user who gave the right password still does not sign in, if they do not. */
function refusalAfterPassword(
  user: { role: AuditActor["role"]; active: boolean; approvalPending: boolean; isDemo: boolean; unit: { active: boolean } },
  ip: string | null,
  demoMode: boolean,
): [LoginError, string] | null {
  if (!user.active) return ["DISABLED", "disabled"];
  // A disabled unit's people sign in no more than its API keys are accepted.
  if (!user.unit.active) return ["DISABLED", "unit-disabled"];
  // 三员分立: an account that reads personal data signs in only once a second person approved it.
  if (user.approvalPending) return ["PENDING_APPROVAL", "approval-pending"];
  // Demo accounts only live alongside the demo dataset; a production install never honours them.
  if (user.isDemo && !demoMode) return ["INVALID_CREDENTIALS", "demo-account-outside-demo"];
  // 大屏: a display account signs in without a second factor, so only from the kiosks' addresses.
  if (isWallRole(user.role) && !wallAddressAllowed(ip)) return ["WALL_ADDRESS", "wall-address-refused"];
  return null;
}

/**
 * Checks a username, password and — for a user with an enrolled factor — a TOTP or recovery code,
 * and opens a session. Unknown users, wrong passwords and locked accounts answer the same, in the
 * same time (a locked account's answer would tell that the username exists); five failures (wrong
 * passwords or wrong codes) lock the account for 15 minutes. Only after the right password does a
 * wrong code's lock say LOCKED. Each attempt is counted before its password is hashed
 * (lib/auth/lockout.ts), so guesses sent at once cannot outrun the lock.
 *
 * A user whose role requires a second factor but who has none enrolled gets a session that is
 * good for nothing but enrolment (lib/auth/session.ts `pending`), as does a user who must change
 * their password first.
 */
export async function login(
  raw: unknown,
  client: ClientInfo,
  { now = new Date(), demoMode = isDemoMode() }: { now?: Date; demoMode?: boolean } = {},
): Promise<LoginResult> {
  const db = getDb();
  const who: AuditActor = { ip: client.ip, requestId: client.requestId };
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "INVALID_INPUT" };
  const { username, password, otp } = parsed.data;
  const as = (user: { id: string; role: AuditActor["role"]; unitId: string }): AuditActor => ({ ...who, id: user.id, name: username, role: user.role, unitId: user.unitId });

  const fail = async (error: LoginError, reason: string, user?: LoginUser) => {
    if (error !== "THROTTLED") await recordLoginFailure(client.ip, now);
    await db.$transaction((tx) =>
      writeAudit(tx, user ? as(user) : { ...who, name: username }, {
        action: "auth.login",
        success: false,
        entityType: user ? "User" : undefined,
        entityId: user?.id,
        details: { reason },
      }),
    );
    return { ok: false as const, error };
  };

  if (await loginThrottled(client.ip, now)) return fail("THROTTLED", "ip-throttled");

  // Usernames are unique whatever their case (a unique index on lower(username)), and sign in so.
  const [match] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE lower(username) = lower(${username})`;
  const user = match && await db.user.findUnique({
    where: { id: match.id },
    select: {
      id: true, role: true, unitId: true, active: true, isDemo: true,
      passwordHash: true, sessionVersion: true, totpEnabledAt: true, approvalPending: true,
      unit: { select: { active: true } },
    },
  });
  if (!user) {
    await verifyAgainstDummy(password);
    return fail("INVALID_CREDENTIALS", "unknown-user");
  }
  if (!(await reserveProof(user.id, as(user), now))) {
    await verifyAgainstDummy(password);
    return fail("INVALID_CREDENTIALS", "locked", user);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await proofFailed(user.id, as(user), now);
    return fail("INVALID_CREDENTIALS", "wrong-password", user);
  }
  const refusal = refusalAfterPassword(user, client.ip, demoMode);
  if (refusal) {
    await releaseProof(user.id);
    return fail(...refusal, user);
  }

  // An enrolled factor is always asked for, whatever the role and mode.
  if (user.totpEnabledAt) {
    if (!otp) {
      await releaseProof(user.id);
      await db.$transaction((tx) =>
        writeAudit(tx, as(user), { action: "auth.mfa.challenge", success: true, entityType: "User", entityId: user.id }),
      );
      return { ok: false, error: "OTP_REQUIRED" };
    }
    const check = await db.$transaction(async (tx) => {
      const r = await consumeSecondFactor(tx, user.id, otp, now);
      await writeAudit(tx, as(user), {
        action: "auth.mfa", success: r.ok, entityType: "User", entityId: user.id,
        details: r.ok ? { method: r.method, ...(r.remaining !== undefined ? { recoveryCodesLeft: r.remaining } : {}) } : { method: r.method, reason: r.reason },
      });
      return r;
    });
    if (!check.ok) {
      const locked = await proofFailed(user.id, as(user), now);
      return fail(locked ? "LOCKED" : "OTP_INVALID", `otp-${check.reason}`, user);
    }
  }

  const session = await db.$transaction(async (tx) => {
    if (!(await clearFailedProofs(tx, user.id, now))) return null;
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    const opened = await openSession(tx, user, client, now);
    await writeAudit(tx, as(user), {
      action: "auth.login",
      success: true,
      entityType: "User",
      entityId: user.id,
      details: { sessionId: opened.sessionId, endedSessions: opened.endedSessions, mfa: !!user.totpEnabledAt },
    });
    return opened;
  });
  if (!session) return fail("INVALID_CREDENTIALS", "locked", user);
  return { ok: true, userId: user.id, sessionId: session.sessionId };
}

/**
 * The sign-in handler (NextAuth's credentials `authorize`): the session on success; otherwise it
 * throws an Error whose message is the form's error code. Whatever fails inside — the database
 * included — answers one generic code, never the error's text (SECURITY.md G29).
 */
export async function authorizeCredentials(raw: unknown, client: ClientInfo): Promise<{ id: string; sid: string }> {
  let result: LoginResult;
  try {
    result = await login(raw, client);
  } catch (e) {
    logger.error("auth.login.failed", { requestId: client.requestId, error: e });
    result = { ok: false, error: "UNAVAILABLE" };
  }
  if (!result.ok) throw new Error(result.error);
  return { id: result.userId, sid: result.sessionId };
}
