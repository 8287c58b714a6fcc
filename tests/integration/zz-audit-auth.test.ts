// Hostile audit of authentication, sessions and administration (三员分立). Each test here shows a
// CONFIRMED defect: it fails against the current code and passes once the defect is fixed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { login } from "@/lib/auth/login";
import { resolveSession, resolveSessionState } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { confirmTotpEnrollment, regenerateRecoveryCodes, startTotpEnrollment } from "@/lib/auth/totp-enrollment";
import { totpCodeAt } from "@/lib/auth/totp";
import { resetUserPassword } from "@/lib/auth/admin-credentials";
import { createUser, updateUser } from "@/lib/users/commands";
import { updateUnit } from "@/lib/units/commands";
import { decideProposal } from "@/lib/approvals/decide";
import { listRevisits } from "@/lib/revisits/queries";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import type { Actor } from "@/lib/auth/actor";
import { actorOf, client, makeUser, TEST_PASSWORD } from "@/tests/factories";
import { fieldTeam, key, precinctWarning, visit, type FieldTeam } from "./field-fixtures";

const db = () => getDb();
const uname = (p: string) => `${p}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const NEW_PASSWORD = "Zq7!vLm#92xKpw";

const openProposal = (userId: string) =>
  db().accessProposal.findFirstOrThrow({ where: { userId, status: "PENDING" }, select: { id: true, version: true, kind: true, approverRole: true } });
const approve = async (actor: Actor, userId: string) => {
  const p = await openProposal(userId);
  return decideProposal(actor, { id: p.id, version: p.version, decision: "approve" });
};
const version = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

let team: FieldTeam;
let admin: Actor, secofficer: Actor;
beforeAll(async () => {
  team = await fieldTeam();
  admin = (await makeUser(team.tree.city, "ADMIN")).actor;
  secofficer = (await makeUser(team.tree.city, "SECURITY_OFFICER")).actor;
});

describe("三员分立: an administrator alone reaches per-person data", () => {
  it("an account created by the admin with the grantable warnings:triage (no approval) reads the victims' revisit records", async () => {
    // A victim's revisit in a precinct of the city.
    const w = await precinctWarning(team);
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit() }, key());

    // The administrator creates a second ADMIN (or a LEADER) account holding warnings:triage: no proposal.
    const username = uname("adm");
    const made = await createUser(admin, { username, displayName: "第二管理员", role: "ADMIN", unitCode: team.tree.city.code, grants: ["warnings:triage"] });
    expect.soft(made.pending, "an account that reads per-person records must wait for the security officer").toBe(true);
    // The admin holds its one-time password: it signs in (the rest of the way is a password change and enrolment the admin does).
    expect.soft((await login({ username, password: made.password }, client())).ok).toBe(false);

    // With the session that account ends up with, the victims' records are read (masked, but per person: name, phone, address, officer's note).
    const actor = await actorOf(made.id);
    const rows = await listRevisits(actor, {}).then((r) => r.revisits, () => []);
    expect(rows.filter((r) => r.warningId === w.id), "an ADMIN account must not read revisits of victims (B11)").toEqual([]);
  });

  it("a password reset during a pending role-change proposal is not held for approval: after approval the admin holds a working credential of a PII account", async () => {
    const { user } = await makeUser(team.tree.center, "LEADER");
    // 1. propose LEADER → DISPATCHER (pending, the security officer's to approve)
    expect(await updateUser(admin, { id: user.id, version: user.version, role: "DISPATCHER" })).toEqual({ pending: true });
    // 2. reset the password while the proposal waits: judged on the current role (LEADER), applied at once
    const reset = await resetUserPassword(admin, { id: user.id });
    expect.soft(reset.pending, "a reset of an account about to read PII must not hand the admin a working credential").toBe(true);
    // 3. the security officer approves the role change shown to them
    await approve(secofficer, user.id);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("DISPATCHER");
    // 4. the admin signs in with the password it was given, changes it, and holds a DISPATCHER session
    const r = await login({ username: user.username, password: reset.password }, client());
    if (r.ok) {
      const pending = (await resolveSessionState(r.sessionId, client()))!;
      await changeOwnPassword(pending.actor, { current: reset.password, next: NEW_PASSWORD, confirm: NEW_PASSWORD }).catch(() => undefined);
      const full = await resolveSession(r.sessionId, client());
      expect.soft(full?.permissions.has("pii:reveal") ?? false, "admin-obtained session of a PII account").toBe(false);
    }
    expect(r.ok, "the admin-issued password must not open the now-PII account").toBe(false);
  });
  it("downgrade, reset, upgrade: an officer's account is made LEADER, its password reset at once, then an approved role change back hands the admin an OFFICER credential", async () => {
    const { user } = await makeUser(team.precinct, "OFFICER");
    // 1. OFFICER → LEADER: "a change that grants nothing", applied at once
    expect(await updateUser(admin, { id: user.id, version: user.version, role: "LEADER" })).toEqual({ pending: false });
    // 2. reset the LEADER's password: no approval, the admin holds the one-time password
    const reset = await resetUserPassword(admin, { id: user.id });
    expect(reset.pending).toBe(false);
    // 3. propose the role back; the security officer approves restoring the officer's old role
    expect(await updateUser(admin, { id: user.id, version: await version(user.id), role: "OFFICER" })).toEqual({ pending: true });
    await approve(secofficer, user.id);
    // 4. the admin-issued password (never changed by its owner) opens the OFFICER account
    const r = await login({ username: user.username, password: reset.password }, client());
    expect(r.ok, "an approved PII grant must not go to an account whose only password the admin issued").toBe(false);
  });
});

describe("approvals: a proposal is applied to the account as it now stands, not as proposed", () => {
  it("a role change approved by a branch's security officer is applied after the admin moved the account out of that branch (to the city-wide centre)", async () => {
    const branch = team.tree.branches[0]!;
    const branchOfficer = (await makeUser(branch, "SECURITY_OFFICER")).actor;
    const { user } = await makeUser(branch.precincts[0]!, "LEADER");
    // 1. propose LEADER → OFFICER in the branch's precinct: the branch's security officer decides
    expect(await updateUser(admin, { id: user.id, version: user.version, role: "OFFICER" })).toEqual({ pending: true });
    const p = await openProposal(user.id);
    expect(p.approverRole).toBe("SECURITY_OFFICER");
    // 2. while it waits, move the (still LEADER) account to the 反诈中心: no approval needed for a LEADER
    expect(await updateUser(admin, { id: user.id, version: await version(user.id), unitCode: team.tree.center.code })).toEqual({ pending: false });
    // 3. the branch's officer approves what they were shown (an officer of their precinct)
    await decideProposal(branchOfficer, { id: p.id, version: p.version, decision: "approve" }).catch(() => undefined);
    // The account is now an OFFICER of the centre, whose scope is the whole city — never approved by anyone with that jurisdiction.
    const after = await actorOf(user.id);
    expect(after.role === "OFFICER" && after.scopePath === team.tree.city.path, "an OFFICER with city-wide scope approved by a branch officer").toBe(false);
  });

  it("a new PII account approved for a precinct is applied after the admin moved it (while pending) to the city-wide centre", async () => {
    const branch = team.tree.branches[0]!;
    const branchOfficer = (await makeUser(branch, "SECURITY_OFFICER")).actor;
    const made = await createUser(admin, { username: uname("off"), displayName: "新民警", role: "OFFICER", unitCode: branch.precincts[0]!.code });
    expect(made.pending).toBe(true);
    // While the creation waits, a unit change of the pending OFFICER is applied at once.
    expect(await updateUser(admin, { id: made.id, version: await version(made.id), unitCode: team.tree.center.code })).toEqual({ pending: false });
    await approve(branchOfficer, made.id).catch(() => undefined);
    const u = await db().user.findUniqueOrThrow({ where: { id: made.id }, select: { approvalPending: true } });
    const actor = await actorOf(made.id);
    expect(!u.approvalPending && actor.scopePath === team.tree.city.path, "a city-wide OFFICER approved only by a branch's officer").toBe(false);
  });
});

describe("sessions of a disabled unit", () => {
  it("a user of a disabled unit still signs in and keeps their session (the unit's API keys are refused)", async () => {
    const precinct = team.tree.branches[1]!.precincts[1]!;
    const { user } = await makeUser(precinct, "OFFICER");
    const before = await login({ username: user.username, password: TEST_PASSWORD }, client());
    expect(before.ok).toBe(true);
    const u = await db().unit.findUniqueOrThrow({ where: { id: precinct.id } });
    await updateUnit(admin, { id: u.id, version: u.version, active: false });

    const open = before.ok ? await resolveSession(before.sessionId, client()) : null;
    expect.soft(open, "the open session of a user of a disabled unit must end").toBeNull();
    const again = await login({ username: user.username, password: TEST_PASSWORD }, { ...client(), requestId: randomUUID() });
    expect(again.ok, "a user of a disabled unit must not sign in").toBe(false);
  });
});

describe("second factor: the account's own commands are an unlimited TOTP oracle", () => {
  it("wrong codes to 'new recovery codes' never count toward the lockout: a session holder guesses on, then gets fresh recovery codes", async () => {
    const { user } = await makeUser(team.tree.city, "OFFICER");
    const who = { ...(await actorOf(user.id)), sessionId: undefined };
    const { secret } = await startTotpEnrollment(who);
    const t0 = new Date(Date.now() - 120_000);
    await confirmTotpEnrollment(who, { code: totpCodeAt(secret, t0) }, t0);

    const now = new Date();
    const valid = new Set([-30_000, 0, 30_000].map((d) => totpCodeAt(secret, new Date(now.getTime() + d))));
    const wrong: string[] = [];
    for (let n = 100_000; wrong.length < 12; n += 7919) if (!valid.has(String(n))) wrong.push(String(n));
    for (const code of wrong) await regenerateRecoveryCodes(who, { code }, now).catch(() => undefined);

    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true, failedLogins: true } });
    expect.soft(await db().auditLog.count({ where: { entityId: user.id, action: "auth.lock" } }), "twelve wrong codes must lock the account (as at sign-in)").toBeGreaterThan(0);
    // After twelve wrong guesses a right code still yields a fresh set of recovery codes.
    const after = await regenerateRecoveryCodes(who, { code: totpCodeAt(secret, now) }, now).then(() => "issued", () => "refused");
    expect({ locked: !!row.lockedUntil && row.lockedUntil > now, after }).toEqual({ locked: true, after: "refused" });
  });
});

describe("lockout under concurrent guesses", () => {
  it("guesses sent at once are all checked (not five), and the right password among them opens the locked account and clears its lock", async () => {
    const { user } = await makeUser(team.tree.city, "OFFICER");
    const started = new Date();
    const guesses = Array.from({ length: 12 }, (_, i) => login({ username: user.username, password: `Wrong-guess-${i}-Xy` }, client()));
    const right = login({ username: user.username, password: TEST_PASSWORD }, client());
    const results = await Promise.all([...guesses, right]);
    const r = results.at(-1)!;

    const checked = await db().auditLog.count({ where: { entityId: user.id, action: "auth.login", success: false, details: { path: ["reason"], equals: "wrong-password" } } });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect.soft(checked, "at most five passwords may be tried before the lock").toBeLessThanOrEqual(5);
    expect.soft(!!row.lockedUntil && row.lockedUntil > started, "the account must stay locked").toBe(true);
    expect(r.ok, "the attempt after five failures must fail even with the right password (A3)").toBe(false);
  });
});
