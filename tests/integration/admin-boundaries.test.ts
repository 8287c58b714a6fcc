// 三员分立 at its edges, where a hostile tester's round found the administrator alone reaching
// personal data: a grant on a role that reads no record, a password reset beside a proposal, a
// reset password behind an approved upgrade, an account changed while its proposal waits, a move
// of a reading account.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { login } from "@/lib/auth/login";
import { permissionsOf } from "@/lib/auth/permissions";
import { resolveSessionState } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { resetUserPassword } from "@/lib/auth/admin-credentials";
import { createUser, updateUser } from "@/lib/users/commands";
import { decideProposal } from "@/lib/approvals/decide";
import type { Actor } from "@/lib/auth/actor";
import { client, makeUnitTree, makeUser, type TestTree } from "@/tests/factories";

const db = () => getDb();
const uname = (p: string) => `${p}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const NEW_PASSWORD = "Zq7!vLm#92xKpw";
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => [e.code, e.details.map((d) => d.code)]);
const openProposal = (userId: string) => db().accessProposal.findFirst({ where: { userId, status: "PENDING" }, select: { id: true, version: true } });
const version = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

let tree: TestTree;
let admin: Actor, secofficer: Actor;
beforeAll(async () => {
  tree = await makeUnitTree();
  admin = (await makeUser(tree.city, "ADMIN")).actor;
  secofficer = (await makeUser(tree.city, "SECURITY_OFFICER")).actor;
});

describe("grants", () => {
  it("a role that reads no record takes no grant: refused at creation, ignored if stored", async () => {
    for (const role of ["ADMIN", "LEADER", "AUDITOR", "SECURITY_OFFICER", "WALL"] as const) {
      expect(await refusal(createUser(admin, { username: uname("g"), displayName: "附加权限", role, unitCode: tree.city.code, grants: ["warnings:triage"] }))).toEqual(["VALIDATION", ["not_for_role"]]);
      expect(permissionsOf(role, ["warnings:triage", "cases:approve"]).has("warnings:triage")).toBe(false);
    }
    // An officer given 研判 reads more victims: the security officer approves it.
    const officer = await createUser(admin, { username: uname("o"), displayName: "资深民警", role: "OFFICER", unitCode: tree.branches[0]!.precincts[0]!.code, grants: ["warnings:triage"] });
    expect(officer.pending).toBe(true);
  });

  it("a role change to one that takes no grant leaves the grants behind", async () => {
    const { user } = await makeUser(tree.branches[0]!.precincts[0]!, "OFFICER", { grants: ["warnings:triage"] });
    expect(await updateUser(admin, { id: user.id, version: user.version, role: "LEADER" })).toEqual({ pending: false });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true, grants: true } })).toEqual({ role: "LEADER", grants: [] });
  });
});

describe("an account whose proposal waits changes no further", () => {
  it("its password is not reset meanwhile (a role change to a reading role waits)", async () => {
    const { user } = await makeUser(tree.center, "LEADER");
    expect(await updateUser(admin, { id: user.id, version: user.version, role: "DISPATCHER" })).toEqual({ pending: true });
    expect(await refusal(resetUserPassword(admin, { id: user.id }))).toEqual(["CONFLICT", ["approval_pending"]]);
  });

  it("it is not moved meanwhile, whether its role change or its creation waits", async () => {
    const branch = tree.branches[0]!;
    const { user } = await makeUser(branch.precincts[0]!, "LEADER");
    expect(await updateUser(admin, { id: user.id, version: user.version, role: "OFFICER" })).toEqual({ pending: true });
    expect(await refusal(updateUser(admin, { id: user.id, version: await version(user.id), unitCode: tree.center.code }))).toEqual(["CONFLICT", ["approval_pending"]]);
    const made = await createUser(admin, { username: uname("off"), displayName: "新民警", role: "OFFICER", unitCode: branch.precincts[0]!.code });
    expect(made.pending).toBe(true);
    expect(await refusal(updateUser(admin, { id: made.id, version: await version(made.id), unitCode: tree.center.code }))).toEqual(["CONFLICT", ["approval_pending"]]);
    // A name is not a power: it may be corrected.
    expect(await updateUser(admin, { id: made.id, version: await version(made.id), displayName: "新民警甲" })).toEqual({ pending: false });
  });
});

describe("approvals", () => {
  it("a move of an account that reads personal data waits for the security officer", async () => {
    const { user } = await makeUser(tree.branches[0]!.precincts[0]!, "OFFICER");
    expect(await updateUser(admin, { id: user.id, version: user.version, unitCode: tree.center.code })).toEqual({ pending: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { unitId: true } })).unitId).toBe(tree.branches[0]!.precincts[0]!.id);
  });

  it("an upgrade is not approved onto a password an administrator reset and its owner has not changed", async () => {
    const { user } = await makeUser(tree.branches[0]!.precincts[0]!, "OFFICER");
    // Down to LEADER (reads nothing: at once), a reset (at once, for a LEADER), then back up.
    expect(await updateUser(admin, { id: user.id, version: user.version, role: "LEADER" })).toEqual({ pending: false });
    const reset = await resetUserPassword(admin, { id: user.id });
    expect(reset.pending).toBe(false);
    expect(await updateUser(admin, { id: user.id, version: await version(user.id), role: "OFFICER" })).toEqual({ pending: true });
    const p = (await openProposal(user.id))!;
    expect(await refusal(decideProposal(secofficer, { id: p.id, version: p.version, decision: "approve" }))).toEqual(["CONFLICT", ["password_not_owned"]]);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true } })).role).toBe("LEADER");
    // Once the password is the owner's own, the approval goes through.
    const r = await login({ username: user.username, password: reset.password }, client());
    if (!r.ok) throw new Error("the reset password signs in");
    const owing = (await resolveSessionState(r.sessionId, client()))!;
    await changeOwnPassword(owing.actor, { current: reset.password, next: NEW_PASSWORD, confirm: NEW_PASSWORD });
    const again = (await openProposal(user.id))!;
    await decideProposal(secofficer, { id: again.id, version: again.version, decision: "approve" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true } })).role).toBe("OFFICER");
  });
});
