// 96110 call events (issue 16 item 4) and feedback upstream (item 6), against real PostgreSQL, two
// cities, two precincts and two feeds; the feedback goes through the real outbox (two
// graphile-worker runners) to the gateway simulator's upstream endpoint, failing half the time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Runner } from "graphile-worker";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { transitionWarning } from "@/lib/warnings/commands";
import { decideTransfer, proposeTransfer } from "@/lib/warnings/transfers";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { ingestCallEvent, listCalls } from "@/lib/calls/commands";
import { deliveryOf, feedbackTally, pullFeedback } from "@/lib/feedback/queries";
import { startSimulator, type Simulator } from "@/lib/outbound/simulator";
import { startOutboundWorker } from "@/lib/outbound/worker";
import type { OutboundConfig } from "@/lib/outbound/config";
import type { Actor } from "@/lib/auth/actor";
import { makeApiKey, makeUnitTree, makeUser, useOwnDatabase, warningInput, type TestTree } from "@/tests/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/test-database";

const SECRET = "calls-feedback-test-secret-of-at-least-32-bytes";
let own: TestDatabase;
let release: () => void;
let a: TestTree;
let b: TestTree;
let sim: Simulator;
const runners: Runner[] = [];

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
const phone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function refused(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

async function warn(feed: Actor, over: Record<string, unknown>) {
  const [r] = await ingestWarnings(feed, [warningInput({ receivedAt: ago(120), ...over })]);
  if (r?.status !== "created") throw new Error(`warning not created: ${JSON.stringify(r)}`);
  return getDb().warning.findUniqueOrThrow({ where: { id: r.id } });
}

beforeAll(async () => {
  own = await createTestDatabase("calls");
  ({ release } = useOwnDatabase(own.url));
  a = await makeUnitTree();
  b = await makeUnitTree();
  forgetRoutingTable();
  sim = await startSimulator({ secret: SECRET, port: 0, delayMs: 20, failureRate: 0.5 });
  // Receipts of the ladders' SMS go nowhere (port 9): this file is about calls and feedback.
  const cfg: OutboundConfig = { gatewayUrl: sim.url, upstreamUrl: sim.url, secret: SECRET, callbackUrl: "http://127.0.0.1:9/api/v1/gateway/receipts", ratePerSecond: 50, maxAttempts: 30, retryBaseMs: 50, concurrency: 3 };
  for (let i = 0; i < 2; i++) runners.push(await startOutboundWorker(cfg, own.url, { pollInterval: 200 }));
}, 60_000);

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await sim?.stop();
  await getDb().$disconnect();
  release();
  await own.drop();
});

