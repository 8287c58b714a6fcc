import type { Db } from "@/lib/db";
import { isDemoMode } from "@/lib/env";
import { writeAudit, type AuditActor } from "@/lib/audit/write-audit";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { loginSchema, type LoginError } from "@/lib/auth/login-schema";

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const MAX_SESSIONS_PER_USER = 2;
const IP_WINDOW_MS = 15 * 60 * 1000;
const IP_MAX_ATTEMPTS = 50;

export type ClientInfo = { ip: string | null; userAgent: string | null; requestId: string };
export type LoginResult = { ok: true; userId: string; sessionId: string } | { ok: false; error: LoginError };

/** Counts an attempt against the client's address; true when it is over the limit. */
async function throttled(db: Db, ip: string | null, now: Date): Promise<boolean> {
  if (!ip) return false;
  const windowStart = new Date(now.getTime() - IP_WINDOW_MS);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO login_throttles (key, "windowStart", count) VALUES (${ip}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN login_throttles."windowStart" < ${windowStart} THEN 1 ELSE login_throttles.count + 1 END,
      "windowStart" = CASE WHEN login_throttles."windowStart" < ${windowStart} THEN ${now} ELSE login_throttles."windowStart" END
    RETURNING count`;
  return (rows[0]?.count ?? 0) > IP_MAX_ATTEMPTS;
}

/**
 * Checks a username and password and opens a session. Unknown users and wrong passwords answer
 * the same, in the same time; five failures lock the account for 15 minutes.
 */
export async function login(
  db: Db,
  raw: unknown,
  client: ClientInfo,
  { now = new Date(), demoMode = isDemoMode() }: { now?: Date; demoMode?: boolean } = {},
): Promise<LoginResult> {
  const who: AuditActor = { ip: client.ip, requestId: client.requestId };
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "INVALID_INPUT" };
  const { username, password } = parsed.data;

  const fail = async (error: LoginError, reason: string, user?: { id: string; role: AuditActor["role"]; unitId: string }) => {
    await db.$transaction((tx) =>
      writeAudit(tx, { ...who, id: user?.id, name: username, role: user?.role, unitId: user?.unitId }, {
        action: "auth.login",
        success: false,
        entityType: user ? "User" : undefined,
        entityId: user?.id,
        details: { reason },
      }),
    );
    return { ok: false as const, error };
  };

  if (await throttled(db, client.ip, now)) return fail("THROTTLED", "ip-throttled");

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, role: true, unitId: true, active: true, isDemo: true, lockedUntil: true, failedLogins: true, passwordHash: true, sessionVersion: true },
  });
  if (!user) {
    await verifyAgainstDummy(password);
    return fail("INVALID_CREDENTIALS", "unknown-user");
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await verifyAgainstDummy(password);
    return fail("LOCKED", "locked", user);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= LOCK_AFTER_FAILURES;
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: lock
          ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) }
          : { failedLogins: failures },
      });
      if (lock) {
        await writeAudit(tx, { ...who, id: user.id, name: username, role: user.role, unitId: user.unitId }, {
          action: "auth.lock",
          success: true,
          entityType: "User",
          entityId: user.id,
          details: { failures, minutes: LOCK_MINUTES },
        });
      }
    });
    return fail(lock ? "LOCKED" : "INVALID_CREDENTIALS", "wrong-password", user);
  }
  if (!user.active) return fail("DISABLED", "disabled", user);
  // Demo accounts only live alongside the demo dataset; a production install never honours them.
  if (user.isDemo && !demoMode) return fail("INVALID_CREDENTIALS", "demo-account-outside-demo", user);

  const session = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
    const created = await tx.userSession.create({
      data: {
        userId: user.id,
        sessionVersion: user.sessionVersion,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 256) ?? null,
      },
    });
    // At most MAX_SESSIONS_PER_USER live sessions: the oldest ones end.
    const live = await tx.userSession.findMany({
      where: { userId: user.id, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    const surplus = live.slice(MAX_SESSIONS_PER_USER).map((s) => s.id);
    if (surplus.length) await tx.userSession.updateMany({ where: { id: { in: surplus } }, data: { revokedAt: now } });
    await writeAudit(tx, { ...who, id: user.id, name: username, role: user.role, unitId: user.unitId }, {
      action: "auth.login",
      success: true,
      entityType: "User",
      entityId: user.id,
      details: { sessionId: created.id, endedSessions: surplus.length },
    });
    return created;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}
