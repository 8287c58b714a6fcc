import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { authOptions } from "@/lib/auth/auth-options";
import { PENDING_PAGE, resolveSessionState, type PendingStep, type SessionState } from "@/lib/auth/session";
import { currentRequest } from "@/lib/auth/request-info";
import { auditDenied } from "@/lib/audit/audit-denied";
import { pagePermissions } from "@/lib/auth/page-access";

export { auditDenied };

/** The session of this request, full or still owing a step, or null. Resolved once per request. */
export const currentSession = cache(async (): Promise<SessionState | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  const { usersDoing, ...info } = await currentRequest();
  return resolveSessionState(session.sid, info, undefined, { activity: usersDoing });
});

/** The signed-in user of a full session, or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const state = await currentSession();
  return state && !state.pending ? state.actor : null;
});

/** For server actions and route handlers: 401 without a live session. */
export async function requireUser(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in first");
  return actor;
}

/** For pages: back to the login page without a live session; to the owed step of a pending one. */
export async function requirePageUser(): Promise<Actor> {
  const state = await currentSession();
  if (!state) redirect("/login");
  if (state.pending) redirect(PENDING_PAGE[state.pending]);
  return state.actor;
}

/**
 * For the account pages and actions (password, second factor): a full or a pending session.
 * Nothing else may accept a pending session.
 */
export async function requireAccountSession(): Promise<SessionState> {
  const state = await currentSession();
  if (!state) throw new AppError("UNAUTHENTICATED", "sign in first");
  return state;
}

/**
 * For the account's own commands: the session's user, full or owing one of the given steps
 * (a password change first: a session owing one enrols no second factor).
 */
export async function requireSessionOwing(steps: readonly PendingStep[]): Promise<Actor> {
  const { actor, pending } = await requireAccountSession();
  if (pending && !steps.includes(pending)) throw new AppError("FORBIDDEN", pending === "password" ? "change your password first" : "finish signing in first");
  return actor;
}

export async function requireAccountPage(): Promise<SessionState> {
  const state = await currentSession();
  if (!state) redirect("/login");
  return state;
}

/**
 * Throws FORBIDDEN (audited) unless the actor holds the permission. The one way a missing
 * permission is refused in lib/ and app/ (SECURITY.md B7, E19: every denial on every path is
 * audited); tests/unit/security-static.test.ts holds the sources to it.
 */
export async function requirePermission(actor: Actor, permission: Permission): Promise<void> {
  return requireAnyPermission(actor, [permission]);
}

/** The same for a command open to holders of any one of the permissions (the first is audited). */
export async function requireAnyPermission(actor: Actor, permissions: readonly [Permission, ...Permission[]]): Promise<void> {
  if (permissions.some((p) => actor.permissions.has(p))) return;
  await auditDenied(actor, { permission: permissions[0] });
  throw new AppError("FORBIDDEN", `missing permission ${permissions.join(" or ")}`);
}

/** For pages: the signed-in user holding the permission; anyone else sees "not found" (audited). */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await requirePageUser();
  if (!actor.permissions.has(permission)) {
    await auditPageDenial(actor, permission);
    notFound();
  }
  return actor;
}

/** One denial record per request and permission, though the layout and the page both check it. */
const auditPageDenial = cache((actor: Actor, permission: Permission) => auditDenied(actor, { permission }));

/**
 * The page table's check (lib/auth/page-access.ts) for a document request, run by the app layout
 * above every loading skeleton: a page the role may not open is a real 404 (audited).
 */
export async function requirePageAccess(actor: Actor, pathname: string | null): Promise<void> {
  const anyOf = pathname ? pagePermissions(pathname) : null;
  if (!anyOf || anyOf.some((p) => actor.permissions.has(p))) return;
  await auditPageDenial(actor, anyOf[0]!);
  notFound();
}

export const can = (actor: Actor, permission: Permission) => actor.permissions.has(permission);
