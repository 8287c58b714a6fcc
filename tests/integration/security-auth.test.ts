// SECURITY.md A3, B7/B10/E19, G28, G29, and the password rules of A2 as a hostile tester found
// them (issue 13): the client IP cannot be forged, the lock holds whatever fails after it, a lock
// tells nothing about which usernames exist, a password change is no unlimited oracle, a reveal
// always carries its caller's reason, and every denial is audited.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { authorizeCredentials, login, LOCK_AFTER_FAILURES } from "@/lib/auth/login";
import { requestInfoFrom, requestInfoFromRecord } from "@/lib/auth/request-info";
import { clientIpFromChain, normalizeIp, parseTrustedProxies } from "@/lib/auth/client-ip";
import { installSocketPeerHook } from "@/lib/http/socket-peer";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { resolveSession } from "@/lib/auth/session";
import { takeNextWarning, transitionWarning } from "@/lib/warnings/commands";
import { revealWarning } from "@/lib/warnings/reveal";
import { revealCustomerPhone, revealForVisit } from "@/lib/field/reveal";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { client, makeUser, TEST_PASSWORD } from "@/tests/factories";
import { fieldTeam, intercept, key, precinctWarning, type FieldTeam } from "./field-fixtures";

vi.mock("next-auth", () => ({ getServerSession: async () => null }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

let team: FieldTeam;
beforeAll(async () => {
  team = await fieldTeam();
}, 60_000);

const db = () => getDb();
const loginAudits = (username: string) => db().auditLog.findMany({ where: { actorName: username }, select: { action: true, ip: true } });
const lockedUntil = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id }, select: { lockedUntil: true } })).lockedUntil;

/**
 * A real HTTP server with the process's socket hook (as `next start` runs it, instrumentation.ts):
 * each request answers what the app makes of it — its client info, and the sign-in's outcome.
 */
