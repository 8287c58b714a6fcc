// The machine-facing side across two branches, two feeds and two call centres, where a hostile
// tester's round found it open: the live stream's counts, a repeat's announcement, a feed's replay
// after a transfer, a disabled unit's key, two call centres at one desk, feedback after a transfer.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { warningBus } from "@/lib/warnings/live";
import { GET as stream } from "@/app/api/v1/warnings/stream/route";
import { POST as postWarnings } from "@/app/api/v1/warnings/route";
import { ingestCallEvent } from "@/lib/calls/commands";
import { pullFeedback } from "@/lib/feedback/queries";
import { transitionWarning } from "@/lib/warnings/commands";
import { decideTransfer, proposeTransfer } from "@/lib/warnings/transfers";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
  // The bus's LISTEN connection up before anything is announced.
  const bus = warningBus();
  await new Promise<void>((resolve) => {
    const ready = (e: { kind: string }) => e.kind === "resync" && (bus.off("event", ready), resolve());
    bus.on("event", ready);
    setTimeout(() => (bus.off("event", ready), resolve()), 3000);
  });
});

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** 移交 through the real commands: a dispatcher of `from` offers the warning to `to`, one of `to` accepts. */
async function transfer(warningId: string, from: { id: string }, to: { id: string; code: string }) {
  const sender = await makeUser(from, "DISPATCHER");
  const receiver = await makeUser(to, "DISPATCHER");
  const { version } = await getDb().warning.findUniqueOrThrow({ where: { id: warningId }, select: { version: true } });
  const t = await proposeTransfer(sender.actor, { id: warningId, version, toUnitCode: to.code, reason: "受害人现居对方辖区" });
  await decideTransfer(receiver.actor, { id: t.id, decision: "ACCEPT", version: t.version });
  expect(await getDb().warning.findUniqueOrThrow({ where: { id: warningId }, select: { unitId: true } })).toEqual({ unitId: to.id });
}

