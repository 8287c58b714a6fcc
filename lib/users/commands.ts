import "server-only";
import { type Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword, oneTimePassword } from "@/lib/auth/password";
import { isSystemActor } from "@/lib/auth/system-actor";
import { NO_GRANTS } from "@/lib/auth/permissions";
import { inJurisdiction, unitSubtree } from "@/lib/units/jurisdiction";
import { accountNeedsApproval, approverFor, changeNeedsApproval } from "@/lib/approvals/policy";
import { assertNoOpenProposal, propose } from "@/lib/approvals/propose";
import { assertOversightRemains } from "@/lib/users/oversight";
import { createUserSchema, updateUserSchema } from "@/lib/users/schemas";

const invalid = (path: string, code: string, message: string) => new AppError("VALIDATION", message, [{ path, code, message }]);

/** Whether another account already has this username in any case ("WangMin" and "wangmin" are one). */
export async function usernameTaken(tx: Tx, username: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 FROM users WHERE lower(username) = lower(${username}) LIMIT 1`;
  return rows.length > 0;
}

export type CreatedUser = { id: string; username: string; password: string; pending: boolean };

/**
 * Creates an account with a one-time password the server chooses, returned once to be handed
 * over; the account must change it at its first sign-in. An account that reads personal data (or
 * an auditor's or security officer's) cannot sign in until a second person approves it
 * (lib/approvals); the command line is trusted (lib/auth/system-actor.ts).
 */
export const createUser = command({
  name: "user.create", permission: "users:manage",
  summary: "Create an account with a one-time password",
  input: createUserSchema, audit: ["user.create", "access.propose"],
  async run({ actor, input, tx }): Promise<CreatedUser> {
    const grants = input.grants ?? [];
    if (grants.length && NO_GRANTS.includes(input.role)) throw invalid("grants", "not_for_role", `a ${input.role} takes no grant`);
    const pending = !isSystemActor(actor) && accountNeedsApproval(input.role, grants);
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const unit = await tx.unit.findFirst({ where: { code: input.unitCode, active: true, ...unitSubtree(actor.scopePath) }, select: { id: true, name: true } });
    if (!unit) throw invalid("unitCode", "unknown_unit", `no active unit ${input.unitCode} in your jurisdiction`);
    if (await usernameTaken(tx, input.username)) throw invalid("username", "duplicate", `username ${input.username} is taken`);
    const user = await tx.user.create({
      data: {
        username: input.username, displayName: input.displayName, role: input.role, unitId: unit.id,
        grants, passwordHash, mustChangePassword: true, approvalPending: pending,
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "user.create", success: true, entityType: "User", entityId: user.id,
      details: { username: input.username, role: input.role, unit: input.unitCode, grants, approval: pending ? "pending" : isSystemActor(actor) ? "cli" : "not-needed" },
    });
    if (pending) {
      await propose(tx, actor, {
        kind: "USER_CREATE", approverRole: approverFor(null, input.role), subject: { userId: user.id }, unitId: unit.id,
        summary: { username: input.username, displayName: input.displayName, role: input.role, unit: unit.name, grants },
      });
    }
    return { id: user.id, username: input.username, password, pending };
  },
});

/** What a change of an account holds once resolved (unit by id), as applied or as proposed. */
export type UserChange = { displayName?: string; role?: Role; grants?: string[]; unitId?: string; active?: boolean };

/**
 * Applies a change to an account (directly, or when its proposal is approved): checks that the
 * city keeps its last auditor and security officer, bumps the version and — for any change of
 * power — the session version, so the user's open sessions end on their next request.
 */
export async function applyUserChange(tx: Tx, id: string, change: UserChange, version?: number): Promise<void> {
  const user = await tx.user.findUnique({ where: { id }, select: { id: true, role: true, active: true, approvalPending: true, unit: { select: { path: true } } } });
  if (!user) throw notFound("user");
  const unitPath = change.unitId ? (await tx.unit.findUniqueOrThrow({ where: { id: change.unitId }, select: { path: true } })).path : undefined;
  await assertOversightRemains(tx, user, { role: change.role, active: change.active, unitPath });
  const powerChanged = change.role !== undefined || change.grants !== undefined || change.active !== undefined || change.unitId !== undefined;
  const { count } = await tx.user.updateMany({
    where: { id, ...(version !== undefined ? { version } : {}) },
    data: {
      ...change,
      ...(change.active === true ? { lockedUntil: null, failedLogins: 0 } : {}),
      version: { increment: 1 },
      ...(powerChanged ? { sessionVersion: { increment: 1 } } : {}),
    },
  });
  if (count === 0) throw versionConflict();
}

/**
 * Changes a user's name, role, unit, grants or state. A change that grants access to personal data
 * or touches an auditor's or security officer's account is proposed instead of applied
 * (`pending: true`); a second person's approval applies it.
 */
export const updateUser = command({
  name: "user.update", permission: "users:manage",
  summary: "Change an account's name, role, unit, grants or state (or propose the change)",
  input: updateUserSchema, audit: ["user.update", "user.disable", "user.enable", "access.propose"],
  async run({ actor, input: { id, version, unitCode, ...changes }, tx }): Promise<{ pending: boolean }> {
    if (id === actor.id && (changes.role !== undefined || changes.active !== undefined || changes.grants !== undefined || unitCode !== undefined)) {
      // 三员分立: nobody changes their own powers.
      throw new AppError("FORBIDDEN", "you cannot change your own role, unit, grants or state");
    }
    const user = await tx.user.findFirst({
      where: { id, ...inJurisdiction(actor) },
      select: { id: true, username: true, displayName: true, role: true, grants: true, active: true, approvalPending: true, version: true, unitId: true, unit: { select: { path: true, name: true } } },
    });
    if (!user) throw notFound("user");
    if (user.version !== version) throw versionConflict();
    let unit: { id: string; name: string; path: string } | undefined;
    if (unitCode !== undefined) {
      unit = (await tx.unit.findFirst({ where: { code: unitCode, active: true, ...unitSubtree(actor.scopePath) }, select: { id: true, name: true, path: true } })) ?? undefined;
      if (!unit) throw invalid("unitCode", "unknown_unit", `no active unit ${unitCode} in your jurisdiction`);
    }
    // A role that takes no grant (a leader, the administrator …) leaves the grants behind.
    const grants = changes.role !== undefined && NO_GRANTS.includes(changes.role) && (changes.grants ?? user.grants).length ? [] : changes.grants;
    // Only what actually changes counts (a form sends the current role back unchanged).
    const change: UserChange = {
      ...(changes.displayName !== undefined && changes.displayName !== user.displayName ? { displayName: changes.displayName } : {}),
      ...(changes.role !== undefined && changes.role !== user.role ? { role: changes.role } : {}),
      ...(grants !== undefined ? { grants } : {}),
      ...(unit && unit.id !== user.unitId ? { unitId: unit.id } : {}),
      ...(changes.active !== undefined && changes.active !== user.active ? { active: changes.active } : {}),
    };
    const changed = Object.keys(change);
    if (changed.some((k) => k !== "displayName")) await assertNoOpenProposal(tx, { userId: id });
    const details = { changed, ...(change.role ? { role: change.role } : {}), ...(unit ? { unit: unitCode } : {}) };
    if (!isSystemActor(actor) && changeNeedsApproval(user, change)) {
      // Refused now rather than at approval when it could never be applied.
      await assertOversightRemains(tx, user, { role: change.role, active: change.active, unitPath: change.unitId ? unit!.path : undefined });
      const next = change.role ?? user.role;
      await propose(tx, actor, {
        kind: "USER_CHANGE", approverRole: approverFor(user.role, next), subject: { userId: id }, unitId: change.unitId ?? user.unitId, change,
        summary: {
          username: user.username, displayName: user.displayName, role: next, fromRole: user.role, unit: unit?.name ?? user.unit.name, changed,
          ...(change.active !== undefined ? { active: change.active } : {}),
        },
      });
      return { pending: true };
    }
    if (changed.length === 0) return { pending: false };
    await applyUserChange(tx, id, change, version);
    await writeAudit(tx, actor, {
      action: change.active === false ? "user.disable" : change.active === true ? "user.enable" : "user.update",
      success: true, entityType: "User", entityId: id, details,
    });
    return { pending: false };
  },
});