let server: http.Server;
let base: string;
beforeAll(async () => {
  installSocketPeerHook();
  server = http.createServer(async (req, res) => {
    const info = requestInfoFromRecord(req.headers);
    let outcome = "signed-in";
    if (req.url === "/login") {
      const body = JSON.parse(await new Promise<string>((r) => { let s = ""; req.on("data", (c) => (s += c)); req.on("end", () => r(s)); })) as unknown;
      await authorizeCredentials(body, info).catch((e: Error) => (outcome = e.message));
    }
    res.end(JSON.stringify({ ip: info.ip, outcome }));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const ask = async (path: string, headers: Record<string, string>, body?: unknown) =>
  (await (await fetch(`${base}${path}`, { method: body ? "POST" : "GET", headers, body: body ? JSON.stringify(body) : undefined })).json()) as { ip: string | null; outcome: string };

const FORGED = ["203.0.113.7", "1.1.1.1, 8.8.8.8", "x".repeat(300), "=HYPERLINK(\"http://evil.example\",\"click\")", "::ffff:10.0.0.1", "999.1.1.1"];

describe("the client IP (G28)", () => {
  it.each(FORGED)("is the socket's peer whatever X-Forwarded-For says: %s", async (xff) => {
    expect((await ask("/", { "x-forwarded-for": xff })).ip).toBe("127.0.0.1");
  });

  it("is the socket's peer without X-Forwarded-For, and no address at all for a chain that did not come through the hook", async () => {
    expect((await ask("/", {})).ip).toBe("127.0.0.1");
    expect(requestInfoFrom(new Headers({ "x-forwarded-for": "127.0.0.1" })).ip).toBeNull();
    expect(requestInfoFrom(new Headers({ "x-forwarded-for": "127.0.0.1", "x-fanzha-peer": "guessed" })).ip).toBeNull();
  });

  it("goes left of a trusted proxy only as far as trusted proxies vouch, and only to a valid IP", () => {
    const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
    expect(clientIpFromChain("203.0.113.7, 127.0.0.1", proxies)).toBe("203.0.113.7");
    // The caller wrote 1.2.3.4; the proxy at 10.0.0.5 saw 198.51.100.9.
    expect(clientIpFromChain("1.2.3.4, 198.51.100.9, 10.0.0.5, 127.0.0.1", proxies)).toBe("198.51.100.9");
    expect(clientIpFromChain("::ffff:198.51.100.9, 127.0.0.1", proxies)).toBe("198.51.100.9");
    expect(clientIpFromChain(`${"x".repeat(300)}, 127.0.0.1`, proxies)).toBe("127.0.0.1");
    expect(clientIpFromChain("203.0.113.7, 192.168.1.1", proxies)).toBe("192.168.1.1");
    expect(clientIpFromChain("203.0.113.7, 127.0.0.1", null)).toBe("127.0.0.1");
    expect(normalizeIp("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("2001:DB8::1")).toBe("2001:db8::1");
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
  });

  it("an over-long or forged X-Forwarded-For neither resets the throttle nor prevents the lock", async () => {
    const { user } = await makeUser(team.precinct, "OFFICER");
    const throttle = async () => (await db().loginThrottle.findUnique({ where: { key: "127.0.0.1" } }))?.count ?? 0;
    const before = await throttle();
    const answers = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      answers.push((await ask("/login", { "x-forwarded-for": FORGED[i]! }, { username: user.username, password: `Wrong-Password-${i}` })).outcome);
    }
    expect(answers).toEqual(Array(LOCK_AFTER_FAILURES).fill("INVALID_CREDENTIALS"));
    expect(await lockedUntil(user.id)).not.toBeNull();
    expect((await ask("/login", { "x-forwarded-for": "198.51.100.1" }, { username: user.username, password: TEST_PASSWORD })).outcome).toBe("INVALID_CREDENTIALS");
    // Every attempt counted against the one real address, and the audit trail names only it.
    expect((await throttle()) - before).toBeGreaterThanOrEqual(LOCK_AFTER_FAILURES + 1);
    const audits = await loginAudits(user.username);
    expect(audits.map((a) => a.action)).toContain("auth.lock");
    expect(new Set(audits.map((a) => a.ip))).toEqual(new Set(["127.0.0.1"]));
  });
});

describe("sign-in failures (G29)", () => {
  it("commits the failure count and the lock even when what follows them fails, and answers one generic code", async () => {
    const { user } = await makeUser(team.precinct, "OFFICER");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // An address the throttle and the audit trail cannot store: everything after the count fails.
    const broken = { ...client(), ip: "9".repeat(100) };
    const codes: string[] = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      codes.push(await authorizeCredentials({ username: user.username, password: `Wrong-Password-${i}` }, broken).then(() => "signed-in", (e: Error) => e.message));
    }
    expect(codes).toEqual(Array(LOCK_AFTER_FAILURES).fill("UNAVAILABLE"));
    expect(await lockedUntil(user.id)).not.toBeNull();
    // The right password, failing the same way, answers the same — and the lock holds.
    expect(await authorizeCredentials({ username: user.username, password: TEST_PASSWORD }, broken).catch((e: Error) => e.message)).toBe("UNAVAILABLE");
    expect(await login({ username: user.username, password: TEST_PASSWORD }, client())).toEqual({ ok: false, error: "INVALID_CREDENTIALS" });
    // The database's words go to the log (with the request id), never to the caller.
    // (Only this caller's lines: a background task of another test may log in the same process.)
    const ours = logged.mock.calls.map((c) => String(c[0])).filter((l) => l.includes(broken.requestId));
    expect(ours.length).toBeGreaterThanOrEqual(LOCK_AFTER_FAILURES + 1);
    expect(ours.every((l) => l.includes('"auth.login.failed"'))).toBe(true);
    logged.mockRestore();
  });
});

describe("the lockout's answer (A3)", () => {
  it("is an unknown username's, from the locking failure on, with the right password too", async () => {
    const { user } = await makeUser(team.precinct, "OFFICER");
    const unknown = `nobody${Date.now()}`;
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      const existing = await login({ username: user.username, password: `Wrong-Password-${i}` }, client());
      expect(existing).toEqual(await login({ username: unknown, password: `Wrong-Password-${i}` }, client()));
    }
    expect(await lockedUntil(user.id)).not.toBeNull();
    const locked = await login({ username: user.username, password: TEST_PASSWORD }, client());
    expect(locked).toEqual(await login({ username: unknown, password: TEST_PASSWORD }, client()));
    expect(locked).toEqual({ ok: false, error: "INVALID_CREDENTIALS" });
  });
});

describe("changing the password (A2, A3)", () => {
  const change = (actor: Parameters<typeof changeOwnPassword>[0], current: string, next = "Quiet-Meadow-4821") =>
    changeOwnPassword(actor, { current, next, confirm: next }).then(() => null, (e: AppError) => e.details[0]);

  it("counts wrong current passwords toward the lockout: the fifth locks the account and ends its sessions", async () => {
    const { user } = await makeUser(team.precinct, "OFFICER");
    const r = await login({ username: user.username, password: TEST_PASSWORD }, client());
    if (!r.ok) throw new Error(r.error);
    const actor = (await resolveSession(r.sessionId, client()))!;
    const answers = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) answers.push((await change(actor, `Wrong-Password-${i}`))?.code);
    expect(answers).toEqual([...Array(LOCK_AFTER_FAILURES - 1).fill("wrong_password"), "account_locked"]);
    expect(await lockedUntil(user.id)).not.toBeNull();
    expect(await resolveSession(r.sessionId, client())).toBeNull();
    // Locked: not even the right current password changes it, nor signs in.
    expect((await change(actor, TEST_PASSWORD))?.code).toBe("account_locked");
    expect((await login({ username: user.username, password: TEST_PASSWORD }, client())).ok).toBe(false);
  });

  it.each(["Qq1!Qq1!Qq1!", "Ab1!Ab1!Ab1!Ab1!", "Abcdefg12345!", "1qaz@WSX3edc"])("refuses %s", async (weak) => {
    const { actor } = await makeUser(team.precinct, "OFFICER");
    const problem = await change(actor, TEST_PASSWORD, weak);
    expect(problem).toMatchObject({ path: "next" });
    expect(["repeated_pattern", "common_word"]).toContain(problem?.code);
  });
});

describe("the reveal reason (B10)", () => {
  const reveals = (entityId: string) => db().auditLog.findMany({ where: { action: "pii.reveal", entityId }, select: { details: true } });

  it("is required from the field officer's one-tap reveals too, and recorded as given", async () => {
    const w = await precinctWarning(team, { victim: { phone: "13907281111", address: "测试街道0 1号" } });
    const i = await recordCounterIntercept(team.officer.actor, intercept({ customerPhone: "13972009999" }), key());
    const { actor } = team.officer;
    for (const reason of [undefined, "", "  ", "看"]) {
      expect(await revealForVisit(actor, { id: w.id, field: "victimPhone", reason }).catch((e: AppError) => e.status)).toBe(422);
      expect(await revealForVisit(actor, { id: w.id, field: "victimAddress", reason }).catch((e: AppError) => e.status)).toBe(422);
      expect(await revealCustomerPhone(actor, { id: i.id, reason }).catch((e: AppError) => e.status)).toBe(422);
    }
    expect(await reveals(w.id)).toEqual([]);
    expect(await revealForVisit(actor, { id: w.id, field: "victimPhone", reason: "上门前电话核实当事人在家" })).toBe("13907281111");
    expect(await revealCustomerPhone(actor, { id: i.id, reason: "回访致电核实是否再受骗" })).toBe("13972009999");
    expect((await reveals(w.id)).map((r) => r.details)).toEqual([{ field: "victimPhone", reason: "上门前电话核实当事人在家" }]);
    expect((await reveals(i.id)).map((r) => r.details)).toEqual([{ field: "customerPhone", reason: "回访致电核实是否再受骗" }]);
  });
});

describe("denials (B7, E19)", () => {
  const denials = (actorId: string) => db().auditLog.count({ where: { action: "authz.denied", actorId } });

  it("audits the leader's reveal attempts and the auditor's transition and take-next attempts", async () => {
    const w = await precinctWarning(team);
    const i = await recordCounterIntercept(team.officer.actor, intercept(), key());
    const leader = (await makeUser(team.tree.city, "LEADER")).actor;
    const auditor = (await makeUser(team.tree.city, "AUDITOR")).actor;
    const attempts: [typeof leader, () => Promise<unknown>][] = [
      [leader, () => revealWarning(leader, { id: w.id, field: "victimPhone", reason: "核实当事人身份信息" })],
      [leader, () => revealForVisit(leader, { id: w.id, field: "victimPhone", reason: "核实当事人身份信息" })],
      [leader, () => revealCustomerPhone(leader, { id: i.id, reason: "核实当事人身份信息" })],
      [leader, () => revealWarning(leader, { id: w.id, field: "victimPhone", reason: undefined })],
      [auditor, () => transitionWarning(auditor, { id: w.id, to: "ACKNOWLEDGED", version: w.version })],
      [auditor, () => transitionWarning(auditor, { id: w.id, })],
      [auditor, () => takeNextWarning(auditor, {})],
    ];
    for (const [who, attempt] of attempts) {
      const before = await denials(who.id);
      expect(await attempt().catch((e: AppError) => e.status)).toBe(403);
      expect(await denials(who.id)).toBe(before + 1);
    }
    expect((await db().warning.findUniqueOrThrow({ where: { id: w.id } })).version).toBe(w.version);
  });
});
