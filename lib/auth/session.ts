import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDemoMode } from "@/lib/env";
import type { Actor } from "@/lib/auth/actor";
import { permissionsOf } from "@/lib/auth/permissions";
import { actorUnitSql, type ActorUnitColumns } from "@/lib/units/jurisdiction";
import { uuidSchema } from "@/lib/validation/fields";
import type { Role } from "@/lib/generated/prisma/enums";
import { mfaRequired } from "@/lib/auth/mfa-policy";
import { passwordExpired, passwordMaxAgeDays } from "@/lib/auth/password-age";
import { writeAudit } from "@/lib/audit/write-audit";
import { apiKeyUsable } from "@/lib/auth/api-keys";
import { isWallRole, wallAddressAllowed } from "@/lib/auth/wall-access";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export type SessionEnd = "revoked" | "expired" | "idle" | "stale-version" | "disabled" | "wall-address";

/**
 * What a session still owes before it is a full session: a password change (first login, or the
 * password is older than the configured lifetime), then the enrolment of a second factor (roles
 * that require one, outside demo mode). A pending session reaches only the account pages.
 */
export type PendingStep = "password" | "mfa-enroll";

export const PENDING_PAGE: Record<PendingStep, string> = { password: "/account/password", "mfa-enroll": "/account/security" };

export type SessionState = { actor: Actor; pending: PendingStep | null };

type Options = {
  demoMode?: boolean; maxAgeDays?: number;
  /**
   * Whether the request is the user's doing and so keeps the session from idling out (the
   * default). A page's own background requests are not: its live re-renders, the router's
   * prefetches, its event stream (lib/http/page-fetch.ts).
   */
  activity?: boolean;
};

/** A user with the unit fields an actor carries. */
type UserRow = { userId: string; username: string; displayName: string; role: Role; grants: string[] } & ActorUnitColumns;
/** UserRow's own columns, of a `users` row aliased `u`. */
const USER_COLUMNS = Prisma.raw(`u.id::text AS "userId", u.username, u."displayName", u.role::text AS role, u.grants`);

type SessionRow = UserRow & {
  id: string; revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date; sessionVersion: number;
  active: boolean; userSessionVersion: number;
  isDemo: boolean; mustChangePassword: boolean; passwordChangedAt: Date; totpEnabledAt: Date | null;
};

/** A session with its user and the user's unit: one statement (a nested select was one per relation, each compiled anew). */
async function sessionRow(sessionId: string): Promise<SessionRow | undefined> {
  const unit = actorUnitSql(`u."unitId"`);
  const [s] = await getDb().$queryRaw<SessionRow[]>`
    SELECT s.id::text AS id, s."revokedAt", s."expiresAt", s."lastSeenAt", s."sessionVersion",
           ${USER_COLUMNS}, (u.active AND unit.active) AS active, u."sessionVersion" AS "userSessionVersion",
           u."isDemo", u."mustChangePassword", u."passwordChangedAt", u."totpEnabledAt", ${unit.columns}
      FROM user_sessions s JOIN users u ON u.id = s."userId" ${unit.joins}
     WHERE s.id = ${sessionId}::uuid`;
  return s;
}

/** Why an unrevoked session is over at `now`, or null while it stands. */
function sessionEndOf(s: SessionRow, now: Date): SessionEnd | null {
  return s.expiresAt <= now ? "expired"
    : now.getTime() - s.lastSeenAt.getTime() > IDLE_TIMEOUT_MS ? "idle"
    : s.sessionVersion !== s.userSessionVersion ? "stale-version"
    : !s.active ? "disabled"
    : null;
}

/**
 * Turns a session id into the acting user and what the session still owes, or null when the
 * session is over. Checked on every request, so disabling a user or changing their role or unit
 * takes effect at once.
 */