describe("96110 call events", () => {
  it("attach to the right warning among two precincts, two feeds and two cities, fill the call log and the 96110 figure, idempotently", async () => {
    const [p1, p2] = [a.branches[0]!.precincts[0]!, a.branches[1]!.precincts[1]!];
    const national = (await makeApiKey(a.city, ["warnings:ingest"], ["NATIONAL"])).actor;
    const provincial = (await makeApiKey(a.city, ["warnings:ingest"], ["PROVINCIAL"])).actor;
    const farFeed = (await makeApiKey(b.city, ["warnings:ingest"], ["NATIONAL"])).actor;
    const center = (await makeApiKey(a.center, ["calls:ingest"])).actor;
    const farCenter = (await makeApiKey(b.center, ["calls:ingest"])).actor;
    const dispatcher = await makeUser(a.center, "DISPATCHER");
    const farDispatcher = await makeUser(b.center, "DISPATCHER");
    const [x, y] = [phone(), phone()];
    const w1 = await warn(national, { unitCode: p1.code, victim: { name: "张某", phone: x } });
    const w2 = await warn(provincial, { source: "PROVINCIAL", unitCode: p2.code, victim: { name: "李某", phone: y } });
    // The same person warned in the other city: never matched by this city's calls.
    const far = await warn(farFeed, { unitCode: b.branches[0]!.precincts[0]!.code, victim: { name: "张某", phone: x } });
    await transitionWarning(dispatcher.actor, { id: w1.id, to: "ACKNOWLEDGED", version: w1.version });

    const c1 = `C1-${randomUUID()}`;
    const base = { callId: c1, callerNumber: "96110", calleeNumber: x, agent: dispatcher.user.username };
    const rangAt = ago(10);
    const ringing = await ingestCallEvent(center, { ...base, event: "RINGING", at: rangAt });
    expect(ringing).toMatchObject({ status: "recorded", warningId: w1.id, actionId: null });
    await ingestCallEvent(center, { ...base, event: "ANSWERED", at: ago(9.9) });
    const ended = await ingestCallEvent(center, { ...base, event: "ENDED", at: ago(8), durationSeconds: 95, recordingRef: "rec://2026/12/03/c1.wav" });
    expect(ended).toMatchObject({ status: "recorded", warningId: w1.id });
    expect(ended.actionId).toBeTruthy();

    // The call log entry, as if typed: a HOTLINE_CALL on the warning, by the agent, answered, 95 s.
    const action = await getDb().dissuasionAction.findUniqueOrThrow({ where: { id: ended.actionId! } });
    expect(action).toMatchObject({ warningId: w1.id, unitId: a.center.id, kind: "HOTLINE_CALL", result: "CONNECTED", durationSeconds: 95, actorId: dispatcher.user.id });
    expect(action.note).toContain("rec://2026/12/03/c1.wav");
    const after = await getDb().warning.findUniqueOrThrow({ where: { id: w1.id } });
    expect(after.status).toBe("IN_PROGRESS");
    // The first contact is the call's start, as a typed call's is its time.
    expect(after.firstContactAt?.toISOString()).toBe(rangAt);
    // The 96110 figure of the statistics (rollup a.kind.HOTLINE_CALL of the desk's unit).
    const [figure] = await getDb().$queryRaw<{ v: string }[]>`SELECT coalesce(sum(value), 0)::text AS v FROM stat_daily WHERE "unitId" = ${a.center.id}::uuid AND metric = 'a.kind.HOTLINE_CALL'`;
    expect(Number(figure!.v)).toBe(1);

    // Replays change nothing: one action, the same answer.
    const replay = await ingestCallEvent(center, { ...base, event: "ENDED", at: ago(8), durationSeconds: 95 });
    expect(replay).toMatchObject({ status: "duplicate", id: ended.id, actionId: ended.actionId });
    const c4 = `C4-${randomUUID()}`;
    const burst = await Promise.allSettled(Array.from({ length: 5 }, () => ingestCallEvent(center, { callId: c4, callerNumber: "96110", calleeNumber: y, event: "RINGING", at: ago(5) })));
    const ok = burst.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ status: string }>).value.status);
    expect(ok.filter((s) => s === "recorded")).toHaveLength(1);
    expect(await getDb().hotlineCall.count({ where: { callId: c4 } })).toBe(1);
    expect(await getDb().dissuasionAction.count({ where: { warningId: w1.id, kind: "HOTLINE_CALL" } })).toBe(1);

    // The other precinct's warning gets its own call; an unanswered one is logged UNANSWERED.
    const c2 = `C2-${randomUUID()}`;
    await ingestCallEvent(center, { callId: c2, callerNumber: "96110", calleeNumber: y, event: "RINGING", at: ago(7) });
    const e2 = await ingestCallEvent(center, { callId: c2, callerNumber: "96110", calleeNumber: y, event: "ENDED", at: ago(6.5) });
    expect(e2.warningId).toBe(w2.id);
    expect(await getDb().dissuasionAction.findUniqueOrThrow({ where: { id: e2.actionId! } })).toMatchObject({ result: "UNANSWERED", durationSeconds: 0, actorId: null });

    // An unknown number is kept, unmatched, and listed in its own jurisdiction only.
    const c3 = `C3-${randomUUID()}`;
    const lost = await ingestCallEvent(center, { callId: c3, direction: "INBOUND", callerNumber: phone(), calleeNumber: "96110", event: "ENDED", at: ago(3), durationSeconds: 40 });
    expect(lost).toMatchObject({ status: "recorded", warningId: null, actionId: null });
    const unmatched = await listCalls(dispatcher.actor, { matched: "false" });
    expect(unmatched.calls.map((c) => c.id)).toContain(lost.id);
    expect(unmatched.calls.map((c) => c.id)).not.toContain(ended.id);
    expect(unmatched.calls.find((c) => c.id === lost.id)!.callerNumber).toMatch(/\*{4}/);
    expect((await listCalls(farDispatcher.actor, {})).calls.map((c) => c.id)).not.toContain(lost.id);

    // The other city's key: its calls match only its own warnings, and it names no desk of ours.
    const farCall = await ingestCallEvent(farCenter, { callId: c1, callerNumber: "96110", calleeNumber: x, event: "ENDED", at: ago(2), durationSeconds: 10 });
    expect(farCall.warningId).toBe(far.id);
    expect(farCall.id).not.toBe(ended.id);
    const e = await refused(ingestCallEvent(farCenter, { callId: `C5-${randomUUID()}`, callerNumber: "96110", calleeNumber: x, event: "RINGING", at: ago(1), unitCode: p1.code }));
    expect(e.details?.[0]).toMatchObject({ path: "unitCode", code: "unknown_unit" });
    expect(await getDb().dissuasionAction.count({ where: { warningId: w1.id } })).toBe(1);
    // A feed's key may not report calls; bad input names its field.
    expect((await refused(ingestCallEvent(national, { ...base, callId: `C6-${randomUUID()}`, event: "RINGING", at: ago(1) }))).code).toBe("FORBIDDEN");
    const bad = await refused(ingestCallEvent(center, { callId: "C7", callerNumber: "96110", calleeNumber: "12", event: "RINGING", at: ago(1), durationSeconds: 5 }));
    expect(bad.details?.map((d) => d.path).sort()).toEqual(["calleeNumber", "durationSeconds"]);
    // Audited in the same transaction.
    expect(await getDb().auditLog.count({ where: { action: "call.event", entityId: ended.id } })).toBe(3);
  }, 60_000);
});

