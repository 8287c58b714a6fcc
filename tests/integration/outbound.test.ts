// The outbox end to end (issue 16 items 1–3): real PostgreSQL, the real gateway simulator on a
// port failing half the requests, two graphile-worker runners, and the receipt route handler
// behind a small HTTP server (what the simulator posts back to).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, sqlTransaction } from "@/lib/db";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { transitionWarning } from "@/lib/warnings/commands";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import type { Simulator } from "@/lib/outbound/simulator";
import { visitRung } from "@/lib/outbound/ladder";
import { startOutboundWorker } from "@/lib/outbound/worker";
import { signedHeaders } from "@/lib/outbound/gateway";
import { DEFAULT_LADDER, OUTBOUND_LADDER_KEY } from "@/lib/outbound/ladder-config";
import { DEFAULT_TEMPLATES, OUTBOUND_TEMPLATES_KEY } from "@/lib/outbound/templates";
import { updateOutboundTemplates } from "@/lib/outbound/commands";
import { AppError } from "@/lib/errors";
import type { ReceiptResult } from "@/lib/outbound/gateway";
import { POST as receiptRoute } from "@/app/api/v1/gateway/receipts/route";
import { makeApiKey, makeUnitTree, makeUser, useOwnDatabase, warningInput, type TestTree } from "@/tests/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/test-database";
import { startOutbox, type Outbox } from "./outbound-fixtures";
import { until } from "./until";

const SECRET = "outbox-test-gateway-secret-of-at-least-32-bytes";
let own: TestDatabase;
let release: () => void;
let tree: TestTree;
let feed: Awaited<ReturnType<typeof makeApiKey>>;
let dispatcher: Awaited<ReturnType<typeof makeUser>>;
let sim: Simulator;
let outbox: Outbox;
/** Robot call outcomes by phone (default ANSWERED). */
const callOutcome = new Map<string, ReceiptResult>();

beforeAll(async () => {
  own = await createTestDatabase("outbox");
  ({ release } = useOwnDatabase(own.url));
  tree = await makeUnitTree();
  forgetRoutingTable();
  feed = await makeApiKey(tree.city, ["warnings:ingest"]);
  dispatcher = await makeUser(tree.center, "DISPATCHER");
  // Fast rungs: the robot call 1 s after the warning, one redial 1 s after an unanswered call.
  await getDb().appSetting.create({
    data: { key: OUTBOUND_LADDER_KEY, value: { ...DEFAULT_LADDER, CRITICAL: { ...DEFAULT_LADDER.CRITICAL, robotCallAfterSeconds: 1, redialEverySeconds: 1, redials: 1 }, HIGH: { ...DEFAULT_LADDER.HIGH, robotCallAfterSeconds: 3600 } } },
  });

  // Two instances of the worker, each with its own pool, through a gateway failing half the requests.
  outbox = await startOutbox({
    secret: SECRET, databaseUrl: own.url, workers: 2,
    simulator: { delayMs: 50, failureRate: 0.5, outcome: (m) => (m.channel === "ROBOT_CALL" ? callOutcome.get(m.to) ?? "ANSWERED" : "DELIVERED") },
  });
  sim = outbox.sim;
}, 60_000);

afterAll(async () => {
  await outbox?.stop();
  await getDb().$disconnect();
  release();
  await own.drop();
});

async function critical(over: Record<string, unknown> = {}) {
  const [r] = await ingestWarnings(feed.actor, [warningInput({ riskLevel: "CRITICAL", receivedAt: new Date().toISOString(), ...over })]);
  return getDb().warning.findUniqueOrThrow({ where: { id: r!.id } });
}

const simulated = (phone: string) => sim.messages().filter((m) => m.to === phone);

