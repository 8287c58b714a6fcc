import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { login } from "@/lib/auth/login";
import { resolveSession, resolveSessionState } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { endUserSessions, resetUserFactor } from "@/lib/auth/admin-credentials";
import { confirmTotpEnrollment, startTotpEnrollment } from "@/lib/auth/totp-enrollment";
import { forgetPasswordMaxAge, PASSWORD_MAX_AGE_KEY } from "@/lib/auth/password-age";
import { totpCodeAt } from "@/lib/auth/totp";
import { createUser, updateUser } from "@/lib/users/commands";
import { systemActor } from "@/lib/auth/system-actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { actorOf, client, makeUnitTree, makeUser, TEST_PASSWORD, type TestTree } from "@/tests/factories";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
});
afterEach(() => forgetPasswordMaxAge());

const db = () => getDb();
const NEW_PASSWORD = "Quiet-Meadow-4821";

async function signIn(role: Role = "OFFICER", data: Record<string, unknown> = {}) {
  const { user } = await makeUser(tree.branches[0]!.precincts[0]!, role);
  if (Object.keys(data).length) await db().user.update({ where: { id: user.id }, data });
  const r = await login({ username: user.username, password: TEST_PASSWORD }, client());
  if (!r.ok) throw new Error(r.error);
  return { user, sessionId: r.sessionId };
}
const stateOf = (sessionId: string, now = new Date()) => resolveSessionState(sessionId, client(), now);