describe("feedback upstream", () => {
  it("sends every 签收 and result of national and provincial warnings to the simulator's upstream endpoint once, through a gateway failing half the time; a feed pulls only its own", async () => {
    const p1 = a.branches[0]!.precincts[1]!;
    const national = (await makeApiKey(a.city, ["warnings:ingest"], ["NATIONAL"])).actor;
    const provincial = (await makeApiKey(a.city, ["warnings:ingest"], ["PROVINCIAL"])).actor;
    const bank = (await makeApiKey(a.city, ["warnings:ingest"], ["BANK"])).actor;
    const officer = (await makeUser(p1, "OFFICER")).actor;
    const ws = [
      await warn(national, { unitCode: p1.code, receivedAt: ago(30) }),
      await warn(provincial, { source: "PROVINCIAL", unitCode: p1.code, receivedAt: ago(30) }),
      await warn(bank, { source: "BANK", unitCode: p1.code, receivedAt: ago(30) }),
    ];
    for (const w of ws) {
      const v = (await transitionWarning(officer, { id: w.id, to: "ACKNOWLEDGED", version: w.version })).version;
      const v2 = (await transitionWarning(officer, { id: w.id, to: "IN_PROGRESS", version: v })).version;
      await transitionWarning(officer, { id: w.id, to: "RESOLVED", outcome: "DISSUADED", version: v2 });
    }
    const rows = await getDb().outboundMessage.findMany({ where: { channel: "FEEDBACK", warningId: { in: ws.map((w) => w.id) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(rows.map((r) => [r.warningId, r.rung])).toEqual([
      [ws[0]!.id, "FEEDBACK:ACKNOWLEDGED"], [ws[0]!.id, "FEEDBACK:RESOLVED"], [ws[1]!.id, "FEEDBACK:ACKNOWLEDGED"], [ws[1]!.id, "FEEDBACK:RESOLVED"],
    ]);
    expect(rows.every((r) => r.dueAt && r.dueAt.getTime() > r.createdAt.getTime())).toBe(true);
    // The person's action stopped the dissuasion ladder: the feedback is not cancelled with it.
    await until("every feedback sent", async () => (await getDb().outboundMessage.count({ where: { id: { in: rows.map((r) => r.id) }, status: "SENT" } })) === 4);
    const got = sim.feedback().filter((f) => rows.some((r) => r.id === f.idempotencyKey));
    expect(got).toHaveLength(4);
    expect(new Set(got.map((f) => f.idempotencyKey)).size).toBe(4);
    const resolved = got.find((f) => f.idempotencyKey === rows[1]!.id)!.feedback;
    expect(resolved).toMatchObject({ source: "NATIONAL", externalId: ws[0]!.externalId, event: "RESOLVED", status: "RESOLVED", outcome: "DISSUADED", amountAtRisk: "30000.00", amountProtected: "0.00", unitCode: p1.code });
    expect(JSON.stringify(resolved)).not.toContain(ws[0]!.victimPhone);
    const tally = await feedbackTally();
    expect(tally.bySource.NATIONAL.sent + tally.bySource.PROVINCIAL.sent).toBeGreaterThanOrEqual(4);

    // Pull: each key its own sources in its own jurisdiction.
    const pullN = (await makeApiKey(a.city, ["feedback:pull"], ["NATIONAL"])).actor;
    const pullP = (await makeApiKey(a.city, ["feedback:pull"], ["PROVINCIAL"])).actor;
    const pullFar = (await makeApiKey(b.city, ["feedback:pull"], ["NATIONAL", "PROVINCIAL"])).actor;
    const n = await pullFeedback(pullN, {});
    expect(n.feedback.filter((f) => rows.some((r) => r.id === f.id)).map((f) => f.id).sort()).toEqual([rows[0]!.id, rows[1]!.id].sort());
    expect(n.feedback.every((f) => f.source === "NATIONAL")).toBe(true);
    expect(n.feedback.find((f) => f.id === rows[1]!.id)).toMatchObject({ delivery: "sent", event: "RESOLVED", outcome: "DISSUADED" });
    expect((await pullFeedback(pullP, {})).feedback.map((f) => f.id).sort()).toEqual([rows[2]!.id, rows[3]!.id].sort());
    expect((await pullFeedback(pullFar, {})).feedback).toEqual([]);
    const first = n.feedback[0]!.id;
    expect((await pullFeedback(pullN, { cursor: first })).feedback.map((f) => f.id)).not.toContain(first);
    expect((await refused(pullFeedback(national, {}))).code).toBe("FORBIDDEN");
  }, 60_000);

  it("sends the result of a national or provincial warning transferred out of the city — transferred, and where to — in the transfer's transaction", async () => {
    const [p1, q1] = [a.branches[0]!.precincts[0]!, a.branches[1]!.precincts[0]!];
    const national = (await makeApiKey(a.city, ["warnings:ingest"], ["NATIONAL"])).actor;
    const provincial = (await makeApiKey(a.city, ["warnings:ingest"], ["PROVINCIAL"])).actor;
    const officer = (await makeUser(p1, "OFFICER")).actor;
    const centre = (await makeUser(a.center, "DISPATCHER")).actor;
    const wn = await warn(national, { unitCode: p1.code, receivedAt: ago(30) });
    const wp = await warn(provincial, { source: "PROVINCIAL", unitCode: q1.code, receivedAt: ago(30) });
    const feedbackOf = (id: string) => getDb().outboundMessage.findMany({ where: { warningId: id, channel: "FEEDBACK" } });

    // A precinct's external transfer waits for the centre: nothing resolved, nothing fed back yet.
    const r = await proposeTransfer(officer, { id: wn.id, version: wn.version, destination: "外市 襄阳市公安局", reason: "当事人常住襄阳" });
    expect(await feedbackOf(wn.id)).toEqual([]);
    // A stale acceptance is refused whole: no resolution, no feedback.
    expect((await refused(decideTransfer(centre, { id: r.id, decision: "ACCEPT", version: r.version + 1 }))).status).toBe(409);
    expect(await feedbackOf(wn.id)).toEqual([]);
    await decideTransfer(centre, { id: r.id, decision: "ACCEPT", version: r.version });
    const [n] = await feedbackOf(wn.id);
    expect(n).toMatchObject({ rung: "FEEDBACK:RESOLVED", recipient: "NATIONAL" });
    expect(JSON.parse(n!.body)).toMatchObject({ event: "RESOLVED", status: "RESOLVED", outcome: "TRANSFERRED_OUT", destination: "外市 襄阳市公安局", externalId: wn.externalId });
    // The centre's own external transfer is final when proposed: fed back with it.
    await proposeTransfer(centre, { id: wp.id, version: wp.version, destination: "外省 西安市公安局", reason: "受害人在西安" });
    const [p] = await feedbackOf(wp.id);
    expect(JSON.parse(p!.body)).toMatchObject({ source: "PROVINCIAL", outcome: "TRANSFERRED_OUT", destination: "外省 西安市公安局" });

    // Both reach the upstream endpoint once, through the gateway failing half the time.
    await until("both transfers fed back", async () => (await getDb().outboundMessage.count({ where: { id: { in: [n!.id, p!.id] }, status: "SENT" } })) === 2);
    const got = sim.feedback().filter((f) => f.idempotencyKey === n!.id || f.idempotencyKey === p!.id);
    expect(got.map((f) => f.feedback.destination).sort()).toEqual(["外市 襄阳市公安局", "外省 西安市公安局"]);
  }, 60_000);

  it("tallies feedback per source platform against its deadline: sent (late ones apart), failed, overdue, pending", async () => {
    const national = (await makeApiKey(a.city, ["warnings:ingest"], ["NATIONAL"])).actor;
    const w = await warn(national, { unitCode: a.branches[0]!.precincts[1]!.code, receivedAt: ago(30) });
    const before = await feedbackTally();
    // Three NATIONAL feedback messages: one sent after its deadline, one failed, one past its deadline and unsent.
    const row = (status: string, dueMinutes: number, sentLate: boolean) => getDb().$executeRaw`
      INSERT INTO outbound_messages (id, "warningId", channel, status, recipient, body, rung, "notBefore", "dueAt", "sentAt", "updatedAt")
      VALUES (gen_random_uuid(), ${w.id}::uuid, 'FEEDBACK', ${status}::"OutboundStatus", 'NATIONAL', '{}', 'FEEDBACK:RESOLVED',
              (now() AT TIME ZONE 'UTC') + interval '1 day', (now() AT TIME ZONE 'UTC') + make_interval(mins => ${dueMinutes}),
              ${sentLate ? new Date() : null}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')`;
    await row("SENT", -5, true);
    await row("FAILED", 60, false);
    await row("PENDING", -1, false);
    await row("PENDING", 60, false);
    const after = await feedbackTally();
    expect(after.deadlineMinutes).toBe(60);
    const d = (k: "sent" | "late" | "failed" | "overdue" | "pending") => after.bySource.NATIONAL[k] - before.bySource.NATIONAL[k];
    expect([d("sent"), d("late"), d("failed"), d("overdue"), d("pending")]).toEqual([1, 1, 1, 1, 1]);
    expect(after.bySource.PROVINCIAL).toEqual(before.bySource.PROVINCIAL);
  });

  it("tracks delivery against the deadline: sent, failed, overdue", () => {
    const now = new Date();
    const past = new Date(now.getTime() - 1000);
    const later = new Date(now.getTime() + 60_000);
    expect(deliveryOf({ status: "SENT", dueAt: past }, now)).toBe("sent");
    expect(deliveryOf({ status: "FAILED", dueAt: later }, now)).toBe("failed");
    expect(deliveryOf({ status: "PENDING", dueAt: past }, now)).toBe("overdue");
    expect(deliveryOf({ status: "SENDING", dueAt: later }, now)).toBe("pending");
  });
});
