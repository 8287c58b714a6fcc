// The big screen (大屏): the WALL role signs in without a second factor from the allowed addresses
// only, reads aggregates and a masked feed and nothing else, and its stream carries no personal data.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { login } from "@/lib/auth/login";
import { resolveSession } from "@/lib/auth/session";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { warningBus } from "@/lib/warnings/live";
import { wallBoard } from "@/lib/wall/board";
import { wallFigures, wallMessage } from "@/lib/wall/commands";
import { AppError } from "@/lib/errors";
import { GET as wallStream } from "@/app/api/v1/wall/stream/route";
import { makeApiKey, makeUnitTree, makeUser, TEST_PASSWORD, warningInput, type TestTree } from "@/tests/factories";

vi.mock("next-auth", async () => (await import("./authz/next-mocks")).nextAuth);
vi.mock("next/headers", async () => (await import("./authz/next-mocks")).nextHeaders({ "x-request-id": "wall", "user-agent": "vitest" }));

let tree: TestTree;
let far: TestTree;
let feed: Awaited<ReturnType<typeof makeApiKey>>;
beforeAll(async () => {
  tree = await makeUnitTree();
  far = await makeUnitTree();
  forgetRoutingTable();
  feed = await makeApiKey(tree.city, ["warnings:ingest"]);
});

const from = (ip: string | null) => ({ ip, userAgent: "kiosk", requestId: randomUUID() });
const auditOf = (username: string) =>
  getDb().auditLog.findMany({ where: { actorName: username }, orderBy: { id: "asc" }, select: { action: true, success: true, details: true } });

afterEach(() => {
  delete process.env.WALL_ALLOWED_ADDRESSES;
});

describe("signing in as the wall", () => {
  it("needs no second factor from the loopback (the default), outside demo mode too", async () => {
    const { user } = await makeUser(tree.center, "WALL");
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const r = await login({ username: user.username, password: TEST_PASSWORD }, from(ip), { demoMode: false });
      expect(r.ok, ip).toBe(true);
      if (!r.ok) continue;
      const actor = await resolveSession(r.sessionId, from(ip), new Date(), { demoMode: false });
      expect([...actor!.permissions]).toEqual(["wall:read"]);
    }
  });

  it("is refused from any other address, audited, in Chinese on the form", async () => {
    const { user } = await makeUser(tree.center, "WALL");
    for (const ip of ["10.9.1.2", "192.168.1.20", null]) {
      expect(await login({ username: user.username, password: TEST_PASSWORD }, from(ip))).toEqual({ ok: false, error: "WALL_ADDRESS" });
    }
    const audit = await auditOf(user.username);
    expect(audit).toHaveLength(3);
    for (const a of audit) expect(a).toMatchObject({ action: "auth.login", success: false, details: { reason: "wall-address-refused" } });
    const zh = (await import("@/lib/i18n/messages/zh-CN/auth.json")).default;
    expect(zh.login.errors.WALL_ADDRESS).toContain("大屏账户只能在指定的大屏终端上登录");
  });

  it("follows WALL_ALLOWED_ADDRESSES (IPs and ranges)", async () => {
    process.env.WALL_ALLOWED_ADDRESSES = "10.20.0.0/16, 172.16.5.9";
    const { user } = await makeUser(tree.center, "WALL");
    const tryFrom = async (ip: string) => (await login({ username: user.username, password: TEST_PASSWORD }, from(ip))).ok;
    expect(await tryFrom("10.20.3.4")).toBe(true);
    expect(await tryFrom("172.16.5.9")).toBe(true);
    expect(await tryFrom("172.16.5.10")).toBe(false);
    expect(await tryFrom("127.0.0.1")).toBe(false);
  });

  it("ends a wall session used from another address (audited)", async () => {
    const { user } = await makeUser(tree.center, "WALL");
    const r = await login({ username: user.username, password: TEST_PASSWORD }, from("127.0.0.1"));
    if (!r.ok) throw new Error(r.error);
    expect(await resolveSession(r.sessionId, from("10.1.2.3"))).toBeNull();
    expect(await resolveSession(r.sessionId, from("127.0.0.1"))).toBeNull();
    expect(await auditOf(user.username)).toContainEqual(expect.objectContaining({ action: "auth.session.end", details: { reason: "wall-address" } }));
  });

  it("holds no other role to the wall's addresses", async () => {
    const { user } = await makeUser(tree.center, "DISPATCHER");
    expect((await login({ username: user.username, password: TEST_PASSWORD }, from("10.9.1.2"))).ok).toBe(true);
  });
});

const PII_KEYS = ["victimName", "victimPhone", "victimIdNumber", "victimAddress", "victimAge", "contactValue", "name", "phone", "idNumber", "address", "note", "id", "unitId", "amountAtRisk"];
const keysOf = (v: unknown, out = new Set<string>()): Set<string> => {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, out));
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      keysOf(x, out);
    }
  }
  return out;
};

