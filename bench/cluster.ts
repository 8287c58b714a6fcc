// `npm run bench:cluster` (issue 18, item 6): the topology of `npm run cluster` — a primary and its
// synchronous standby, PgBouncer, two app instances, HAProxy — started afresh in a folder and on
// ports of its own (BENCH_CLUSTER_DIR .data/bench-cluster, CLUSTER_PORT 3340, CLUSTER_PG_PORT
// 56440 unless set), and measured from outside, in this order:
//   1. requests/s and p95 of one instance (on its own port) and of two behind HAProxy, same run;
//   2. overload at twice the two instances' capacity: admitted p95, shed share, 5xx (must be 0);
//   3. the statistics overview read on the standby and on the primary (p95 each);
//   4. a rolling restart under 20 concurrent clients, each instance SIGTERM → drain → started
//      again by the cluster's supervisor: failed requests (must be 0);
//   5. a failover under six feeds: kill -9 of the primary's postmaster, the standby promoted by
//      the supervisor; acknowledged warnings missing afterwards (must be 0), seconds without writes.
// Prints figures with the machine's load average (the 2 cores are often shared); asserts nothing.
// Knobs: BENCH_SECONDS (20) per throughput run, BENCH_CLIENTS (16) for it, BENCH_OVERLOAD_RATE
// (requests/s; twice the measured capacity unless set: the same rate for runs to compare),
// BENCH_OVERLOAD_RUNS (1; several show the run-to-run spread), BENCH_PARTS (which of throughput,
// overload, standby, restart, failover; all unless set).
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { generateApiKey } from "../lib/auth/api-keys";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";
import { clusterLayout, clusterUrl, NODES } from "../scripts/cluster-layout";
import { login, pct } from "./app";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const PARTS = new Set((process.env.BENCH_PARTS ?? "throughput,overload,standby,restart,failover").split(","));
const OVERLOAD_RUNS = Number(process.env.BENCH_OVERLOAD_RUNS ?? 1);
const layoutEnv = {
  CLUSTER_DIR: process.env.BENCH_CLUSTER_DIR ?? ".data/bench-cluster",
  CLUSTER_PORT: process.env.CLUSTER_PORT ?? "3340",
  CLUSTER_PG_PORT: process.env.CLUSTER_PG_PORT ?? "56440",
};
const { root, ports } = clusterLayout(layoutEnv);
const front = `http://127.0.0.1:${ports.http}`;
const log = (s: string) => console.log(`[bench:cluster] ${s}`);
const load = () => `load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on ${cpus().length} cores`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── the cluster, from scratch ──
rmSync(root, { recursive: true, force: true });
log(`starting the cluster in ${root} (HAProxy :${ports.http}); ${load()}`);
const cluster = spawn("node_modules/.bin/tsx", ["--import", "./scripts/server-only-off.mjs", "scripts/cluster.ts"], {
  env: { ...process.env, ...layoutEnv },
  stdio: ["ignore", "pipe", "inherit"],
});
const clusterSaid: string[] = [];
cluster.stdout!.on("data", (d: Buffer) => clusterSaid.push(...d.toString().split("\n").filter(Boolean)));
for (let i = 0; !clusterSaid.some((l) => l.includes("ready")); i++) {
  if (cluster.exitCode !== null || i > 2400) throw new Error(`the cluster did not start:\n${clusterSaid.join("\n")}`);
  await sleep(250);
}
async function stopCluster() {
  if (cluster.exitCode !== null) return;
  cluster.kill("SIGINT");
  await new Promise((r) => cluster.once("exit", r));
}

