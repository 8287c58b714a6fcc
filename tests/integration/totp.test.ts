import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { login } from "@/lib/auth/login";
import { resolveSession, resolveSessionState } from "@/lib/auth/session";
import { confirmTotpEnrollment, regenerateRecoveryCodes, removeOwnFactor, startTotpEnrollment } from "@/lib/auth/totp-enrollment";
import { openSecret, totpCodeAt } from "@/lib/auth/totp";
import type { Role } from "@/lib/generated/prisma/enums";
import { actorOf, client, makeUnitTree, makeUser, TEST_PASSWORD, type TestTree } from "@/tests/factories";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
});

const db = () => getDb();
const production = { demoMode: false };
const audits = (userId: string, action: string) =>
  db().auditLog.findMany({ where: { entityId: userId, action }, orderBy: { id: "asc" }, select: { success: true, details: true } });
const sessionsOf = (userId: string) => db().userSession.count({ where: { userId } });

/** A user with an enrolled factor; `codeAt(t)` is what their phone shows at time t. */
async function enrolled(role: Role, unit: { id: string } = tree.city) {
  const { user } = await makeUser(unit, role);
  const who = { ...(await actorOf(user.id)), sessionId: undefined };
  const { secret } = await startTotpEnrollment(who);
  const t0 = new Date(Date.now() - 120_000);
  const { recoveryCodes } = await confirmTotpEnrollment(who, { code: totpCodeAt(secret, t0) }, t0);
  return { user, who, secret, recoveryCodes, creds: { username: user.username, password: TEST_PASSWORD } };
}

