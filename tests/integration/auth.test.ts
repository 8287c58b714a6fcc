import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { login, LOCK_AFTER_FAILURES } from "@/lib/auth/login";
import { credentialDeadline, endSession, resolveSession, userActor, IDLE_TIMEOUT_MS } from "@/lib/auth/session";
import { updateUser } from "@/lib/users/commands";
import { client, makeApiKey, makeUnitTree, makeUser, TEST_PASSWORD, type TestTree } from "@/tests/factories";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
});

const auditOf = (username: string) =>
  getDb().auditLog.findMany({ where: { actorName: username }, orderBy: { id: "asc" }, select: { action: true, success: true, details: true } });

describe("login", () => {
  it("opens a session for the right password and audits it", async () => {
    const { user } = await makeUser(tree.branches[0]!.precincts[0]!, "OFFICER");
    const r = await login({ username: user.username, password: TEST_PASSWORD }, client());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const actor = await resolveSession(r.sessionId, client());
    expect(actor?.id).toBe(user.id);
    expect(actor?.permissions.has("warnings:work")).toBe(true);
    expect(await auditOf(user.username)).toEqual([expect.objectContaining({ action: "auth.login", success: true })]);
  });

  it("answers an unknown user exactly like a wrong password", async () => {
    const { user } = await makeUser(tree.city, "ADMIN");
    const wrong = await login({ username: user.username, password: "Wrong-Password-1" }, client());
    const unknown = await login({ username: "nobody_here_123", password: "Wrong-Password-1" }, client());
    expect(wrong).toEqual({ ok: false, error: "INVALID_CREDENTIALS" });
    expect(unknown).toEqual(wrong);
  });

  it("rejects malformed and oversized input before touching the database", async () => {
    for (const bad of [{}, { username: "", password: "x" }, { username: "a".repeat(33), password: "x" }, { username: "ok_user", password: "p".repeat(129) }, { username: "x'; DROP TABLE users;--", password: "x" }, { username: "abc", password: "x", role: "ADMIN" }]) {
      expect(await login(bad, client())).toEqual({ ok: false, error: "INVALID_INPUT" });
    }
  });

  it("takes a session id that is not a UUID for no session, without asking the database to cast it", async () => {
    for (const bad of ["-".repeat(36), "0".repeat(36), "g0000000-0000-4000-8000-000000000000", "", "x".repeat(500)]) {
      expect(await resolveSession(bad, client())).toBeNull();
      await expect(endSession(bad, client())).resolves.toBeUndefined();
    }
  });

  it(`locks the account after ${LOCK_AFTER_FAILURES} failures: the next attempt fails even with the right password`, async () => {
    const { user } = await makeUser(tree.center, "DISPATCHER");
    const results = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      results.push((await login({ username: user.username, password: `Wrong-Password-${i}` }, client())) as { error: string });
    }
    // Locked or not, the answer is an unknown user's (SECURITY.md A3: it must not tell that the account exists).
    expect(results.every((r) => r.error === "INVALID_CREDENTIALS")).toBe(true);
    expect(await login({ username: user.username, password: TEST_PASSWORD }, client())).toEqual({ ok: false, error: "INVALID_CREDENTIALS" });
    const actions = (await auditOf(user.username)).map((a) => a.action);
    expect(actions.filter((a) => a === "auth.lock")).toHaveLength(1);
    // 15 minutes later the right password works again.
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await login({ username: user.username, password: TEST_PASSWORD }, client(), { now: later })).ok).toBe(true);
  });

  it("refuses a disabled user with the right password", async () => {
    const { user } = await makeUser(tree.city, "LEADER");
    await getDb().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await login({ username: user.username, password: TEST_PASSWORD }, client())).toEqual({ ok: false, error: "DISABLED" });
  });

  it("refuses demo accounts outside demo mode", async () => {
    const { user } = await makeUser(tree.city, "LEADER");
    await getDb().user.update({ where: { id: user.id }, data: { isDemo: true } });
    const creds = { username: user.username, password: TEST_PASSWORD };
    expect(await login(creds, client(), { demoMode: false })).toEqual({ ok: false, error: "INVALID_CREDENTIALS" });
    expect((await login(creds, client(), { demoMode: true })).ok).toBe(true);
  });

  it("throttles one address after many attempts", async () => {
    const c = client();
    let last;
    for (let i = 0; i < 52; i++) last = await login({ username: "nobody_here_456", password: "x" }, c);
    expect(last).toEqual({ ok: false, error: "THROTTLED" });
  });
});

