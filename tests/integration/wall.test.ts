// The big screen (大屏): the WALL role signs in without a second factor from the allowed addresses
// only, reads aggregates and a masked feed and nothing else, and its stream carries no personal data.
// Its map is the unit map (uploaded boundaries replace the schematic); a surging fraud type rides
// in the board's payload, and a normal week carries none.
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
import type { Prisma } from "@/lib/generated/prisma/client";
import { uploadBoundaries } from "@/lib/map/commands";
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
    // Received now, not the factory's minute ago: in the first minute of a China day that was yesterday.
    const [r] = await ingestWarnings(feed.actor, [warningInput({ unitCode: P.code, receivedAt: new Date().toISOString(), fraudType: "ROMANCE", riskLevel: "CRITICAL", victim: { name: "王秀英", phone: "13912340000", age: 67, gender: "FEMALE", address: "茅箭区人民北路 1 号" } })]);
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
      wallMessage({ kind: "ingested", counts: { [unit]: 3 } }, scope),
      wallMessage({ kind: "changed", id: randomUUID(), unitId: unit, status: "RESOLVED", version: 2 }, scope),
      wallMessage({ kind: "resync" }, scope),
      wallMessage({ kind: "ingested", counts: { [randomUUID()]: 1 } }, scope),
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

describe("the wall's map", () => {
  it("draws today's warnings on the unit map: the schematic of the city's counties, then its uploaded boundaries", async () => {
    const t = await makeUnitTree();
    forgetRoutingTable();
    const key = await makeApiKey(t.city, ["warnings:ingest"]);
    const [b1, b2] = [t.branches[0]!, t.branches[1]!];
    const receivedAt = new Date().toISOString(); // today's, even in a China day's first minute
    await ingestWarnings(key.actor, [warningInput({ unitCode: b1.precincts[0]!.code, receivedAt }), warningInput({ unitCode: b1.precincts[1]?.code ?? b1.precincts[0]!.code, receivedAt })]);
    const { actor } = await makeUser(t.center, "WALL");
    const board = await wallBoard(actor);
    expect(board.mapShapes.source).toBe("schematic");
    expect(board.mapShapes.shapes.map((s) => s.code).sort()).toEqual(t.branches.map((b) => b.code).sort());
    expect(board.warningsByUnit.find((u) => u.code === b1.code)?.value).toBe(2);
    expect(board.warningsByUnit.find((u) => u.code === b2.code)?.value).toBe(0);

    const square = (lon: number, lat: number) => ({ type: "Polygon", coordinates: [[[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat + 0.1], [lon, lat]]] });
    const geojson = JSON.stringify({ type: "FeatureCollection", features: t.branches.map((b, i) => ({ type: "Feature", properties: { code: b.code }, geometry: square(110.5 + i * 0.2, 32.5) })) });
    const { actor: admin } = await makeUser(t.city, "ADMIN");
    await uploadBoundaries(admin, { crs: "WGS84", fileName: "wall.geojson", geojson });
    const drawn = await wallBoard(actor);
    expect(drawn.mapShapes.source).toBe("boundaries");
    expect(drawn.mapShapes.shapes.map((s) => s.code).sort()).toEqual(t.branches.map((b) => b.code).sort());
    // The other city keeps its schematic.
    const other = await wallBoard((await makeUser(far.center, "WALL")).actor);
    expect(other.mapShapes.source).toBe("schematic");
  });

  it("of a precinct draws the precinct itself", async () => {
    const P = tree.branches[1]!.precincts[0]!;
    const { actor } = await makeUser(P, "LEADER");
    const board = await wallBoard(actor);
    expect(board.mapShapes.shapes.map((s) => s.code)).toEqual([P.code]);
    expect(board.warningsByUnit.map((u) => u.code)).toEqual([P.code]);
  });
});

describe("the wall's surge band", () => {
  // Wednesday 2026-06-17, 12:00 China time: the window is 06-11 … 06-17, the baseline the 8 weeks before.
  const NOW = new Date("2026-06-17T04:00:00Z");
  const row = (unitId: string, receivedAt: Date, fraudType: "ROMANCE" | "FAKE_LOAN"): Prisma.WarningCreateManyInput => ({
    id: randomUUID(), unitId, source: "NATIONAL", externalId: `WS-${randomUUID()}`, riskLevel: "HIGH", fraudType,
    receivedAt, lastSeenAt: receivedAt, victimPhone: "13900000000", contactChannel: "PHONE", contactValue: "x", routedBy: "UNIT_CODE",
    ackDueAt: receivedAt, contactDueAt: receivedAt, resolveDueAt: receivedAt,
  });
  /** A city with 4 ROMANCE warnings a week for 8 weeks and `thisWeek` in the last 7 days. */
  async function city(thisWeek: number): Promise<TestTree> {
    const t = await makeUnitTree();
    const p = t.branches[0]!.precincts[0]!.id;
    const rows: Prisma.WarningCreateManyInput[] = [];
    for (let w = 1; w <= 8; w++) for (let i = 0; i < 4; i++) rows.push(row(p, new Date(NOW.getTime() - w * 7 * 86_400_000 - i * 3_600_000), "ROMANCE"));
    for (let i = 0; i < thisWeek; i++) rows.push(row(p, new Date(NOW.getTime() - i * 3_600_000), "ROMANCE"));
    await getDb().warning.createMany({ data: rows });
    return t;
  }

  it("carries a surging type with its count and usual level, in the city's board and the branch's", async () => {
    const t = await city(12);
    const board = await wallFigures((await makeUser(t.center, "WALL")).actor, {}, { now: NOW });
    expect(board.surges).toEqual([{ fraudType: "ROMANCE", count: 12, usual: 4 }]);
    // The branch holding the warnings sees it; the other branch has nothing of it.
    expect((await wallBoard((await makeUser(t.branches[0]!, "LEADER")).actor, NOW)).surges).toEqual([{ fraudType: "ROMANCE", count: 12, usual: 4 }]);
    expect((await wallBoard((await makeUser(t.branches[1]!, "LEADER")).actor, NOW)).surges).toEqual([]);
  });

  it("carries none for a normal week (one short of the threshold)", async () => {
    // mean 4, sd 0, floor √4 = 2 → threshold 4 + 3 × 2 = 10: nine is normal.
    const t = await city(9);
    expect((await wallBoard((await makeUser(t.center, "WALL")).actor, NOW)).surges).toEqual([]);
  });
});