export async function resolveSessionState(
  sessionId: string,
  client: { ip: string | null; requestId: string },
  now = new Date(),
  opts: Options = {},
): Promise<SessionState | null> {
  if (!uuidSchema.safeParse(sessionId).success) return null;
  const db = getDb();
  const s = await sessionRow(sessionId);
  if (!s || s.revokedAt) return null;
  // A big-screen session taken to another address ends there (an unknown address is not one:
  // only a request served before the socket hook was installed has none).
  const end = sessionEndOf(s, now) ?? (isWallRole(s.role) && client.ip !== null && !wallAddressAllowed(client.ip) ? "wall-address" : null);
  if (end) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.userSession.updateMany({ where: { id: s.id, revokedAt: null }, data: { revokedAt: now } });
      if (count) {
        await writeAudit(tx, { ...client, id: s.userId, name: s.username, role: s.role, unitId: s.unitId }, {
          action: "auth.session.end", success: true, entityType: "User", entityId: s.userId, details: { reason: end },
        });
      }
    });
    return null;
  }
  if (opts.activity !== false && now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  }
  const demoMode = opts.demoMode ?? isDemoMode();
  // Demo accounts keep the published demo password: they never expire (and production refuses them).
  const expired = !s.isDemo && passwordExpired(s.passwordChangedAt, opts.maxAgeDays ?? (await passwordMaxAgeDays()), now);
  const pending: PendingStep | null =
    s.mustChangePassword || expired ? "password"
    : mfaRequired(s.role, demoMode) && !s.totpEnabledAt ? "mfa-enroll"
    : null;
  const actor: Actor = { ...userActorOf(s, client), sessionId: s.id };
  // A pending session holds no permission at all, whatever reaches it.
  if (pending) actor.permissions = new Set();
  return { actor, pending };
}

function userActorOf(u: UserRow, client: { ip: string | null; requestId: string }): Actor {
  return {
    kind: "user", id: u.userId, name: u.username, displayName: u.displayName, role: u.role,
    unitId: u.unitId, unitCode: u.unitCode, unitName: u.unitName, unitKind: u.unitKind, scopePath: u.scopePath,
    permissions: permissionsOf(u.role, u.grants), ip: client.ip, requestId: client.requestId,
  };
}

/**
 * A user as the actor a full session of theirs resolves to, for work done outside a request
 * (scripts, benchmarks, tests): the same columns, scope and permissions, read by the same SQL.
 */
export async function userActor(userId: string, client: { ip: string | null; requestId: string }): Promise<Actor> {
  const unit = actorUnitSql(`u."unitId"`);
  const [u] = await getDb().$queryRaw<UserRow[]>`
    SELECT ${USER_COLUMNS}, ${unit.columns}
      FROM users u ${unit.joins}
     WHERE u.id = ${userId}::uuid`;
  if (!u) throw new Error(`no user ${userId}`);
  return userActorOf(u, client);
}

/** The acting user of a full session, or null (no session, or one still owing a step). */
export async function resolveSession(
  sessionId: string,
  client: { ip: string | null; requestId: string },
  now = new Date(),
  opts: Options = {},
): Promise<Actor | null> {
  const state = await resolveSessionState(sessionId, client, now, opts);
  return state && !state.pending ? state.actor : null;
}

/** Ends a session (logout). */
export async function endSession(sessionId: string, client: { ip: string | null; requestId: string }): Promise<void> {
  if (!uuidSchema.safeParse(sessionId).success) return;
  await getDb().$transaction(async (tx) => {
    const s = await tx.userSession.findUnique({
      where: { id: sessionId },
      select: { revokedAt: true, user: { select: { id: true, username: true, role: true, unitId: true } } },
    });
    if (!s || s.revokedAt) return;
    await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { ...client, id: s.user.id, name: s.user.username, role: s.user.role, unitId: s.user.unitId }, {
      action: "auth.logout", success: true, entityType: "User", entityId: s.user.id,
    });
  });
}

/** An API key without an expiry: no lapse to wait for. */
const NEVER = new Date(8.64e15);

/**
 * When the session or API key an actor came with lapses if nothing more is done (its idle or
 * absolute limit, a key's expiry), or null once it is over (ended, revoked, disabled, lapsed).
 * Read only, so asking does not count as activity. For long-lived responses (the live stream),
 * which end with the credential they were opened under, before their page's next request would
 * find it gone (lib/warnings/sse.ts).
 */
export async function credentialDeadline(actor: Actor, now = new Date()): Promise<Date | null> {
  const db = getDb();
  if (actor.kind === "apiKey") {
    const key = await db.apiKey.findUnique({ where: { id: actor.id }, select: { revokedAt: true, expiresAt: true, approvalPending: true, unit: { select: { active: true } } } });
    return key && key.unit.active && apiKeyUsable(key, now) ? key.expiresAt ?? NEVER : null;
  }
  if (!actor.sessionId) return null;
  const s = await sessionRow(actor.sessionId);
  if (!s || s.revokedAt || sessionEndOf(s, now) !== null) return null;
  return new Date(Math.min(s.expiresAt.getTime(), s.lastSeenAt.getTime() + IDLE_TIMEOUT_MS));
}
