// Issue 16 "done when", with two real app processes: two outbound workers in separate Node
// processes (child_process, tsx), on one PostgreSQL, against the gateway simulator failing half the
// requests (before or after recording them). Each CRITICAL warning's SMS, 闪信 and robot call reach
// the gateway once each — the row lock, the job key and the idempotency key hold across processes.
// The receipts come back to the receipt route served by this process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { getDb } from "@/lib/db";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { startSimulator, type Simulator } from "@/lib/outbound/simulator";
import { DEFAULT_LADDER, OUTBOUND_LADDER_KEY } from "@/lib/outbound/ladder-config";
import { makeApiKey, makeUnitTree, useOwnDatabase, warningInput, type TestTree } from "@/tests/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/test-database";
import { serveReceipts } from "@/lib/outbound/receipt-server";
import { until } from "./until";

const SECRET = "two-processes-gateway-secret-of-at-least-32-bytes";
const WARNINGS = 12;
let own: TestDatabase;
let release: () => void;
let sim: Simulator;
let receipts: Awaited<ReturnType<typeof serveReceipts>>;
let tree: TestTree;
const workers: { child: ChildProcess; out: string[] }[] = [];

function startWorker(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; out: string[] }> {
  const child = spawn("node_modules/.bin/tsx", ["--import", "./scripts/server-only-off.mjs", "tests/integration/processes/outbound-worker.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const w = { child, out: [] as string[] };
  workers.push(w);
  child.stdout!.setEncoding("utf8").on("data", (d: string) => w.out.push(...d.split("\n").filter(Boolean)));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => w.out.push(`stderr: ${d}`));
  return until("the worker process to start", async () => w.out.some((l) => l.startsWith("ready")) && w, 120_000)
    .catch((e: Error) => Promise.reject(new Error(`${e.message}: ${w.out.join(" | ")}`)));
}

async function stopWorker(w: { child: ChildProcess; out: string[] }): Promise<number> {
  if (w.child.exitCode !== null) return -1;
  const exited = new Promise((r) => w.child.once("exit", r));
  w.child.kill("SIGTERM");
  await exited;
  return Number(w.out.find((l) => l.startsWith("jobs "))?.slice(5) ?? -1);
}

beforeAll(async () => {
  own = await createTestDatabase("two_processes");
  ({ release } = useOwnDatabase(own.url));
  tree = await makeUnitTree();
  forgetRoutingTable();
  // The robot call 1 s after the warning; an answered call ends the ladder.
  await getDb().appSetting.create({ data: { key: OUTBOUND_LADDER_KEY, value: { ...DEFAULT_LADDER, CRITICAL: { ...DEFAULT_LADDER.CRITICAL, robotCallAfterSeconds: 1 } } } });
  receipts = await serveReceipts();
  const callbackUrl = receipts.url;
  sim = await startSimulator({ secret: SECRET, port: 0, delayMs: 50, failureRate: 0.5, outcome: (m) => (m.channel === "ROBOT_CALL" ? "ANSWERED" : "DELIVERED") });
  // The receipt route (this process) checks the same secret.
  process.env.GATEWAY_URL = sim.url;
  process.env.GATEWAY_SECRET = SECRET;
  const { NODE_ENV: _omit, ...inherited } = process.env;
  const env = {
    ...inherited, DATABASE_URL: own.url, GATEWAY_URL: sim.url, GATEWAY_SECRET: SECRET, OUTBOUND_CALLBACK_URL: callbackUrl,
    OUTBOUND_MAX_ATTEMPTS: "30", OUTBOUND_RETRY_BASE_MS: "50", OUTBOUND_CONCURRENCY: "3", LOG_LEVEL: "error",
  } as unknown as NodeJS.ProcessEnv;
  // Two app instances, each its own process with its own pool; the first runs the job schema's migrations.
  await startWorker(env);
  await startWorker(env);
}, 240_000);

afterAll(async () => {
  for (const w of workers) await stopWorker(w).catch(() => {});
  await sim?.stop();
  await receipts?.close();
  await getDb().$disconnect();
  release();
  await own.drop();
  delete process.env.GATEWAY_URL;
  delete process.env.GATEWAY_SECRET;
});

describe("two app processes", () => {
  it("send each CRITICAL warning's SMS, 闪信 and robot call once each through a gateway failing half the time", async () => {
    const feed = await makeApiKey(tree.city, ["warnings:ingest"]);
    const results = await ingestWarnings(feed.actor, Array.from({ length: WARNINGS }, () => warningInput({ riskLevel: "CRITICAL", receivedAt: new Date().toISOString() })));
    const ids = results.map((r) => r.id!);
    expect(new Set(ids).size).toBe(WARNINGS);
    await until("every ladder reached and every receipt in", async () =>
      (await getDb().dissuasionLadder.count({ where: { warningId: { in: ids }, status: "REACHED" } })) === WARNINGS
      && (await getDb().outboundMessage.count({ where: { warningId: { in: ids }, status: "DELIVERED" } })) === 3 * WARNINGS, 90_000, 200);
    const phones = await getDb().warning.findMany({ where: { id: { in: ids } }, select: { victimPhone: true } });
    for (const { victimPhone } of phones) {
      const got = sim.messages().filter((m) => m.to === victimPhone);
      expect(got.map((m) => m.channel).sort()).toEqual(["FLASH", "ROBOT_CALL", "SMS"]);
    }
    const keys = sim.messages().map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    // The gateway failed often, and retries after lost answers came back as duplicates: never a second delivery.
    expect(sim.stats.failed).toBeGreaterThan(0);
    // Each result once on the timeline, each rung fired once.
    expect(await getDb().dissuasionAction.count({ where: { warningId: { in: ids }, actorId: null } })).toBe(3 * WARNINGS);
    expect(await getDb().dissuasionLadderEvent.count({ where: { warningId: { in: ids }, event: "FIRED" } })).toBe(3 * WARNINGS);
    // Both processes did part of the work.
    const done = [await stopWorker(workers[0]!), await stopWorker(workers[1]!)];
    expect(done.every((n) => n > 0), `jobs per process: ${done.join(", ")}`).toBe(true);
    expect(done[0]! + done[1]!).toBeGreaterThanOrEqual(3 * WARNINGS);
  }, 180_000);
});
