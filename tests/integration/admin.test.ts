import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUnit, updateUnit } from "@/lib/units/commands";
import { listUnits } from "@/lib/units/queries";
import { createUser, updateUser } from "@/lib/users/commands";
import { listUsers } from "@/lib/users/queries";
import { passwordProblems } from "@/lib/auth/password-policy";
import { verifyPassword } from "@/lib/auth/password";
import { makeUnitTree, makeUser, type TestTree } from "@/tests/factories";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
});

async function rejection(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const auditCount = (action: string, entityId?: string) => getDb().auditLog.count({ where: { action, ...(entityId ? { entityId } : {}) } });

describe("units", () => {
  it("creates a precinct under a branch, with the path, and audits it", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const branch = tree.branches[0]!;
    const { id } = await createUnit(actor, { code: `${branch.code}07`, name: "新建派出所", kind: "PRECINCT", parentCode: branch.code, addressKeywords: ["新街"] });
    const unit = await getDb().unit.findUniqueOrThrow({ where: { id } });
    expect(unit.path).toBe(`${branch.path}/${branch.code}07`);
    expect(await auditCount("unit.create", id)).toBe(1);
    expect((await listUnits(actor)).map((u) => u.code)).toContain(`${branch.code}07`);
  });

  it.each([
    [{ code: "12345", name: "坏代码", kind: "PRECINCT" }, "code", "invalid_unit_code"],
    [{ code: "99999901", name: "错误上级", kind: "PRECINCT", parentCode: "000000" }, "parentCode", "unknown_unit"],
  ])("rejects bad input %# with the field and reason", async (input, path, code) => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const e = await rejection(createUnit(actor, { parentCode: tree.branches[0]!.code, ...input }));
    expect(e.status).toBe(422);
    expect(e.details).toContainEqual(expect.objectContaining({ path, code }));
  });

  it("rejects a precinct whose code is not its branch's code plus two digits, or under a precinct", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const branch = tree.branches[0]!;
    const e1 = await rejection(createUnit(actor, { code: "11111111", name: "代码不符", kind: "PRECINCT", parentCode: branch.code }));
    expect(e1.details[0]).toMatchObject({ path: "code", code: "code_not_under_parent" });
    const e2 = await rejection(createUnit(actor, { code: `${branch.precincts[0]!.code.slice(0, 6)}99`, name: "上级错", kind: "PRECINCT", parentCode: branch.precincts[0]!.code }));
    expect(e2.details[0]).toMatchObject({ path: "parentCode", code: "wrong_parent_kind" });
  });

  it("rejects a duplicate code and writes nothing", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const before = await getDb().unit.count();
    const e = await rejection(createUnit(actor, { code: tree.branches[1]!.code, name: "重复", kind: "BRANCH", parentCode: tree.city.code }));
    expect(e.details[0]).toMatchObject({ path: "code", code: "duplicate" });
    expect(await getDb().unit.count()).toBe(before);
  });

  it("does not let a branch admin reach another branch (404) and detects stale versions (409)", async () => {
    const { actor } = await makeUser(tree.branches[0]!, "ADMIN");
    const other = tree.branches[1]!.precincts[0]!;
    expect((await rejection(updateUnit(actor, { id: other.id, version: 1, name: "越权" }))).status).toBe(404);
    const own = tree.branches[0]!.precincts[1]!;
    await updateUnit(actor, { id: own.id, version: own.version, population: 12000 });
    expect((await rejection(updateUnit(actor, { id: own.id, version: own.version, population: 13000 }))).status).toBe(409);
    expect((await getDb().unit.findUniqueOrThrow({ where: { id: own.id } })).population).toBe(12000);
  });
});

describe("users", () => {
  it("creates a user with a one-time password the server chooses, hashed with Argon2id, to be changed at first sign-in", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const { id, password } = await createUser(actor, { username: "new.leader1", displayName: "李局长", role: "LEADER", unitCode: tree.city.code });
    expect(passwordProblems(password)).toEqual([]);
    const row = await getDb().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, mustChangePassword: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, password)).toBe(true);
    expect(row.mustChangePassword).toBe(true);
    expect(await auditCount("user.create", id)).toBe(1);
    // Each account gets its own.
    const other = await createUser(actor, { username: "new.leader2", displayName: "王局长", role: "LEADER", unitCode: tree.city.code });
    expect(other.password).not.toBe(password);
  });

  it("refuses a password chosen by the admin, and mass-assigned fields", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const base = { username: "chosen.pw.user", displayName: "自选口令", role: "OFFICER", unitCode: tree.branches[0]!.code };
    const e = await rejection(createUser(actor, { ...base, password: "Lantern-Harbor-92" }));
    expect(e.details[0]).toMatchObject({ code: "unknown_keys" });
    const e2 = await rejection(createUser(actor, { ...base, isDemo: true, unitId: tree.city.id }));
    expect(e2.details[0]).toMatchObject({ code: "unknown_keys" });
    expect(await getDb().user.count({ where: { username: "chosen.pw.user" } })).toBe(0);
  });

  it("cannot place a user outside the admin's jurisdiction", async () => {
    const { actor } = await makeUser(tree.branches[0]!, "ADMIN");
    const e = await rejection(createUser(actor, { username: "outside.user", displayName: "越权", role: "OFFICER", unitCode: tree.branches[1]!.code }));
    expect(e.details[0]).toMatchObject({ path: "unitCode", code: "unknown_unit" });
  });

  it("lists only the admin's subtree", async () => {
    const { actor } = await makeUser(tree.branches[0]!, "ADMIN");
    const outsider = await makeUser(tree.branches[1]!.precincts[0]!, "OFFICER");
    const insider = await makeUser(tree.branches[0]!.precincts[0]!, "OFFICER");
    const names = (await listUsers(actor)).rows.map((u) => u.username);
    expect(names).toContain(insider.user.username);
    expect(names).not.toContain(outsider.user.username);
  });

  it("never lets an admin change their own role or disable themselves", async () => {
    const { user, actor } = await makeUser(tree.city, "ADMIN");
    expect((await rejection(updateUser(actor, { id: user.id, version: user.version, role: "AUDITOR" }))).status).toBe(403);
    expect((await rejection(updateUser(actor, { id: user.id, version: user.version, active: false }))).status).toBe(403);
  });

  it("moves a user to another unit and detects a stale version", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    // A leader reads figures only: moved at once (an officer's move waits for approval: admin-boundaries).
    const { user } = await makeUser(tree.branches[0]!.precincts[0]!, "LEADER");
    await updateUser(actor, { id: user.id, version: user.version, unitCode: tree.branches[1]!.precincts[1]!.code });
    const moved = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { unitId: true, sessionVersion: true } });
    expect(moved.unitId).toBe(tree.branches[1]!.precincts[1]!.id);
    expect(moved.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await rejection(updateUser(actor, { id: user.id, version: user.version, displayName: "旧版本" }))).status).toBe(409);
  });
});
