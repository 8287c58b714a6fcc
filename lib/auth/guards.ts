import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { authOptions } from "@/lib/auth/auth-options";
import { resolveSession } from "@/lib/auth/session";
import { requestInfo } from "@/lib/auth/request-info";
import { auditDenied } from "@/lib/audit/audit-denied";

export { auditDenied };

/** The signed-in user of this request, or null. Resolved once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  return resolveSession(getDb(), session.sid, await requestInfo());
});

/** For server actions and route handlers: 401 without a live session. */
export async function requireUser(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in first");
  return actor;
}

/** For pages: back to the login page without a live session. */
export async function requirePageUser(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}

/** Throws FORBIDDEN (audited) unless the actor holds the permission. */
export async function requirePermission(actor: Actor, permission: Permission): Promise<void> {
  if (actor.permissions.has(permission)) return;
  await auditDenied(actor, { permission });
  throw new AppError("FORBIDDEN", `missing permission ${permission}`);
}

/** For pages: the signed-in user holding the permission; anyone else sees "not found" (audited). */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await requirePageUser();
  if (!actor.permissions.has(permission)) {
    await auditDenied(actor, { permission });
    notFound();
  }
  return actor;
}

export const can = (actor: Actor, permission: Permission) => actor.permissions.has(permission);