describe("forced password change", () => {
  it("holds a first-login session to the password page until the password is changed", async () => {
    const { user, sessionId } = await signIn("OFFICER", { mustChangePassword: true });
    const state = await stateOf(sessionId);
    expect(state?.pending).toBe("password");
    expect(await resolveSession(sessionId, client())).toBeNull();

    const weak = await changeOwnPassword(state!.actor, { current: TEST_PASSWORD, next: "short", confirm: "short" }).catch((e: AppError) => e);
    expect((weak as AppError).details.map((d) => d.code)).toContain("too_short");
    const wrong = await changeOwnPassword(state!.actor, { current: "Not-The-Password-1", next: NEW_PASSWORD, confirm: NEW_PASSWORD }).catch((e: AppError) => e);
    expect((wrong as AppError).details[0]).toMatchObject({ path: "current", code: "wrong_password" });
    const same = await changeOwnPassword(state!.actor, { current: TEST_PASSWORD, next: TEST_PASSWORD, confirm: TEST_PASSWORD }).catch((e: AppError) => e);
    expect((same as AppError).details[0]).toMatchObject({ path: "next", code: "same_as_current" });
    const mismatch = await changeOwnPassword(state!.actor, { current: TEST_PASSWORD, next: NEW_PASSWORD, confirm: "x" }).catch((e: AppError) => e);
    expect((mismatch as AppError).details[0]).toMatchObject({ path: "confirm", code: "mismatch" });

    await changeOwnPassword(state!.actor, { current: TEST_PASSWORD, next: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect((await resolveSession(sessionId, client()))?.id).toBe(user.id);
    expect((await login({ username: user.username, password: TEST_PASSWORD }, client())).ok).toBe(false);
    expect((await login({ username: user.username, password: NEW_PASSWORD }, client())).ok).toBe(true);
    const audits = await db().auditLog.findMany({ where: { entityId: user.id, action: "auth.password.change" }, select: { success: true }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.success)).toEqual([false, true]);
  });

  it("ends the user's other sessions when the password changes", async () => {
    const { user, sessionId } = await signIn();
    const other = await login({ username: user.username, password: TEST_PASSWORD }, client());
    if (!other.ok) throw new Error(other.error);
    const actor = (await resolveSession(sessionId, client()))!;
    await changeOwnPassword(actor, { current: TEST_PASSWORD, next: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(await resolveSession(other.sessionId, client())).toBeNull();
    expect(await resolveSession(sessionId, client())).not.toBeNull();
  });

  it("expires a password after 90 days by default, and after the configured lifetime", async () => {
    const old = new Date(Date.now() - 91 * 86_400_000);
    const { sessionId } = await signIn("INVESTIGATOR", { passwordChangedAt: old });
    expect((await stateOf(sessionId))?.pending).toBe("password");

    const recent = new Date(Date.now() - 40 * 86_400_000);
    const second = await signIn("INVESTIGATOR", { passwordChangedAt: recent });
    expect((await stateOf(second.sessionId))?.pending).toBeNull();
    await db().appSetting.upsert({ where: { key: PASSWORD_MAX_AGE_KEY }, create: { key: PASSWORD_MAX_AGE_KEY, value: 30 }, update: { value: 30 } });
    forgetPasswordMaxAge();
    try {
      expect((await stateOf(second.sessionId))?.pending).toBe("password");
    } finally {
      await db().appSetting.delete({ where: { key: PASSWORD_MAX_AGE_KEY } });
    }
  });

  it("does not expire the demo accounts' published password", async () => {
    const { sessionId } = await signIn("DISPATCHER", { passwordChangedAt: new Date(Date.now() - 400 * 86_400_000), isDemo: true });
    expect((await stateOf(sessionId))?.pending).toBeNull();
  });
});

describe("admin actions on another user's sign-in", () => {
  it("resets a user's factor: sessions end, the next login has no code to ask for, audited", async () => {
    const { user, sessionId } = await signIn("OFFICER");
    const who = await actorOf(user.id);
    const { secret } = await startTotpEnrollment(who);
    await confirmTotpEnrollment(who, { code: totpCodeAt(secret) });
    const admin = (await makeUser(tree.city, "ADMIN")).actor;
    await resetUserFactor(admin, { id: user.id });
    expect(await resolveSession(sessionId, client())).toBeNull();
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true, recoveryCodeHashes: true } });
    expect(row).toEqual({ totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: [] });
    expect((await login({ username: user.username, password: TEST_PASSWORD }, client())).ok).toBe(true);
    expect(await db().auditLog.count({ where: { action: "user.mfa.reset", entityId: user.id, actorId: admin.id } })).toBe(1);
  });

  it("ends all of a user's sessions at once, audited", async () => {
    const { user, sessionId } = await signIn("DISPATCHER");
    const second = await login({ username: user.username, password: TEST_PASSWORD }, client());
    if (!second.ok) throw new Error(second.error);
    const admin = (await makeUser(tree.city, "ADMIN")).actor;
    expect(await endUserSessions(admin, { id: user.id })).toEqual({ ended: 2 });
    expect(await resolveSession(sessionId, client())).toBeNull();
    expect(await resolveSession(second.sessionId, client())).toBeNull();
    expect(await db().auditLog.count({ where: { action: "user.sessions.end", entityId: user.id } })).toBe(1);
  });

  it("refuses outside the admin's jurisdiction (404), on oneself and without the permission (403)", async () => {
    const outsider = (await makeUser(tree.branches[1]!.precincts[0]!, "OFFICER")).user;
    const branchAdmin = (await makeUser(tree.branches[0]!, "ADMIN")).actor;
    await expect(resetUserFactor(branchAdmin, { id: outsider.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endUserSessions(branchAdmin, { id: outsider.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endUserSessions(branchAdmin, { id: branchAdmin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const auditor = (await makeUser(tree.city, "AUDITOR")).actor;
    await expect(resetUserFactor(auditor, { id: outsider.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().auditLog.count({ where: { action: "authz.denied", actorId: auditor.id } })).toBe(1);
  });
});

describe("三员分立", () => {
  it.each(["ADMIN", "AUDITOR"] as const)("a %s cannot change their own role", async (role) => {
    const { user, actor } = await makeUser(tree.city, role);
    await expect(updateUser(actor, { id: user.id, version: user.version, role: "DISPATCHER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe(role);
  });

  it("keeps an admin alone from making an auditor (they would read the trail through it): proposed, not usable; the command line can", async () => {
    const admin = (await makeUser(tree.city, "ADMIN")).actor;
    const input = { username: `aud${Date.now().toString(36)}`, displayName: "审计员", role: "AUDITOR", unitCode: tree.city.code };
    const made = await createUser(admin, input);
    expect(made.pending).toBe(true);
    expect((await login({ username: input.username, password: made.password }, client())).ok).toBe(false);
    const { user } = await makeUser(tree.city, "OFFICER");
    expect(await updateUser(admin, { id: user.id, version: user.version, role: "AUDITOR" })).toEqual({ pending: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("OFFICER");
    const { id } = await createUser(systemActor(tree.city), { ...input, username: `${input.username}c` });
    expect(await db().user.findUniqueOrThrow({ where: { id }, select: { role: true, approvalPending: true } })).toEqual({ role: "AUDITOR", approvalPending: false });
  });
});