/** Opens the live queue's stream with a key; `take(ms)` gives the data messages that arrived within ms. */
async function openStream(key: string) {
  const res = await stream(new Request("http://localhost/api/v1/warnings/stream", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  const body = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const messages = (): unknown[] => {
    const out: unknown[] = [];
    let i: number;
    while ((i = buffer.indexOf("\n\n")) >= 0) {
      const chunk = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const data = chunk.split("\n").find((l) => l.startsWith("data: "));
      if (data) out.push(JSON.parse(data.slice(6)));
    }
    return out;
  };
  const take = async (ms: number, until?: (m: { kind?: string }) => boolean): Promise<{ kind?: string; [k: string]: unknown }[]> => {
    const got: { kind?: string }[] = [];
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      pending ??= body.read();
      const r = await Promise.race([pending, new Promise<null>((res) => setTimeout(() => res(null), deadline - Date.now()))]);
      if (r === null) break;
      pending = null;
      if (r.done) break;
      buffer += decoder.decode(r.value);
      got.push(...(messages() as { kind?: string }[]));
      if (until && got.some(until)) break;
    }
    return got;
  };
  return { take, close: () => void body.cancel().catch(() => {}) };
}

describe("the live stream's `ingested` event (SECURITY.md G31)", () => {
  it("tells a precinct's listener only its own jurisdiction's volume, not the whole batch's", async () => {
    const [a1] = tree.branches[0]!.precincts;
    const [b1] = tree.branches[1]!.precincts;
    const cityFeed = await makeApiKey(tree.city, ["warnings:ingest"], ["NATIONAL"]);
    const readerB1 = await makeApiKey(b1!, ["warnings:read"]);
    const s = await openStream(readerB1.key);
    try {
      expect((await s.take(5000, (m) => m.kind === "hello")).map((m) => m.kind)).toContain("hello");
      // One warning for precinct B1, four for precinct A1 (another branch), in one batch.
      const batch = [warningInput({ unitCode: b1!.code }), ...Array.from({ length: 4 }, () => warningInput({ unitCode: a1!.code }))];
      const results = await ingestWarnings(cityFeed.actor, batch);
      expect(results.map((r) => r.status)).toEqual(["created", "created", "created", "created", "created"]);
      const got = await s.take(5000, (m) => m.kind === "ingested");
      const ingested = got.find((m) => m.kind === "ingested");
      expect(ingested).toBeDefined();
      // B1 received one warning; the count it is told must not include A1's four.
      expect(ingested).toEqual({ kind: "ingested", count: 1 });
    } finally {
      s.close();
    }
  });
});

describe("a repeat that raises an open warning (issue 12.2) on the live stream", () => {
  it("is announced to the warning's jurisdiction (the queue re-sorts, the header's 特高危 count changes)", async () => {
    const a1 = tree.branches[0]!.precincts[0]!;
    const feed = await makeApiKey(tree.city, ["warnings:ingest"], ["NATIONAL", "PROVINCIAL"]);
    const readerA1 = await makeApiKey(a1, ["warnings:read"]);
    const phone = `137${String(Date.now()).slice(-8)}`;
    const contact = { channel: "PHONE", value: `+85262${String(Date.now()).slice(-6)}` };
    const s = await openStream(readerA1.key);
    try {
      expect((await s.take(5000, (m) => m.kind === "hello")).map((m) => m.kind)).toContain("hello");
      const [first] = await ingestWarnings(feed.actor, [warningInput({ unitCode: a1.code, riskLevel: "MEDIUM", receivedAt: minutesAgo(10), victim: { phone }, contact })]);
      expect(first!.status).toBe("created");
      // The creation is announced to A1.
      expect((await s.take(5000, (m) => m.kind === "ingested")).some((m) => m.kind === "ingested")).toBe(true);

      // Another feed reports the same victim and fraud contact, now 特高危: a repeat that raises the warning.
      const [again] = await ingestWarnings(feed.actor, [warningInput({ source: "PROVINCIAL", unitCode: a1.code, riskLevel: "CRITICAL", receivedAt: minutesAgo(1), victim: { phone }, contact })]);
      expect(again).toMatchObject({ status: "repeat", id: first!.id });
      const w = await getDb().warning.findUniqueOrThrow({ where: { id: first!.id }, select: { riskLevel: true, unitId: true, version: true } });
      expect(w).toMatchObject({ riskLevel: "CRITICAL", unitId: a1.id });

      // A1's live queue must hear of it (a `changed` event for the warning, or an `ingested` one).
      const got = await s.take(4000, (m) => m.kind === "changed" || m.kind === "ingested");
      expect(got.filter((m) => m.kind === "changed" || m.kind === "ingested")).not.toEqual([]);
    } finally {
      s.close();
    }
  });
});

describe("a feed replaying a warning that was since transferred out of its jurisdiction (SECURITY.md F22, G31)", () => {
  it("is answered as a duplicate: no second warning, no second dissuasion ladder", async () => {
    const branchA = tree.branches[0]!;
    const a1 = branchA.precincts[0]!;
    const b1 = tree.branches[1]!.precincts[0]!;
    const feedA = await makeApiKey(branchA, ["warnings:ingest"], ["NATIONAL"]);
    const item = warningInput({ unitCode: a1.code, receivedAt: minutesAgo(5) });
    const [first] = await ingestWarnings(feedA.actor, [item]);
    expect(first!.status).toBe("created");
    // The warning is transferred to precinct B1 of the other branch, which accepts it.
    await transfer(first!.id!, a1, b1);

    // The feed retries the same item (its answer was lost): same source, same external id, same body.
    const [retry] = await ingestWarnings(feedA.actor, [item]);
    const copies = await getDb().warning.findMany({ where: { source: "NATIONAL", externalId: item.externalId }, select: { id: true, unitId: true } });
    // Exactly one record for (source, externalId) from this very feed; the answer may leave out the id it can no longer read.
    expect(copies).toHaveLength(1);
    expect(retry!.status).toBe("duplicate");
  });
});

describe("a key of a unit that has been disabled", () => {
  it("lands no warning in the inactive unit (the same unit named by unitCode is refused as inactive)", async () => {
    const a2 = tree.branches[0]!.precincts[1]!;
    const feed = await makeApiKey(a2, ["warnings:ingest"], ["NATIONAL"]);
    await getDb().unit.update({ where: { id: a2.id }, data: { active: false, version: { increment: 1 } } });
    forgetRoutingTable();
    const post = (body: unknown) =>
      postWarnings(new Request("http://localhost/api/v1/warnings", { method: "POST", headers: { authorization: `Bearer ${feed.key}`, "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });

    // Naming the unit: refused as inactive (or the key refused outright).
    const named = warningInput({ unitCode: a2.code });
    const r1 = await post(named);
    if (r1.status === 200) expect(((await r1.json()) as { results: { status: string }[] }).results[0]!.status).toBe("rejected");
    else expect(r1.status).toBe(401);

    // Naming no unit (no address keyword either): routed to the key's own — inactive — unit.
    const bare = warningInput({ victim: { name: "王某某", phone: `136${String(Date.now()).slice(-8)}` } });
    const r2 = await post(bare);
    expect([200, 401]).toContain(r2.status);
    const landed = await getDb().warning.findMany({ where: { source: "NATIONAL", externalId: bare.externalId }, select: { unitId: true, unit: { select: { active: true } } } });
    expect(landed.filter((w) => !w.unit.active)).toEqual([]);
  });
});

describe("two call-center keys reporting at one desk (96110 call API)", () => {
  it("an event of one key never completes another key's call to a different person", async () => {
    const branchA = tree.branches[0]!;
    const a1 = branchA.precincts[0]!;
    const feed = await makeApiKey(tree.city, ["warnings:ingest"], ["NATIONAL"]);
    const p1 = `135${String(Date.now()).slice(-8)}`;
    const p2 = `134${String(Date.now()).slice(-8)}`;
    const [w1] = await ingestWarnings(feed.actor, [warningInput({ unitCode: a1.code, receivedAt: minutesAgo(30), victim: { phone: p1 } })]);
    const [w2] = await ingestWarnings(feed.actor, [warningInput({ unitCode: a1.code, receivedAt: minutesAgo(30), victim: { phone: p2 } })]);
    const branchCenter = await makeApiKey(branchA, ["calls:ingest"]);
    const precinctCenter = await makeApiKey(a1, ["calls:ingest"]);
    const callId = `C-${Date.now()}`;
    // The branch's call center rings victim 1 from desk A1 ...
    const ring = await ingestCallEvent(branchCenter.actor, { callId, event: "RINGING", at: minutesAgo(3), direction: "OUTBOUND", callerNumber: "96110", calleeNumber: p1, unitCode: a1.code });
    expect(ring).toMatchObject({ status: "recorded", warningId: w1!.id });
    // ... and the precinct's own call center (its own call ids) reports the end of ITS call C to victim 2.
    const end = await ingestCallEvent(precinctCenter.actor, { callId, event: "ENDED", at: minutesAgo(1), direction: "OUTBOUND", callerNumber: "96110", calleeNumber: p2, durationSeconds: 60 }).catch((e: unknown) => e);
    // Either refused (the call id names another call) or recorded as its own call to victim 2 —
    // never written as a 96110 call on victim 1's warning.
    const onW1 = await getDb().dissuasionAction.count({ where: { warningId: w1!.id, kind: "HOTLINE_CALL" } });
    expect(end instanceof Error ? "refused" : (end as { warningId: string | null }).warningId).not.toBe(w1!.id);
    expect(onW1).toBe(0);
    void w2;
  });
});

describe("a call attached to a warning that has since left the key's jurisdiction (96110 call API, G36)", () => {
  it("ends with a 409 that does not name the warning, and nothing is written on it", async () => {
    const [branchA, branchB] = tree.branches;
    const a1 = branchA!.precincts[0]!;
    const b1 = branchB!.precincts[0]!;
    const feed = await makeApiKey(tree.city, ["warnings:ingest"], ["NATIONAL"]);
    const phone = `133${String(Date.now()).slice(-8)}`;
    const [w] = await ingestWarnings(feed.actor, [warningInput({ unitCode: a1.code, receivedAt: minutesAgo(30), victim: { phone } })]);
    const calls = await makeApiKey(a1, ["calls:ingest"]);
    const callId = `T-${Date.now()}`;
    const call = { callId, direction: "OUTBOUND" as const, callerNumber: "96110", calleeNumber: phone };
    expect(await ingestCallEvent(calls.actor, { ...call, event: "RINGING", at: minutesAgo(3) })).toMatchObject({ warningId: w!.id });
    await transfer(w!.id!, a1, b1);
    const ended = await ingestCallEvent(calls.actor, { ...call, event: "ENDED", at: minutesAgo(1), durationSeconds: 60 }).catch((e: AppError) => e);
    expect(ended instanceof AppError ? [ended.code, ended.details.map((d) => d.code)] : ended).toEqual(["CONFLICT", ["out_of_scope"]]);
    expect(JSON.stringify(ended)).not.toContain(w!.id!);
    expect(await getDb().dissuasionAction.count({ where: { warningId: w!.id!, kind: "HOTLINE_CALL" } })).toBe(0);
  });
});

describe("feedback pulled by the feed that sent the warning (GET /api/v1/feedback)", () => {
  it("stays with the sending feed after the warning is transferred to another branch, and is not handed to that branch's feed", async () => {
    const [branchA, branchB] = tree.branches;
    const a1 = branchA!.precincts[0]!;
    const b1 = branchB!.precincts[0]!;
    const feedA = await makeApiKey(branchA!, ["warnings:ingest", "feedback:pull"], ["NATIONAL"]);
    const feedB = await makeApiKey(branchB!, ["warnings:ingest", "feedback:pull"], ["NATIONAL"]);
    const item = warningInput({ unitCode: a1.code, receivedAt: minutesAgo(5) });
    const [w] = await ingestWarnings(feedA.actor, [item]);
    const dispatcher = await makeUser(a1, "DISPATCHER");
    await transitionWarning(dispatcher.actor, { id: w!.id, to: "ACKNOWLEDGED", version: 1 });
    const mine = async (feedKey: typeof feedA) => (await pullFeedback(feedKey.actor, {})).feedback.filter((f) => f.externalId === item.externalId).map((f) => f.event);
    expect(await mine(feedA)).toEqual(["ACKNOWLEDGED"]);
    expect(await mine(feedB)).toEqual([]);
    // Transferred to precinct B1 of the other branch, which accepts it.
    await transfer(w!.id!, a1, b1);
    expect({ sender: await mine(feedA), otherBranchFeed: await mine(feedB) }).toEqual({ sender: ["ACKNOWLEDGED"], otherBranchFeed: [] });
  });
});
