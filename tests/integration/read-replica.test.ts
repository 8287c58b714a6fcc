// Issue 18, item 3: the leaders' statistics and exports read from a streaming standby, with a
// fallback to the primary when the standby lags more than REPLICA_MAX_LAG_SECONDS or is down — the
// same request answers (200, never a 500), from the primary. A real standby of the test server on
// a port of its own (tests/setup/standby.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { GET as getSummary } from "@/app/api/v1/stats/summary/route";
import { GET as getExport } from "@/app/api/v1/stats/export/route";
import { makeApiKey, makeUnitTree, type TestTree } from "@/tests/factories";
import { startStandby, type Standby } from "@/tests/setup/standby";
import { TEST_CLUSTER } from "@/tests/setup/test-database";
import { seedWarning } from "./stats-fixtures";

const port = TEST_CLUSTER.port + 75;
const MAX_LAG_SECONDS = 4;
let standby: Standby;
let tree: TestTree;
let cityKey: string;
let branchKey: string;

const primarySql = async (sql: string) => {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
};

/** Waits until the standby has replayed everything the primary has written so far. */
async function caughtUp() {
  const { rows } = await primarySql("SELECT pg_current_wal_lsn()::text AS lsn");
  for (const end = Date.now() + 20_000; Date.now() < end; ) {
    const r = await standby.query(`SELECT pg_last_wal_replay_lsn() >= '${rows[0].lsn}'::pg_lsn AS ok`);
    if (r.rows[0].ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the standby did not catch up within 20 s");
}

/** Warnings the city's leaders see handled in 2025 (the summary's 处置预警), and the HTTP status. */
async function handled(key: string, unit = tree.city.code): Promise<{ status: number; value?: number }> {
  const res = await getSummary(
    new Request(`http://localhost/api/v1/stats/summary?from=2025-01-01&to=2025-12-31&unit=${unit}`, { headers: { authorization: `Bearer ${key}` } }),
    { params: Promise.resolve({}) },
  );
  if (!res.ok) return { status: res.status };
  const body = (await res.json()) as { figures: { key: string; value: string }[] };
  return { status: res.status, value: Number(body.figures.find((f) => f.key === "warningsHandled")!.value) };
}

/** The same count straight from the standby's tables. */
async function onStandby(): Promise<number> {
  const db = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const c = new pg.Client({ connectionString: Object.assign(new URL(standby.url), { pathname: `/${db}` }).toString() });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM warnings w JOIN units u ON u.id = w."unitId" WHERE u.path LIKE $1 AND w.status = 'RESOLVED'`, [`${tree.city.path}%`]);
    return rows[0].n;
  } finally {
    await c.end();
  }
}

const resolvedIn2025 = (unitId: string, i: number) =>
  seedWarning(unitId, { receivedAt: new Date(Date.UTC(2025, i % 12, 10, 3)), resolvedAt: new Date(Date.UTC(2025, i % 12, 10, 5)), outcome: "DISSUADED" });

beforeAll(async () => {
  standby = await startStandby({ primaryUrl: process.env.DATABASE_URL!, primaryDir: TEST_CLUSTER.dir, dir: `.data/pg-standby-${port}`, port, slot: `it_standby_${port}` });
  process.env.REPLICA_DATABASE_URL = Object.assign(new URL(standby.url), { pathname: new URL(process.env.DATABASE_URL!).pathname }).toString();
  process.env.REPLICA_MAX_LAG_SECONDS = String(MAX_LAG_SECONDS);
  tree = await makeUnitTree();
  for (let i = 0; i < 5; i++) await resolvedIn2025(tree.branches[0]!.precincts[i % 2]!.id, i);
  for (let i = 0; i < 3; i++) await resolvedIn2025(tree.branches[1]!.precincts[i % 2]!.id, i);
  cityKey = (await makeApiKey(tree.city, ["stats:read"])).key;
  branchKey = (await makeApiKey(tree.branches[0]!, ["stats:read"])).key;
}, 120_000);

afterAll(async () => {
  delete process.env.REPLICA_DATABASE_URL;
  await standby?.remove();
});

describe("the leaders' statistics on the standby", () => {
  it("are read from the standby while it keeps up, from the primary once it lags too far", async () => {
    await caughtUp();
    expect(await handled(cityKey)).toEqual({ status: 200, value: 8 });
    // Jurisdiction holds on the standby as on the primary: a branch sees its own, not the other's or the city's.
    expect(await handled(branchKey, tree.branches[0]!.code)).toEqual({ status: 200, value: 5 });
    expect((await handled(branchKey, tree.branches[1]!.code)).status).toBe(404);

    // The standby stops replaying (just after a commit, so its lag counts from now): what the
    // primary writes next is not on it.
    await seedWarning(tree.center.id, { receivedAt: new Date(Date.UTC(2024, 5, 1)) });
    await caughtUp();
    await standby.query("SELECT pg_wal_replay_pause()");
    await resolvedIn2025(tree.branches[1]!.precincts[0]!.id, 1);
    await resolvedIn2025(tree.branches[1]!.precincts[1]!.id, 2);
    const paused = Date.now();
    // The first read answers from the standby (it lags by less than the limit yet): the old figure.
    expect(await handled(cityKey)).toEqual({ status: 200, value: 8 });
    expect(await onStandby()).toBe(8);

    // Once its lag passes REPLICA_MAX_LAG_SECONDS, the same read answers from the primary.
    let seen = await handled(cityKey);
    while (seen.value === 8 && Date.now() - paused < 20_000) {
      await new Promise((r) => setTimeout(r, 250));
      seen = await handled(cityKey);
    }
    expect(seen).toEqual({ status: 200, value: 10 });
    expect(Date.now() - paused).toBeGreaterThanOrEqual(MAX_LAG_SECONDS * 1000 - 1000);
    expect(await onStandby()).toBe(8);

    await standby.query("SELECT pg_wal_replay_resume()");
    await caughtUp();
    expect(await onStandby()).toBe(10);
  }, 60_000);

  it("answer from the primary, without an error, the moment the standby dies", async () => {
    // A read now: the standby is in use and its verdict is fresh, so the next read goes to it first.
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await handled(cityKey)).toEqual({ status: 200, value: 10 });
    standby.kill();
    await resolvedIn2025(tree.center.id, 3);
    expect(await handled(cityKey)).toEqual({ status: 200, value: 11 });
    expect(await handled(branchKey, tree.branches[0]!.code)).toEqual({ status: 200, value: 5 });
    const res = await getExport(
      new Request(`http://localhost/api/v1/stats/export?from=2025-01-01&to=2025-12-31&unit=${tree.city.code}`, { headers: { authorization: `Bearer ${cityKey}` } }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
  }, 60_000);
});