describe("the outbox", () => {
  it("writes a CRITICAL warning's SMS and 闪信 in the ingesting transaction, and delivers SMS, 闪信 and the robot call once each through a gateway failing half the time", async () => {
    const ws = await Promise.all([critical(), critical(), critical()]);
    for (const w of ws) {
      const rows = await getDb().outboundMessage.findMany({ where: { warningId: w.id } });
      expect(rows.map((r) => r.channel).sort()).toEqual(["FLASH", "ROBOT_CALL", "SMS"]);
      expect(rows.find((r) => r.channel === "SMS")!.body).toContain("虚假投资理财");
    }
    for (const w of ws) {
      await until(`the ladder of ${w.id} to be reached`, async () => (await getDb().dissuasionLadder.findUnique({ where: { warningId: w.id } }))?.status === "REACHED");
      // The call may be answered while the 闪信 is still being retried (the gateway fails half the time).
      await until(`three messages to ${w.id}'s victim at the gateway`, async () => simulated(w.victimPhone).length >= 3);
      expect(simulated(w.victimPhone).map((m) => m.channel).sort()).toEqual(["FLASH", "ROBOT_CALL", "SMS"]);
      const rows = await getDb().outboundMessage.findMany({ where: { warningId: w.id } });
      // The SMS and 闪信 receipts may still be on their way when the call was answered.
      await until("every receipt", async () => (await getDb().outboundMessage.count({ where: { warningId: w.id, status: "DELIVERED" } })) === 3);
      expect(rows.every((r) => r.attempts >= 1)).toBe(true);
      // Each result is on the warning's timeline, once.
      await until("the timeline", async () => (await getDb().dissuasionAction.count({ where: { warningId: w.id, actorId: null } })) === 3);
    }
    expect(sim.stats.failed).toBeGreaterThan(0);
    // Retries after a lost answer reached the gateway again and were answered as duplicates, never delivered twice.
    const keys = sim.messages().map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  }, 60_000);

  it("moves the ladder with receipts: an unanswered robot call redials, then hands over to a 96110 call task", async () => {
    const phone = "13912340001";
    callOutcome.set(phone, "UNREACHABLE");
    const w = await critical({ victim: { name: "李某", phone, gender: "MALE" } });
    await until("the hand-over", async () => (await getDb().dissuasionLadder.findUnique({ where: { warningId: w.id } }))?.status === "HANDED_OVER");
    const calls = await getDb().outboundMessage.findMany({ where: { warningId: w.id, channel: "ROBOT_CALL" }, orderBy: { createdAt: "asc" } });
    expect(calls.map((c) => [c.rung, c.result])).toEqual([["ROBOT_CALL#1", "UNREACHABLE"], ["ROBOT_CALL#2", "UNREACHABLE"]]);
    expect(simulated(phone).filter((m) => m.channel === "ROBOT_CALL")).toHaveLength(2);
    expect(await getDb().notification.count({ where: { userId: dispatcher.user.id, kind: "ladder_call", entityId: w.id } })).toBe(1);
    const timeline = await getDb().dissuasionAction.findMany({ where: { warningId: w.id, kind: "ROBOT_CALL" } });
    expect(timeline.map((a) => a.result)).toEqual(["UNANSWERED", "UNANSWERED"]);
    // The visit rung's job is scheduled; when it comes, nobody having acted, the unit gets its visit task.
    expect(Number((await getDb().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`ladder_visit:${w.id}`}`)[0]!.n)).toBe(1);
    expect(await sqlTransaction(getDb(), (sql) => visitRung(sql, w.id, new Date()))).toBe(true);
    // A person's action stops it: a later visit rung does nothing.
    await transitionWarning(dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
    expect((await getDb().dissuasionLadder.findUniqueOrThrow({ where: { warningId: w.id } })).status).toBe("STOPPED");
    expect(await sqlTransaction(getDb(), (sql) => visitRung(sql, w.id, new Date()))).toBe(false);
  }, 60_000);

  it("puts every rung on the warning's timeline in order, the hand-over to people included, until a person takes it up", async () => {
    const phone = "13912340003";
    callOutcome.set(phone, "UNREACHABLE");
    const w = await critical({ victim: { name: "钱某", phone, gender: "FEMALE" } });
    await until("the hand-over", async () => (await getDb().dissuasionLadder.findUnique({ where: { warningId: w.id } }))?.status === "HANDED_OVER");
    // The visit rung's time comes (its job brought forward): the worker hands the visit over.
    await getDb().$executeRaw`SELECT graphile_worker.add_job('ladder_visit', json_build_object('warningId', ${w.id}::text), run_at => now(), job_key => ${`ladder_visit:${w.id}`})`;
    const events = () => getDb().dissuasionLadderEvent.findMany({ where: { warningId: w.id }, orderBy: [{ at: "asc" }, { event: "asc" }] });
    await until("the visit task on the timeline", async () => (await events()).some((e) => e.rung === "HOME_VISIT"));
    await until("the SMS and 闪信 receipts", async () => (await events()).filter((e) => e.event === "RESULT").length === 4);
    // A person acts: the visit task is taken up, and nothing automatic follows.
    await transitionWarning(dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
    const timeline = (await events()).map((e) => [e.rung, e.event, e.result]);
    const at = (rung: string, event: string) => timeline.findIndex(([r, e]) => r === rung && e === event);
    for (const rung of ["SMS", "FLASH", "ROBOT_CALL#1", "ROBOT_CALL#2"]) expect(at(rung, "RESULT")).toBeGreaterThan(at(rung, "FIRED"));
    expect(timeline.filter(([r]) => !["SMS", "FLASH"].includes(r as string))).toEqual([
      ["ROBOT_CALL#1", "FIRED", null], ["ROBOT_CALL#1", "RESULT", "UNREACHABLE"],
      ["ROBOT_CALL#2", "FIRED", null], ["ROBOT_CALL#2", "RESULT", "UNREACHABLE"],
      ["HUMAN_CALL", "FIRED", null], ["HOME_VISIT", "FIRED", null], ["HOME_VISIT", "RESULT", "status:ACKNOWLEDGED"],
    ]);
    expect(timeline.filter(([r]) => r === "SMS" || r === "FLASH").map(([, e, x]) => [e, x])).toEqual(expect.arrayContaining([["FIRED", null], ["RESULT", "DELIVERED"]]));
    expect(timeline).toHaveLength(11);
    expect(await getDb().notification.count({ where: { userId: dispatcher.user.id, kind: "ladder_call", entityId: w.id } })).toBe(1);
    expect((await getDb().dissuasionLadder.findUniqueOrThrow({ where: { warningId: w.id } })).status).toBe("STOPPED");
    // A later action writes no more ladder entries.
    await transitionWarning(dispatcher.actor, { id: w.id, to: "IN_PROGRESS", version: w.version + 1 });
    expect(await getDb().dissuasionLadderEvent.count({ where: { warningId: w.id } })).toBe(11);
  }, 60_000);

  it("stops the automatic steps when a person acts on the warning", async () => {
    const [r] = await ingestWarnings(feed.actor, [warningInput({ riskLevel: "HIGH", receivedAt: new Date().toISOString() })]);
    const w = await getDb().warning.findUniqueOrThrow({ where: { id: r!.id } });
    const call = await getDb().outboundMessage.findFirstOrThrow({ where: { warningId: w.id, channel: "ROBOT_CALL" } });
    expect(call.status).toBe("PENDING");
    await transitionWarning(dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
    expect((await getDb().outboundMessage.findUniqueOrThrow({ where: { id: call.id } })).status).toBe("CANCELLED");
    expect((await getDb().dissuasionLadder.findUniqueOrThrow({ where: { warningId: w.id } })).status).toBe("STOPPED");
    // The SMS had gone out already (or goes now): a cancelled call is never sent.
    await new Promise((res) => setTimeout(res, 500));
    expect(simulated(w.victimPhone).filter((m) => m.channel === "ROBOT_CALL")).toHaveLength(0);
    // The stop is on the timeline, with what the person did.
    expect(await getDb().dissuasionLadderEvent.findMany({ where: { warningId: w.id, event: "STOPPED" }, select: { rung: true, result: true } }))
      .toEqual([{ rung: "LADDER", result: "status:ACKNOWLEDGED" }]);
  }, 30_000);
});

describe("a worker's stop", () => {
  it("closes the worker's own connections when it stops (its pool is not left open)", async () => {
    const name = `outbound-stop-${process.pid}`;
    const url = new URL(own.url);
    url.searchParams.set("application_name", name);
    const cfg = { gatewayUrl: sim.url, secret: SECRET, callbackUrl: outbox.callbackUrl, ratePerSecond: 50, maxAttempts: 3, retryBaseMs: 50, concurrency: 2 };
    const connections = async () => {
      const [r] = await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${name}`;
      return r!.n;
    };
    const runner = await startOutboundWorker(cfg, url.toString(), { pollInterval: 200 });
    expect(await connections()).toBeGreaterThan(0);
    await runner.stop();
    // The server lists a backend until it has exited, a moment after the client closed its socket;
    // a pool left open would keep its idle connections for 10 s.
    await expect.poll(connections, { timeout: 2_000, interval: 50 }).toBe(0);
  }, 30_000);
});

describe("the receipt route", () => {
  const post = (body: string, headers: Record<string, string>) =>
    receiptRoute(new Request("http://localhost/api/v1/gateway/receipts", { method: "POST", headers, body }));

  it("refuses a bad signature with 401 and audits it", async () => {
    const before = await getDb().auditLog.count({ where: { action: "outbound.receipt.rejected" } });
    const body = JSON.stringify({ messageId: "0193a4c2-0000-7000-8000-000000000000", result: "DELIVERED", at: new Date().toISOString() });
    const res = await post(body, signedHeaders("another-secret-that-is-long-enough-to-sign-with", body));
    expect(res.status).toBe(401);
    const unsigned = await post(body, { "content-type": "application/json" });
    expect(unsigned.status).toBe(401);
    expect(await getDb().auditLog.count({ where: { action: "outbound.receipt.rejected" } })).toBe(before + 2);
  });

  it("answers a malformed receipt with 422 naming the field, an unknown message with 404", async () => {
    const bad = JSON.stringify({ messageId: "0193a4c2-0000-7000-8000-000000000000", result: "MAYBE", at: new Date().toISOString() });
    const res = await post(bad, signedHeaders(SECRET, bad));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe("result");
    const unknown = JSON.stringify({ messageId: "0193a4c2-0000-7000-8000-000000000000", result: "DELIVERED", at: new Date().toISOString() });
    expect((await post(unknown, signedHeaders(SECRET, unknown))).status).toBe(404);
  });
});

describe("the outbound settings", () => {
  it("refuse a 闪信 longer than one segment with 422 naming the field, and save nothing", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const templates = structuredClone(DEFAULT_TEMPLATES);
    templates.FLASH.ROMANCE = "预".repeat(71);
    const e = await updateOutboundTemplates(actor, { ...templates, version: 0 }).catch((x: AppError) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(422);
    expect((e as AppError).details.map((d) => [d.path, d.code])).toEqual([["FLASH.ROMANCE", "too_long"]]);
    expect(await getDb().appSetting.count({ where: { key: OUTBOUND_TEMPLATES_KEY } })).toBe(0);
  });

  it("are saved by the root administrator alone, and the next warning's SMS uses them", async () => {
    const branchAdmin = await makeUser(tree.branches[0]!, "ADMIN");
    const templates = structuredClone(DEFAULT_TEMPLATES);
    templates.SMS.FAKE_INVESTMENT = "【反诈中心】{name}，投资理财高回报是诈骗！请勿转账，咨询{hotline}。";
    await expect(updateOutboundTemplates(branchAdmin.actor, { ...templates, version: 0 })).rejects.toMatchObject({ status: 403 });
    const { actor } = await makeUser(tree.city, "ADMIN");
    await updateOutboundTemplates(actor, { ...templates, version: 0 });
    const w = await critical({ victim: { name: "赵某", phone: "13912340002", gender: "FEMALE" } });
    const sms = await getDb().outboundMessage.findFirstOrThrow({ where: { warningId: w.id, channel: "SMS" } });
    expect(sms.body).toBe("【反诈中心】赵女士，投资理财高回报是诈骗！请勿转账，咨询96110。");
    expect(await getDb().auditLog.count({ where: { action: "config.outbound.update", actorId: actor.id } })).toBe(1);
  });
});