describe("the wall's figures", () => {
  it("count today's warnings of the jurisdiction and show the feed masked", async () => {
    const P = tree.branches[0]!.precincts[0]!;
    const { actor } = await makeUser(tree.center, "WALL");
    const before = await wallBoard(actor);
    const [r] = await ingestWarnings(feed.actor, [warningInput({ unitCode: P.code, fraudType: "ROMANCE", riskLevel: "CRITICAL", victim: { name: "王秀英", phone: "13912340000", age: 67, gender: "FEMALE", address: "茅箭区人民北路 1 号" } })]);
    expect(r?.status).toBe("created");
    const after = await wallFigures(actor, {});
    const fig = (b: typeof after, k: string) => Number(b.figures.find((f) => f.key === k)!.value);
    expect(fig(after, "warnings")).toBe(fig(before, "warnings") + 1);
    expect(fig(after, "open")).toBe(fig(before, "open") + 1);
    expect(after.warningsByUnit.find((u) => u.code === tree.branches[0]!.code)?.value).toBeGreaterThanOrEqual(1);
    expect(after.feed[0]).toMatchObject({ fraudType: "ROMANCE", risk: "CRITICAL", unit: P.name, ageGroup: "60+" });
    expect(after.trend.types).toContain("ROMANCE");
    const text = JSON.stringify(after);
    for (const pii of ["王秀英", "13912340000", "人民北路", r!.id!]) expect(text).not.toContain(pii);
    const keys = keysOf(after.feed);
    for (const k of PII_KEYS) expect(keys.has(k), k).toBe(false);
  });

  it("show nothing of the other jurisdiction", async () => {
    const { actor } = await makeUser(far.center, "WALL");
    await ingestWarnings(feed.actor, [warningInput({ unitCode: tree.branches[0]!.precincts[0]!.code })]);
    const board = await wallBoard(actor);
    expect(board.unit.code).toBe(far.city.code);
    expect(board.feed).toEqual([]);
    expect(Number(board.figures.find((f) => f.key === "warnings")!.value)).toBe(0);
  });

  it("are refused (403, audited) to the roles without wall:read, and open to leaders", async () => {
    for (const role of ["OFFICER", "INVESTIGATOR", "ADMIN", "AUDITOR"] as const) {
      const { actor } = await makeUser(tree.city, role);
      await expect(wallFigures(actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" } satisfies Partial<AppError>);
      expect(await getDb().auditLog.count({ where: { actorId: actor.id, action: "authz.denied" } })).toBe(1);
    }
    const leader = (await makeUser(tree.city, "LEADER")).actor;
    await expect(wallFigures(leader, {})).resolves.toMatchObject({ unit: { code: tree.city.code } });
  });
});

describe("the wall's stream", () => {
  it("carries the kind of a change and nothing else: no ids, units or personal data", async () => {
    const P = tree.branches[0]!.precincts[0]!;
    const { user } = await makeUser(tree.center, "WALL");
    const r = await login({ username: user.username, password: TEST_PASSWORD }, from("127.0.0.1"));
    if (!r.ok) throw new Error(r.error);
    const bus = warningBus();
    await new Promise<void>((resolve) => {
      const ready = (e: { kind: string }) => e.kind === "resync" && (bus.off("event", ready), resolve());
      bus.on("event", ready);
      setTimeout(() => (bus.off("event", ready), resolve()), 3000);
    });
    (globalThis as { __authzSid?: string | null }).__authzSid = r.sessionId;
    const ac = new AbortController();
    try {
      const res = await wallStream(new Request("http://localhost/api/v1/wall/stream", { signal: ac.signal }), {});
      expect(res.headers.get("content-type")).toBe("text/event-stream");
      const body = res.body!.getReader();
      const next = async () => new TextDecoder().decode((await body.read()).value);
      expect(await next()).toBe('data: {"kind":"hello"}\n\n');
      await ingestWarnings(feed.actor, [warningInput({ unitCode: P.code, victim: { name: "李桂兰", phone: "13912341111", age: 70, gender: "FEMALE" } })]);
      expect(await next()).toBe('data: {"kind":"ingested"}\n\n');
    } finally {
      ac.abort();
      (globalThis as { __authzSid?: string | null }).__authzSid = null;
    }
  });

  it("says no more than the kind for any bus event, and nothing of other jurisdictions", () => {
    const unit = tree.branches[0]!.precincts[0]!.id;
    const scope = new Set([unit]);
    const messages = [
      wallMessage({ kind: "ingested", units: [unit], count: 3 }, scope),
      wallMessage({ kind: "changed", id: randomUUID(), unitId: unit, status: "RESOLVED", version: 2 }, scope),
      wallMessage({ kind: "resync" }, scope),
      wallMessage({ kind: "ingested", units: [randomUUID()], count: 1 }, scope),
      wallMessage({ kind: "changed", id: randomUUID(), unitId: randomUUID(), status: "RESOLVED", version: 2 }, scope),
    ];
    expect(messages).toEqual([{ kind: "ingested" }, { kind: "changed" }, { kind: "resync" }, null, null]);
  });

  it("is refused to an API key (no wall:read)", async () => {
    const key = await makeApiKey(tree.city, ["warnings:read", "stats:read"]);
    const res = await wallStream(new Request("http://localhost/api/v1/wall/stream", { headers: { authorization: `Bearer ${key.key}` } }), {});
    expect(res.status).toBe(403);
  });
});
