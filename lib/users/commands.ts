import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound, versionConflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-policy";
import { inJurisdiction, unitSubtree } from "@/lib/units/jurisdiction";
import { createUserSchema, updateUserSchema } from "@/lib/users/schemas";

const invalid = (path: string, code: string, message: string) => new AppError("VALIDATION", message, [{ path, code, message }]);

/**
 * 三员分立: an administrator signed in to the web app cannot make an auditor (they would then read
 * the audit trail through that account); auditor accounts come from the command line (scripts/user.ts).
 */
function assertMayAssign(actor: Actor, role: string | undefined) {
  if (role === "AUDITOR" && actor.role !== null) throw new AppError("FORBIDDEN", "auditor accounts are created on the command line");
}

export async function createUser(actor: Actor, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(createUserSchema, raw);
  assertMayAssign(actor, input.role);
  const problems = passwordProblems(input.password, [input.username]);
  if (problems.length) {
    throw new AppError("VALIDATION", "weak password", problems.map((code) => ({ path: "password", code, message: code })));
  }
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    const unit = await tx.unit.findFirst({ where: { code: input.unitCode, active: true, ...unitSubtree(actor.scopePath) }, select: { id: true } });
    if (!unit) throw invalid("unitCode", "unknown_unit", `no active unit ${input.unitCode} in your jurisdiction`);
    if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
      throw invalid("username", "duplicate", `username ${input.username} is taken`);
    }
    const user = await tx.user.create({
      data: {
        username: input.username, displayName: input.displayName, role: input.role, unitId: unit.id,
        grants: input.grants ?? [], passwordHash, mustChangePassword: actor.kind === "user",
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "user.create", success: true, entityType: "User", entityId: user.id,
      details: { username: input.username, role: input.role, unit: input.unitCode, grants: input.grants ?? [] },
    });
    return user;
  });
}

/**
 * Changes a user's name, role, unit, grants or state. Any change of power (role, unit, grants,
 * disabling) bumps the session version: the user's open sessions end on their next request.
 */
export async function updateUser(actor: Actor, raw: unknown): Promise<void> {
  const { id, version, unitCode, ...changes } = parseInput(updateUserSchema, raw);
  assertMayAssign(actor, changes.role);
  if (id === actor.id && (changes.role !== undefined || changes.active === false || changes.grants !== undefined || unitCode !== undefined)) {
    // 三员分立: nobody changes their own powers.
    throw new AppError("FORBIDDEN", "you cannot change your own role, unit, grants or state");
  }
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id, ...inJurisdiction(actor) }, select: { id: true } });
    if (!user) throw notFound("user");
    let unitId: string | undefined;
    if (unitCode !== undefined) {
      const unit = await tx.unit.findFirst({ where: { code: unitCode, active: true, ...unitSubtree(actor.scopePath) }, select: { id: true } });
      if (!unit) throw invalid("unitCode", "unknown_unit", `no active unit ${unitCode} in your jurisdiction`);
      unitId = unit.id;
    }
    const powerChanged = changes.role !== undefined || changes.grants !== undefined || changes.active !== undefined || unitId !== undefined;
    const { count } = await tx.user.updateMany({
      where: { id, version },
      data: {
        ...changes,
        ...(unitId ? { unitId } : {}),
        ...(changes.active === true ? { lockedUntil: null, failedLogins: 0 } : {}),
        version: { increment: 1 },
        ...(powerChanged ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, {
      action: changes.active === false ? "user.disable" : changes.active === true ? "user.enable" : "user.update",
      success: true, entityType: "User", entityId: id,
      details: { changed: [...Object.keys(changes), ...(unitCode ? ["unitCode"] : [])], ...(changes.role ? { role: changes.role } : {}), ...(unitCode ? { unit: unitCode } : {}) },
    });
  });
}