describe("sessions", () => {
  async function session(role: "OFFICER" | "ADMIN" = "OFFICER") {
    const { user } = await makeUser(tree.branches[1]!.precincts[0]!, role);
    const r = await login({ username: user.username, password: TEST_PASSWORD }, client());
    if (!r.ok) throw new Error(r.error);
    return { user, sessionId: r.sessionId };
  }

  it("tell a long-lived response when its session lapses, without counting as activity", async () => {
    const { sessionId } = await session();
    const actor = (await resolveSession(sessionId, client()))!;
    const seen = async () => (await getDb().userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime();
    const before = await seen();
    expect((await credentialDeadline(actor, new Date(Date.now() + 5 * 60_000)))?.getTime()).toBe(before + IDLE_TIMEOUT_MS);
    expect(await seen()).toBe(before);
    expect(await credentialDeadline(actor, new Date(Date.now() + IDLE_TIMEOUT_MS + 1_000))).toBeNull();
    await endSession(sessionId, client());
    expect(await credentialDeadline(actor)).toBeNull();
  });

  it("keep idling through what a page does by itself; the user's own requests start the clock again", async () => {
    const { sessionId } = await session();
    const seen = async () => (await getDb().userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime();
    const before = await seen();
    // Ten minutes on, a live re-render (not the user's doing) finds the session standing and leaves its clock.
    const later = new Date(before + 10 * 60_000);
    expect(await resolveSession(sessionId, client(), later, { activity: false })).not.toBeNull();
    expect(await seen()).toBe(before);
    // A click does not.
    expect(await resolveSession(sessionId, client(), later)).not.toBeNull();
    expect(await seen()).toBe(later.getTime());
    // 29 minutes of nothing but live re-renders later the session still stands; 31 minutes later it is over.
    expect(await resolveSession(sessionId, client(), new Date(later.getTime() + 29 * 60_000), { activity: false })).not.toBeNull();
    expect(await resolveSession(sessionId, client(), new Date(later.getTime() + 31 * 60_000), { activity: false })).toBeNull();
  });

  it("ends after 30 idle minutes and stays ended", async () => {
    const { sessionId } = await session();
    const idle = new Date(Date.now() + IDLE_TIMEOUT_MS + 1_000);
    expect(await resolveSession(sessionId, client(), idle)).toBeNull();
    expect(await resolveSession(sessionId, client())).toBeNull();
  });

  it("ends after 12 hours even when active", async () => {
    const { sessionId } = await session();
    let t = Date.now();
    for (let i = 0; i < 25; i++) {
      t += 29 * 60_000;
      const alive = await resolveSession(sessionId, client(), new Date(t));
      if (t - Date.now() < 12 * 3600_000 - 60_000) expect(alive, `at +${Math.round((t - Date.now()) / 60_000)} min`).not.toBeNull();
      else expect(alive).toBeNull();
    }
  });

  it("ends at once when the user's role changes or the user is disabled", async () => {
    const { user, sessionId } = await session();
    const admin = (await makeUser(tree.city, "ADMIN")).actor;
    await updateUser(admin, { id: user.id, version: user.version, role: "LEADER" });
    expect(await resolveSession(sessionId, client())).toBeNull();

    const second = await session();
    await updateUser(admin, { id: second.user.id, version: second.user.version, active: false });
    expect(await resolveSession(second.sessionId, client())).toBeNull();
  });

  it("keeps at most two live sessions per user: the oldest ends", async () => {
    const { user, sessionId: first } = await session();
    const creds = { username: user.username, password: TEST_PASSWORD };
    const second = await login(creds, client());
    const third = await login(creds, client());
    expect(second.ok && third.ok).toBe(true);
    expect(await resolveSession(first, client())).toBeNull();
    if (second.ok) expect(await resolveSession(second.sessionId, client())).not.toBeNull();
  });

  it("gives the 反诈中心 the whole city as its jurisdiction", async () => {
    const { user } = await makeUser(tree.center, "DISPATCHER");
    const r = await login({ username: user.username, password: TEST_PASSWORD }, client());
    if (!r.ok) throw new Error(r.error);
    expect((await resolveSession(r.sessionId, client()))?.scopePath).toBe(tree.city.path);
  });

  it("gives a user outside a session (scripts, tests) the actor their session resolves to: the 反诈中心's whole city, a precinct's own", async () => {
    for (const [unit, role] of [[tree.center, "DISPATCHER"], [tree.branches[1]!.precincts[1]!, "OFFICER"]] as const) {
      const { user } = await makeUser(unit, role, { grants: ["pii:reveal"] });
      const r = await login({ username: user.username, password: TEST_PASSWORD }, client());
      if (!r.ok) throw new Error(r.error);
      const c = client();
      const { sessionId, ...session } = (await resolveSession(r.sessionId, c))!;
      expect(sessionId).toBe(r.sessionId);
      expect(await userActor(user.id, c)).toEqual(session);
    }
    expect((await userActor((await makeUser(tree.center, "LEADER")).user.id, client())).scopePath).toBe(tree.city.path);
  });

  it("resolves an officer's session to their own precinct, and a branch's key to its branch", async () => {
    const precinct = tree.branches[1]!.precincts[0]!;
    const { user } = await makeUser(precinct, "OFFICER");
    const r = await login({ username: user.username, password: TEST_PASSWORD }, client());
    if (!r.ok) throw new Error(r.error);
    expect(await resolveSession(r.sessionId, client())).toMatchObject({
      kind: "user", id: user.id, name: user.username, role: "OFFICER", sessionId: r.sessionId,
      unitId: precinct.id, unitCode: precinct.code, unitName: precinct.name, unitKind: "PRECINCT", scopePath: precinct.path,
    });
    const branch = tree.branches[0]!;
    const { actor: feed } = await makeApiKey(branch, ["warnings:ingest"]);
    expect(feed).toMatchObject({ kind: "apiKey", unitId: branch.id, unitCode: branch.code, unitName: branch.name, unitKind: "BRANCH", scopePath: branch.path });
  });
});