type Sample = { ms: number; status: number; retryAfter: boolean; kind: string };
async function hit(url: string, init: RequestInit, kind: string): Promise<Sample> {
  const t = performance.now();
  try {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    return { ms: performance.now() - t, status: res.status, retryAfter: res.headers.has("retry-after"), kind };
  } catch {
    return { ms: performance.now() - t, status: 0, retryAfter: false, kind };
  }
}
const ok = (s: Sample) => s.status >= 200 && s.status < 300;
const p95 = (xs: Sample[]) => pct(xs.map((s) => s.ms).sort((a, b) => a - b), 95);
/** Status counts; "+RA": with Retry-After (the admission gate's refusals), as opposed to HAProxy's own 503. */
const statuses = (xs: Sample[]) => {
  const m = new Map<string, number>();
  for (const s of xs) {
    const k = `${s.status || "no answer"}${s.status >= 400 && s.retryAfter ? "+RA" : ""}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m].sort((a, b) => a[0].localeCompare(b[0])).map(([s, n]) => `${s}×${n}`).join(", ");
};
/** Refused by an instance's admission gate (429/503 with Retry-After): shed by design, not lost. */
const gateRefusal = (s: Sample) => (s.status === 429 || s.status === 503) && s.retryAfter;

let code = 0;
const primaryDb = new pg.Pool({ connectionString: clusterUrl(ports.primary), max: 2 });
primaryDb.on("error", () => {});
try {
  const dispatcher = await login(front, "dispatcher", DEMO_PASSWORD);
  const leader = await login(front, "leader", DEMO_PASSWORD);
  const { key, prefix, keyHash } = generateApiKey();
  const city = (await primaryDb.query<{ id: string; path: string }>(`SELECT id, path FROM units WHERE kind = 'CITY' ORDER BY code LIMIT 1`)).rows[0]!;
  const precincts = (await primaryDb.query<{ code: string }>(`SELECT code FROM units WHERE kind = 'PRECINCT' AND active ORDER BY code`)).rows.map((r) => r.code);
  await primaryDb.query(
    `INSERT INTO api_keys (id, name, prefix, "keyHash", "unitId", scopes, sources) VALUES (gen_random_uuid(), 'bench:cluster', $1, $2, $3, '{warnings:ingest}', '{PROVINCIAL}')`,
    [prefix, keyHash, city.id],
  );
  let seq = 0;
  const tag = Date.now().toString(36);
  const items = (n: number) =>
    Array.from({ length: n }, () => {
      const i = seq++;
      return {
        source: "PROVINCIAL", externalId: `BC-${tag}-${i}`, riskLevel: ["CRITICAL", "HIGH", "MEDIUM", "LOW"][i % 4], fraudType: "REBATE_TASK",
        receivedAt: new Date(Date.now() - 30_000).toISOString(), victim: { name: "测试", phone: `15${String(i % 1e9).padStart(9, "0")}`, address: "十堰市某街道" },
        unitCode: precincts[i % precincts.length], contact: { channel: "PHONE", value: `BC${tag}${i}` }, amountAtRisk: "1000.00",
      };
    });
  const post = (base: string, n: number) =>
    hit(`${base}/api/v1/warnings`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(items(n)) }, "write");
  const READS = ["/api/v1/warnings?limit=20", "/warnings"];
  const read = (base: string, k: number) => hit(`${base}${READS[k % READS.length]}`, { headers: { cookie: dispatcher } }, "read");
  const bulk = (base: string) => hit(`${base}/api/v1/stats/summary?period=month`, { headers: { cookie: leader } }, "bulk");

  /** `clients` people clicking as fast as they are answered, for `seconds`. */
  const closedLoop = async (base: string, clients: number, seconds: number) => {
    const until = Date.now() + seconds * 1000;
    const samples: Sample[] = [];
    await Promise.all(Array.from({ length: clients }, async (_, c) => {
      for (let k = c; Date.now() < until; k++) samples.push(await read(base, k));
    }));
    return samples;
  };

  // ── 1. one instance vs two behind HAProxy ──
  await closedLoop(front, CLIENTS, 5); // warm-up: both instances, every page once
  let capacity = NaN;
  if (PARTS.has("throughput")) {
    const one = await closedLoop(`http://127.0.0.1:${ports.apps[0]}`, CLIENTS, SECONDS);
    // Answered requests only: a refusal is quick and would flatter the rate.
    const rateOf = (xs: Sample[]) => xs.filter(ok).length / SECONDS;
    log(`one instance (app-1 on its own port): ${rateOf(one).toFixed(1)} answered requests/s, p95 ${p95(one).toFixed(0)} ms (${statuses(one)}); ${load()}`);
    const two = await closedLoop(front, CLIENTS, SECONDS);
    log(`two instances behind HAProxy: ${rateOf(two).toFixed(1)} answered requests/s, p95 ${p95(two).toFixed(0)} ms (${statuses(two)}); ${load()}`);
    capacity = Math.max(1, rateOf(two));
    log(`ratio two/one: ${(rateOf(two) / Math.max(0.1, rateOf(one))).toFixed(2)}× (PostgreSQL, PgBouncer, HAProxy, both instances and this client share ${cpus().length} cores)`);
  }

  // ── 2. overload: requests arriving at twice that rate, whatever the answers ──
  const rate = Number(process.env.BENCH_OVERLOAD_RATE) || 2 * capacity;
  if (PARTS.has("overload") && !(rate > 0)) throw new Error("the overload needs the measured capacity (BENCH_PARTS with throughput) or BENCH_OVERLOAD_RATE");
  for (let run = 0; PARTS.has("overload") && run < OVERLOAD_RUNS; run++) {
    const overload: Sample[] = [];
    const pending: Promise<void>[] = [];
    const started = Date.now();
    for (let i = 0; Date.now() - started < 15_000; i++) {
      const due = started + (i * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      const r = i % 10;
      const p = r < 2 ? post(front, 1) : r < 7 ? read(front, i) : bulk(front);
      pending.push(p.then((s) => void overload.push(s)));
    }
    await Promise.all(pending);
    const admitted = overload.filter(ok);
    const shed = overload.filter(gateRefusal);
    // HAProxy's own 503 (no instance passed its health check) carries no Retry-After.
    const fivexx = overload.filter((s) => s.status >= 500 && !shed.includes(s));
    const byKind = (k: string) => {
      const all = overload.filter((s) => s.kind === k);
      const a = all.filter(ok);
      return `${k} ${a.length}/${all.length} admitted, p95 ${a.length ? p95(a).toFixed(0) : "-"} ms`;
    };
    const gates = await Promise.all(ports.apps.map((p) => fetch(`http://127.0.0.1:${p}/api/health`).then((r) => r.json(), () => ({})).then((h) => JSON.stringify(h.admission))));
    log(`overload at ${rate.toFixed(0)} requests/s for 15 s (${Number.isNaN(capacity) ? "capacity not measured" : `${(rate / capacity).toFixed(1)}× capacity`}; 20 % writes, 50 % reads, 30 % statistics): ${overload.length} requests; admitted p95 ${p95(admitted).toFixed(0)} ms; shed ${((100 * shed.length) / overload.length).toFixed(1)} % (429/503 + Retry-After); 5xx otherwise: ${fivexx.length}; ${byKind("write")}; ${byKind("read")}; ${byKind("bulk")}; statuses ${statuses(overload)}; the instances' admission gates after it: ${gates.join(", ")}; ${load()}`);
    await sleep(3_000);
  }

  // ── 3. the statistics overview on the standby and on the primary ──
  if (PARTS.has("standby")) {
    process.env.DATABASE_URL = clusterUrl(ports.nodes[0]!);
    process.env.AUTH_SECRET ??= "bench-cluster-secret-at-least-32-bytes-long";
    const { loadStatsContext, getStatsSummary } = await import("../lib/stats/summary");
    const { statsQuerySchema } = await import("../lib/stats/schemas");
    const ctx = await loadStatsContext({ scopePath: city.path }, statsQuerySchema.parse({ period: "year" }));
    const timings: Record<"standby" | "primary", number[]> = { standby: [], primary: [] };
    for (let i = 0; i < 120; i++) {
      for (const where of ["standby", "primary"] as const) {
        if (where === "standby") process.env.REPLICA_DATABASE_URL = clusterUrl(ports.nodes[1]!);
        else delete process.env.REPLICA_DATABASE_URL;
        const t = performance.now();
        await getStatsSummary(ctx);
        if (i >= 20) timings[where].push(performance.now() - t);
      }
    }
    const statP95 = (xs: number[]) => pct(xs.sort((a, b) => a - b), 95).toFixed(1);
    log(`statistics overview (the city, this year; 100 reads each, interleaved): standby p95 ${statP95(timings.standby)} ms, primary p95 ${statP95(timings.primary)} ms; ${load()}`);
  }

  // ── 4. rolling restart under 20 concurrent clients (16 reading, 4 feeding) ──
  if (PARTS.has("restart")) {
    const haproxyUp = async (server: string) => {
      const csv = await fetch(`http://127.0.0.1:${ports.stats}/;csv`).then((r) => r.text(), () => "");
      return csv.split("\n").some((l) => l.startsWith(`apps,${server},`) && l.split(",")[17] === "UP");
    };
    let rolling = true;
    const during: Sample[] = [];
    const clients = Array.from({ length: 20 }, async (_, c) => {
      for (let k = c; rolling; k++) during.push(c < 16 ? await read(front, k) : await post(front, 5));
    });
    await sleep(3_000);
    const restarted: string[] = [];
    for (const [i, name] of ["app-1", "app-2"].entries()) {
      const pidFile = path.join(root, `${name}.pid`);
      const pid = Number(readFileSync(pidFile, "utf8"));
      const t = Date.now();
      process.kill(pid, "SIGTERM");
      // Down in HAProxy, then a new process, then up again in HAProxy.
      while (Number(readFileSync(pidFile, "utf8")) === pid || !(await haproxyUp(name)) || !(await fetch(`http://127.0.0.1:${ports.apps[i]}/api/health`).then((r) => r.ok, () => false))) {
        if (Date.now() - t > 180_000) throw new Error(`${name} did not come back within 3 minutes`);
        await sleep(250);
      }
      restarted.push(`${name} ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    await sleep(3_000);
    rolling = false;
    await Promise.all(clients);
    const failed = during.filter((s) => !ok(s));
    const lost = failed.filter((s) => !gateRefusal(s));
    log(`rolling restart (${restarted.join(", ")} from SIGTERM to back in rotation): ${during.length} requests, not 2xx ${failed.length}, of which failed otherwise than by the admission gate's 429/503 + Retry-After: ${lost.length} (${statuses(during)}); p95 ${p95(during).toFixed(0)} ms; ${load()}`);
  }

  // ── 5. failover under six feeds ──
  if (PARTS.has("failover")) {
    const acknowledged: string[] = [];
    const writes: { start: number; end: number; ok: boolean; status: number }[] = [];
    let feeding = true;
    const feeds = Array.from({ length: 6 }, async () => {
      while (feeding) {
        const start = Date.now();
        try {
          const res = await fetch(`${front}/api/v1/warnings`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(items(20)) });
          const body = (await res.json().catch(() => null)) as { results?: { id?: string; status: string }[] } | null;
          if (res.ok) acknowledged.push(...(body?.results ?? []).filter((r) => r.id).map((r) => r.id!));
          writes.push({ start, end: Date.now(), ok: res.ok, status: res.status });
          if (!res.ok) await sleep(100);
        } catch {
          writes.push({ start, end: Date.now(), ok: false, status: 0 });
          await sleep(100);
        }
      }
    });
    await sleep(5_000);
    const state = JSON.parse(readFileSync(path.join(root, "state.json"), "utf8")) as { primary: number };
    const postmaster = Number(readFileSync(path.join(root, NODES[state.primary]!, "postmaster.pid"), "utf8").split("\n")[0]);
    const before = acknowledged.length;
    const killedAt = Date.now();
    process.kill(postmaster, "SIGKILL");
    log(`kill -9 of the primary (${NODES[state.primary]}, pid ${postmaster}) after ${before} acknowledged warnings`);
    while (!writes.some((w) => w.ok && w.start > killedAt) && Date.now() - killedAt < 120_000) await sleep(100);
    const back = writes.filter((w) => w.ok && w.start > killedAt).sort((a, b) => a.end - b.end)[0];
    await sleep(5_000);
    feeding = false;
    await Promise.all(feeds);
    const lastOkBefore = Math.max(...writes.filter((w) => w.ok && w.end <= killedAt).map((w) => w.end));
    const ids = [...new Set(acknowledged)];
    const found = (await primaryDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM warnings WHERE id = ANY($1::uuid[])`, [ids])).rows[0]!.n;
    const refused = writes.filter((w) => !w.ok);
    log(
      `failover under six feeds: ${ids.length} warnings acknowledged (${ids.length - before} after the kill), missing afterwards: ${ids.length - found}; ` +
        `writes unavailable ${back ? ((back.end - lastOkBefore) / 1000).toFixed(1) : "> 120"} s (last 2xx before the kill → first 2xx of a request sent after it); ` +
        `refused meanwhile: ${refused.length} (${[...new Set(refused.map((w) => w.status))].map((s) => s || "no answer").join(", ")}); ${load()}`,
    );
  }
} catch (e) {
  console.error(`[bench:cluster] failed: ${(e as Error).stack ?? e}`);
  code = 1;
} finally {
  await primaryDb.end().catch(() => {});
  await stopCluster();
  // The pair has failed over: it cannot start again as it is (scripts/cluster.ts says so).
  if (!process.env.BENCH_KEEP) rmSync(root, { recursive: true, force: true });
}
process.exit(code);