describe("enrolment", () => {
  it("stores the secret sealed, activates only after a right code, and keeps recovery codes hashed", async () => {
    const { user } = await makeUser(tree.city, "OFFICER");
    const who = await actorOf(user.id);
    const { secret, qr, uri } = await startTotpEnrollment(who);
    expect(qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(uri).toContain(`secret=${secret}`);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
    expect(row.totpSecret).not.toContain(secret);
    expect(openSecret(row.totpSecret!)).toBe(secret);
    expect(row.totpEnabledAt).toBeNull();

    const wrong = await confirmTotpEnrollment(who, { code: totpCodeAt(secret, new Date(Date.now() - 600_000)) }).catch((e: AppError) => e);
    expect((wrong as AppError).details[0]).toMatchObject({ path: "code", code: "otp_invalid" });
    const { recoveryCodes } = await confirmTotpEnrollment(who, { code: totpCodeAt(secret) });
    expect(recoveryCodes).toHaveLength(10);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { recoveryCodeHashes: true, totpEnabledAt: true } });
    expect(after.totpEnabledAt).not.toBeNull();
    expect(after.recoveryCodeHashes).toHaveLength(10);
    expect(after.recoveryCodeHashes.join()).not.toContain(recoveryCodes[0]);
    expect((await audits(user.id, "auth.mfa.enroll")).map((a) => a.success)).toEqual([false, true]);
    // A second enrolment over an active factor is refused.
    await expect(startTotpEnrollment(who)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("login with a second factor", () => {
  it("answers OTP_REQUIRED to the password alone, with no session, for an enrolled user of any role", async () => {
    for (const role of ["ADMIN", "OFFICER"] as const) {
      const { user, creds } = await enrolled(role);
      expect(await login(creds, client())).toEqual({ ok: false, error: "OTP_REQUIRED" });
      expect(await sessionsOf(user.id)).toBe(0);
    }
  });

  it("opens a session with the right code and refuses the same code again (same time step), audited", async () => {
    const { user, secret, creds } = await enrolled("AUDITOR");
    const code = totpCodeAt(secret);
    const first = await login({ ...creds, otp: code }, client(), production);
    expect(first.ok).toBe(true);
    if (first.ok) expect(await resolveSession(first.sessionId, client(), new Date(), production)).not.toBeNull();
    expect(await login({ ...creds, otp: code }, client(), production)).toEqual({ ok: false, error: "OTP_INVALID" });
    expect(await login({ ...creds, otp: "000000" === code ? "111111" : "000000" }, client(), production)).toEqual({ ok: false, error: "OTP_INVALID" });
    expect(await sessionsOf(user.id)).toBe(1);
    const mfa = await audits(user.id, "auth.mfa");
    expect(mfa.map((a) => [a.success, (a.details as { reason?: string }).reason])).toEqual([[true, undefined], [false, "reused"], [false, "wrong"]]);
  });

  it("refuses a code of an earlier step than the last one accepted", async () => {
    const { secret, creds } = await enrolled("LEADER");
    const now = new Date();
    expect((await login({ ...creds, otp: totpCodeAt(secret, now) }, client(), { ...production, now })).ok).toBe(true);
    const older = totpCodeAt(secret, new Date(now.getTime() - 30_000));
    expect(await login({ ...creds, otp: older }, client(), { ...production, now })).toEqual({ ok: false, error: "OTP_INVALID" });
  });

  it("accepts each recovery code once", async () => {
    const { user, recoveryCodes, creds } = await enrolled("ADMIN");
    expect((await login({ ...creds, otp: recoveryCodes[3]!.toUpperCase() }, client(), production)).ok).toBe(true);
    expect(await login({ ...creds, otp: recoveryCodes[3] }, client(), production)).toEqual({ ok: false, error: "OTP_INVALID" });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { recoveryCodeHashes: true } });
    expect(row.recoveryCodeHashes).toHaveLength(9);
  });

  it("locks the account after five wrong codes, even with a right code afterwards", async () => {
    const { user, secret, creds } = await enrolled("OFFICER");
    const bad = totpCodeAt(secret, new Date(Date.now() + 3_600_000));
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await login({ ...creds, otp: bad }, client())) as { error: string });
    expect(results.map((r) => r.error)).toEqual(["OTP_INVALID", "OTP_INVALID", "OTP_INVALID", "OTP_INVALID", "LOCKED"]);
    // The lock is told only to whoever just proved the password; afterwards it answers as an unknown user.
    expect(await login({ ...creds, otp: totpCodeAt(secret) }, client())).toEqual({ ok: false, error: "INVALID_CREDENTIALS" });
    expect(await audits(user.id, "auth.lock")).toHaveLength(1);
  });

  it("lets two concurrent logins with one code open one session only", async () => {
    const { user, secret, creds } = await enrolled("OFFICER");
    const code = totpCodeAt(secret);
    const results = await Promise.all(Array.from({ length: 5 }, () => login({ ...creds, otp: code }, client())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await sessionsOf(user.id)).toBe(1);
  });
});

describe("second factor required for ADMIN, AUDITOR and LEADER outside demo mode", () => {
  it.each(["ADMIN", "AUDITOR", "LEADER"] as const)("a %s without a factor gets a session good only for enrolment", async (role) => {
    const { user } = await makeUser(tree.city, role);
    const r = await login({ username: user.username, password: TEST_PASSWORD }, client(), production);
    if (!r.ok) throw new Error(r.error);
    expect(await resolveSession(r.sessionId, client(), new Date(), production)).toBeNull();
    const state = await resolveSessionState(r.sessionId, client(), new Date(), production);
    expect(state?.pending).toBe("mfa-enroll");
    expect(state?.actor.permissions.size).toBe(0);
    // In demo mode the same session is a full one.
    expect(await resolveSession(r.sessionId, client(), new Date(), { demoMode: true })).not.toBeNull();
  });

  it("is not required of the other roles", async () => {
    const { user } = await makeUser(tree.city, "INVESTIGATOR");
    const r = await login({ username: user.username, password: TEST_PASSWORD }, client(), production);
    if (!r.ok) throw new Error(r.error);
    expect(await resolveSession(r.sessionId, client(), new Date(), production)).not.toBeNull();
  });
});

describe("managing one's own factor", () => {
  it("replaces recovery codes with a current code", async () => {
    const { who, secret, recoveryCodes, creds } = await enrolled("DISPATCHER", tree.center);
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(who, { code: totpCodeAt(secret) });
    expect(fresh).not.toEqual(recoveryCodes);
    expect(await login({ ...creds, otp: recoveryCodes[0] }, client())).toEqual({ ok: false, error: "OTP_INVALID" });
    expect((await login({ ...creds, otp: fresh[0] }, client())).ok).toBe(true);
  });

  it("removes the factor only where the role does not require it", async () => {
    const admin = await enrolled("ADMIN");
    await expect(removeOwnFactor(admin.who, { code: totpCodeAt(admin.secret) }, { demoMode: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const officer = await enrolled("OFFICER");
    await removeOwnFactor(officer.who, { code: totpCodeAt(officer.secret) }, { demoMode: false });
    expect((await login(officer.creds, client())).ok).toBe(true);
    expect(await audits(officer.user.id, "auth.mfa.remove")).toEqual([expect.objectContaining({ success: true })]);
  });
});
