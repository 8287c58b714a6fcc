// Issue 18, item 3: the primary dies under six feeds and no warning answered 2xx is lost. The real
// topology of `npm run cluster` without its app instances and demo data (CLUSTER_APPS=0, CLUSTER_DEMO=0): a primary and its
// synchronous standby, HAProxy routing to whichever is writable, PgBouncer in transaction mode in
// front; the ingestion route's handler runs in this process on PgBouncer, as an instance does.
// `kill -9` of the primary's postmaster; the cluster's supervisor promotes the standby; every id
// acknowledged before, during and after is on the new primary, the outage is answered 503 with
// Retry-After (never a 500), and writes resume without a restart. Needs Debian's haproxy and
// pgbouncer (.ci/run installs them).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { clusterLayout, clusterUrl, NODES } from "@/scripts/cluster-layout";
import { makeApiKey, makeUnitTree, useOwnDatabase, warningInput } from "@/tests/factories";
import { TEST_PORT_OFFSET } from "@/tests/setup/test-database";
import { until } from "./until";

// Ports of its own, apart from other checkouts' (their TEST_PG_PORTs differ by 10 or more) and below
// the ephemeral range (tests/setup/test-database.ts).
const offset = TEST_PORT_OFFSET;
const layoutEnv = { CLUSTER_DIR: `.data/cluster-test-${offset}`, CLUSTER_PORT: String(20_000 + offset * 3), CLUSTER_PG_PORT: String(25_000 + offset) };
const { root, ports } = clusterLayout(layoutEnv);

let cluster: ChildProcess;
let db: Db;
let release: () => void;
const said: string[] = [];

beforeAll(async () => {
  for (const tool of ["haproxy", "pgbouncer"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) throw new Error(`${tool} is not installed (apt-get install haproxy pgbouncer; .ci/run does)`);
  }
  rmSync(root, { recursive: true, force: true });
  cluster = spawn("node_modules/.bin/tsx", ["--import", "./scripts/server-only-off.mjs", "scripts/cluster.ts"], {
    env: { ...process.env, ...layoutEnv, CLUSTER_APPS: "0", CLUSTER_DEMO: "0", FAILOVER_AFTER_MS: "2000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cluster.stdout!.on("data", (d: Buffer) => said.push(d.toString()));
  cluster.stderr!.on("data", (d: Buffer) => said.push(d.toString()));
  for (const end = Date.now() + 150_000; !said.join("").includes("ready"); ) {
    if (cluster.exitCode !== null || Date.now() > end) throw new Error(`the cluster did not start:\n${said.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // The app's one client, on PgBouncer as an instance of the cluster has it.
  ({ db, release } = useOwnDatabase(clusterUrl(ports.bouncer)));
}, 180_000);

afterAll(async () => {
  release?.();
  await db?.$disconnect();
  if (cluster && cluster.exitCode === null) {
    cluster.kill("SIGINT");
    await new Promise((r) => cluster.once("exit", r));
  }
  rmSync(root, { recursive: true, force: true });
}, 60_000);

describe("the primary dies under six feeds", () => {
  it("promotes the standby, loses no acknowledged warning, and answers 503 meanwhile", async () => {
    const { POST } = await import("@/app/api/v1/warnings/route");
    const tree = await makeUnitTree();
    const { key } = await makeApiKey(tree.city, ["warnings:ingest"]);
    const post = (items: unknown[]) =>
      POST(
        new Request("http://localhost/api/v1/warnings", { method: "POST", body: JSON.stringify(items), headers: { "content-type": "application/json", authorization: `Bearer ${key}` } }),
        { params: Promise.resolve({}) },
      );

    const acknowledged: string[] = [];
    const failures: { status: number; retryAfter: string | null }[] = [];
    let killedAt = Infinity;
    let okAfter = 0;
    let firstOkAfter = 0;
    let stop = false;
    const feed = async () => {
      while (!stop) {
        const sent = Date.now();
        const res = await post(Array.from({ length: 10 }, () => warningInput()));
        if (res.ok) {
          const body = (await res.json()) as { results: { id?: string; status: string }[] };
          acknowledged.push(...body.results.filter((r) => r.status === "created").map((r) => r.id!));
          if (sent > killedAt && okAfter++ === 0) firstOkAfter = Date.now();
        } else {
          await res.arrayBuffer();
          failures.push({ status: res.status, retryAfter: res.headers.get("retry-after") });
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const feeds = Array.from({ length: 6 }, feed);

    await until("300 warnings acknowledged", () => acknowledged.length >= 300, 30_000, 20);
    const postmaster = Number(readFileSync(path.join(root, NODES[0], "postmaster.pid"), "utf8").split("\n")[0]);
    killedAt = Date.now();
    process.kill(postmaster, "SIGKILL");
    const before = acknowledged.length;
    await until("30 answers after the failover", () => okAfter >= 30, 60_000, 20);
    stop = true;
    await Promise.all(feeds);

    // The standby was promoted: the supervisor says so, and the node answers as a primary.
    expect(JSON.parse(readFileSync(path.join(root, "state.json"), "utf8"))).toMatchObject({ primary: 1, failedOver: true });
    const [row] = await db.$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`;
    expect(row?.standby).toBe(false);
    // Every id answered 2xx — before the kill, and after it — is there, once.
    expect(acknowledged.length).toBeGreaterThan(before);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(await db.warning.count({ where: { id: { in: acknowledged } } })).toBe(acknowledged.length);
    // The outage was answered as one: 503 with Retry-After, never a 500; and it ended.
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) expect(f).toEqual({ status: 503, retryAfter: "5" });
    console.log(`[cluster-failover] ${acknowledged.length} acknowledged, none lost; writes resumed ${((firstOkAfter - killedAt) / 1000).toFixed(1)} s after the kill`);
  }, 120_000);
});
