// SECURITY.md G30 (三员分立 enforced by the server): the administrator alone never obtains a
// credential that reads personal data — accounts, role changes, password resets and API keys with
// a read scope wait for the security officer (the auditor, for a security officer's account); the
// last auditor and security officer of a city cannot be removed. Also issue 13 item 13: usernames
// are unique whatever their case.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { login } from "@/lib/auth/login";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { credentialDeadline } from "@/lib/auth/session";
import { resetUserPassword } from "@/lib/auth/admin-credentials";
import { systemActor } from "@/lib/auth/system-actor";
import { createApiKey } from "@/lib/api-keys/commands";
import { createUser, updateUser } from "@/lib/users/commands";
import { listUsers } from "@/lib/users/queries";
import { decideProposal } from "@/lib/approvals/decide";
import { listProposals } from "@/lib/approvals/queries";
import type { Actor } from "@/lib/auth/actor";
import { client, makeUnitTree, makeUser, TEST_PASSWORD, type TestTree } from "@/tests/factories";

const db = () => getDb();
const uname = (p: string) => `${p}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const signIn = (username: string, password: string) => login({ username, password }, client());

/** The open proposal about an account or key. */
const openProposal = (where: { userId: string } | { apiKeyId: string }) =>
  db().accessProposal.findFirstOrThrow({ where: { ...where, status: "PENDING" }, select: { id: true, version: true, approverRole: true, kind: true } });

const decide = async (actor: Actor, where: { userId: string } | { apiKeyId: string }, decision: "approve" | "reject") => {
  const p = await openProposal(where);
  return decideProposal(actor, { id: p.id, version: p.version, decision });
};

let tree: TestTree;
let admin: Actor, secofficer: Actor, auditor: Actor;
beforeAll(async () => {
  tree = await makeUnitTree();
  admin = (await makeUser(tree.city, "ADMIN")).actor;
  secofficer = (await makeUser(tree.city, "SECURITY_OFFICER")).actor;
  auditor = (await makeUser(tree.city, "AUDITOR")).actor;
});

describe("accounts that read personal data", () => {
  it("an admin alone cannot get one: the new account cannot sign in until the security officer approves", async () => {
    const username = uname("disp");
    const made = await createUser(admin, { username, displayName: "新调度员", role: "DISPATCHER", unitCode: tree.center.code });
    expect(made.pending).toBe(true);
    expect(await signIn(username, made.password)).toEqual({ ok: false, error: "PENDING_APPROVAL" });

    // Nobody but a security officer of the account's jurisdiction decides.
    const p = await openProposal({ userId: made.id });
    expect(p).toMatchObject({ kind: "USER_CREATE", approverRole: "SECURITY_OFFICER" });
    await expect(decideProposal(admin, { id: p.id, version: p.version, decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideProposal(auditor, { id: p.id, version: p.version, decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const far = await makeUnitTree();
    const farOfficer = (await makeUser(far.city, "SECURITY_OFFICER")).actor;
    await expect(decideProposal(farOfficer, { id: p.id, version: p.version, decision: "approve" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditLog.count({ where: { action: "authz.denied", actorId: farOfficer.id, entityId: p.id } })).toBe(1);
    expect(await signIn(username, made.password)).toEqual({ ok: false, error: "PENDING_APPROVAL" });

    expect((await listProposals(secofficer)).pending.map((x) => x.id)).toContain(p.id);
    await decideProposal(secofficer, { id: p.id, version: p.version, decision: "approve" });
    const r = await signIn(username, made.password);
    expect(r.ok).toBe(true);
    // The first sign-in owes a password change (the one-time password is the admin's knowledge too).
    expect((await db().user.findUniqueOrThrow({ where: { id: made.id } })).mustChangePassword).toBe(true);

    // The audit names who proposed and who approved.
    const propose = await db().auditLog.findFirstOrThrow({ where: { action: "access.propose", entityId: made.id } });
    const approve = await db().auditLog.findFirstOrThrow({ where: { action: "access.approve", entityId: made.id } });
    expect(propose.actorId).toBe(admin.id);
    expect(approve.actorId).toBe(secofficer.id);
    expect(approve.details).toMatchObject({ proposal: p.id, proposedBy: admin.name });
    // Decided once.
    await expect(decideProposal(secofficer, { id: p.id, version: p.version + 1, decision: "reject" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a rejected account never signs in, even once an admin enables it", async () => {
    const username = uname("off");
    const made = await createUser(admin, { username, displayName: "被驳回", role: "OFFICER", unitCode: tree.branches[0]!.precincts[0]!.code });
    await decide(secofficer, { userId: made.id }, "reject");
    const row = await db().user.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({ active: false, approvalPending: true });
    await updateUser(admin, { id: made.id, version: row.version, active: true });
    expect(await signIn(username, made.password)).toEqual({ ok: false, error: "PENDING_APPROVAL" });
  });

  it("accounts that read none (leader, admin) need no approval; the command line is trusted", async () => {
    const leader = await createUser(admin, { username: uname("lead"), displayName: "领导", role: "LEADER", unitCode: tree.city.code });
    expect(leader.pending).toBe(false);
    expect((await signIn((await db().user.findUniqueOrThrow({ where: { id: leader.id } })).username, leader.password)).ok).toBe(true);
    const cli = await createUser(systemActor(tree.city), { username: uname("cli"), displayName: "命令行建", role: "DISPATCHER", unitCode: tree.center.code });
    expect(cli.pending).toBe(false);
    expect(await db().accessProposal.count({ where: { userId: cli.id } })).toBe(0);
  });

  it("a role change into a reading role waits for approval; the account keeps its old role until then", async () => {
    const { user } = await makeUser(tree.city, "LEADER");
    expect(await updateUser(admin, { id: user.id, version: user.version, role: "DISPATCHER" })).toEqual({ pending: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("LEADER");
    // One open proposal per account.
    await expect(updateUser(admin, { id: user.id, version: user.version, role: "OFFICER" })).rejects.toMatchObject({ code: "CONFLICT" });
    await decide(secofficer, { userId: user.id }, "approve");
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.role).toBe("DISPATCHER");
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    // A change that grants nothing (back to a role without PII) is applied at once.
    expect(await updateUser(admin, { id: user.id, version: after.version, role: "LEADER" })).toEqual({ pending: false });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("LEADER");
  });

  it("a password reset is one-time and, for a reading account, takes effect only on approval (the old one works until then)", async () => {
    const { user } = await makeUser(tree.center, "DISPATCHER");
    const reset = await resetUserPassword(admin, { id: user.id });
    expect(reset).toMatchObject({ username: user.username, pending: true });
    expect(reset.password).not.toBe(TEST_PASSWORD);
    expect((await signIn(user.username, reset.password)).ok).toBe(false);
    expect((await signIn(user.username, TEST_PASSWORD)).ok).toBe(true);
    const held = await db().accessProposal.findFirstOrThrow({ where: { userId: user.id, status: "PENDING" } });
    expect(held.kind).toBe("PASSWORD_RESET");

    await decide(secofficer, { userId: user.id }, "approve");
    expect((await signIn(user.username, TEST_PASSWORD)).ok).toBe(false);
    expect((await signIn(user.username, reset.password)).ok).toBe(true);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(true);
    // The hash held for the approval is gone once decided.
    expect((await db().accessProposal.findUniqueOrThrow({ where: { id: held.id } })).change).toBeNull();

    // A reading-free account's reset applies at once.
    const { user: leader } = await makeUser(tree.city, "LEADER");
    const now = await resetUserPassword(admin, { id: leader.id });
    expect(now.pending).toBe(false);
    expect((await signIn(leader.username, now.password)).ok).toBe(true);
  });
});

describe("API keys with a read scope", () => {
  const req = { ip: "127.0.0.1", requestId: "sod" };

  it("are refused until the security officer approves; an ingest-only key works at once", async () => {
    const reader = await createApiKey(admin, { name: "读取密钥", unitCode: tree.city.code, scopes: ["warnings:ingest", "warnings:read"], sources: ["NATIONAL"] });
    expect(reader.pending).toBe(true);
    expect(await authenticateApiKey(reader.key, req)).toBeNull();
    await decide(secofficer, { apiKeyId: reader.id }, "approve");
    const actor = await authenticateApiKey(reader.key, req);
    expect([...actor!.permissions].sort()).toEqual(["warnings:ingest", "warnings:read"]);
    expect(await credentialDeadline(actor!)).not.toBeNull();

    const ingest = await createApiKey(admin, { name: "推送密钥", unitCode: tree.city.code, scopes: ["warnings:ingest"], sources: ["NATIONAL"] });
    expect(ingest.pending).toBe(false);
    expect(await authenticateApiKey(ingest.key, req)).not.toBeNull();
  });

  it("are revoked when rejected", async () => {
    const k = await createApiKey(admin, { name: "统计密钥", unitCode: tree.city.code, scopes: ["stats:read"] });
    await decide(secofficer, { apiKeyId: k.id }, "reject");
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: k.id } })).revokedAt).not.toBeNull();
    expect(await authenticateApiKey(k.key, req)).toBeNull();
  });
});

describe("the watchers: auditors and security officers", () => {
  it("the last active auditor or security officer of a city cannot be disabled or re-roled — by anyone", async () => {
    const city = await makeUnitTree();
    const cityAdmin = (await makeUser(city.city, "ADMIN")).actor;
    const { user: onlyAuditor } = await makeUser(city.city, "AUDITOR");
    const { user: onlySec } = await makeUser(city.city, "SECURITY_OFFICER");
    for (const change of [{ active: false }, { role: "LEADER" }, { role: "SECURITY_OFFICER" }]) {
      await expect(updateUser(cityAdmin, { id: onlyAuditor.id, version: onlyAuditor.version, ...change })).rejects.toMatchObject({ code: "CONFLICT", details: [expect.objectContaining({ code: "last_oversight" })] });
    }
    await expect(updateUser(cityAdmin, { id: onlySec.id, version: onlySec.version, active: false })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateUser(systemActor(city.city), { id: onlySec.id, version: onlySec.version, role: "ADMIN" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().user.findUniqueOrThrow({ where: { id: onlyAuditor.id }, select: { active: true, role: true } })).toEqual({ active: true, role: "AUDITOR" });
    expect(await db().accessProposal.count({ where: { userId: { in: [onlyAuditor.id, onlySec.id] } } })).toBe(0);
  });

  it("with two auditors, one may go (with the security officer's approval); the check holds again at approval", async () => {
    const city = await makeUnitTree();
    const cityAdmin = (await makeUser(city.city, "ADMIN")).actor;
    const sec = (await makeUser(city.city, "SECURITY_OFFICER")).actor;
    const a = (await makeUser(city.city, "AUDITOR")).user;
    const b = (await makeUser(city.city, "AUDITOR")).user;
    // Both proposed while both are active; only the first approval can pass.
    expect(await updateUser(cityAdmin, { id: a.id, version: a.version, active: false })).toEqual({ pending: true });
    expect(await updateUser(cityAdmin, { id: b.id, version: b.version, active: false })).toEqual({ pending: true });
    expect((await openProposal({ userId: a.id })).approverRole).toBe("SECURITY_OFFICER");
    await decide(sec, { userId: a.id }, "approve");
    expect((await db().user.findUniqueOrThrow({ where: { id: a.id } })).active).toBe(false);
    await expect(decide(sec, { userId: b.id }, "approve")).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db().user.findUniqueOrThrow({ where: { id: b.id } })).active).toBe(true);
  });

  it("a security officer's account is changed only with an auditor's approval, an auditor's only with a security officer's", async () => {
    const city = await makeUnitTree();
    const cityAdmin = (await makeUser(city.city, "ADMIN")).actor;
    const s1 = await makeUser(city.city, "SECURITY_OFFICER");
    const s2 = await makeUser(city.city, "SECURITY_OFFICER");
    const a1 = await makeUser(city.city, "AUDITOR");
    const a2 = await makeUser(city.city, "AUDITOR");

    // Moving a security officer to another unit: the auditor decides, not the other security officer.
    expect(await updateUser(cityAdmin, { id: s1.user.id, version: s1.user.version, unitCode: city.branches[0]!.code })).toEqual({ pending: true });
    const p = await openProposal({ userId: s1.user.id });
    expect(p.approverRole).toBe("AUDITOR");
    await expect(decideProposal(s2.actor, { id: p.id, version: p.version, decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideProposal(a1.actor, { id: p.id, version: p.version, decision: "approve" });
    expect((await db().user.findUniqueOrThrow({ where: { id: s1.user.id } })).unitId).toBe(city.branches[0]!.id);

    // An auditor who would become a security officer cannot approve their own promotion.
    expect(await updateUser(cityAdmin, { id: a2.user.id, version: a2.user.version, role: "SECURITY_OFFICER" })).toEqual({ pending: true });
    const q = await openProposal({ userId: a2.user.id });
    expect(q.approverRole).toBe("AUDITOR");
    await expect(decideProposal(a2.actor, { id: q.id, version: q.version, decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideProposal(a1.actor, { id: q.id, version: q.version, decision: "approve" });
    expect((await db().user.findUniqueOrThrow({ where: { id: a2.user.id } })).role).toBe("SECURITY_OFFICER");

    // A new security officer's account, and a reset of an auditor's password, wait for the other watcher.
    const made = await createUser(cityAdmin, { username: uname("sec"), displayName: "新保密员", role: "SECURITY_OFFICER", unitCode: city.city.code });
    expect((await openProposal({ userId: made.id })).approverRole).toBe("AUDITOR");
    expect((await resetUserPassword(cityAdmin, { id: a1.user.id })).pending).toBe(true);
    expect((await openProposal({ userId: a1.user.id })).approverRole).toBe("SECURITY_OFFICER");
    // The auditor can still sign in with the old password: a reset does not lock a watcher out.
    expect((await signIn(a1.user.username, TEST_PASSWORD)).ok).toBe(true);
  });
});

describe("usernames", () => {
  it("are unique whatever their case, in the command and in the database, and sign in in any case", async () => {
    const base = uname("Case.User");
    const made = await createUser(admin, { username: base, displayName: "大小写", role: "LEADER", unitCode: tree.city.code });
    await expect(createUser(admin, { username: base.toLowerCase(), displayName: "大小写2", role: "LEADER", unitCode: tree.city.code }))
      .rejects.toMatchObject({ code: "VALIDATION", details: [expect.objectContaining({ path: "username", code: "duplicate" })] });
    await expect(db().user.create({ data: { username: base.toUpperCase(), displayName: "直写", role: "LEADER", unitId: tree.city.id, passwordHash: "not-a-hash" } }))
      .rejects.toMatchObject({ code: "P2002" });
    expect((await signIn(base.toUpperCase(), made.password)).ok).toBe(true);
  });
});

describe("the user list", () => {
  it("searches by username or name and pages by 50", async () => {
    const token = uname("pg").toLowerCase();
    const unit = tree.branches[1]!.precincts[1]!;
    await db().user.createMany({
      data: Array.from({ length: 54 }, (_, i) => ({ username: `${token}.${String(i).padStart(2, "0")}`, displayName: `分页${i}`, role: "LEADER" as const, unitId: unit.id, passwordHash: "not-a-hash" })),
    });
    const first = await listUsers(admin, { q: token.toUpperCase() });
    expect(first).toMatchObject({ total: 54, page: 1, pages: 2 });
    expect(first.rows).toHaveLength(50);
    const second = await listUsers(admin, { q: token, page: "2" });
    expect(second.rows.map((r) => r.username)).toEqual([50, 51, 52, 53].map((i) => `${token}.${i}`));
    expect((await listUsers(admin, { q: "分页53" })).rows.map((r) => r.username)).toContain(`${token}.53`);
    await expect(listUsers(admin, { page: "0" })).rejects.toMatchObject({ code: "VALIDATION" });
    // Another jurisdiction's admin finds none of them.
    const branchAdmin = (await makeUser(tree.branches[0]!, "ADMIN")).actor;
    expect((await listUsers(branchAdmin, { q: token })).total).toBe(0);
  });
});
