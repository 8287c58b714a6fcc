// Priorities under overload (issue 18, item 4): past capacity, intake and writes are served and
// statistics, exports and lists are refused first — 429 (API) or 503 (pages) with Retry-After in
// seconds and Retry-After-Ms, never a 500 — and a hung ingestion batch times out instead of holding
// the ingestion lock (503 + Retry-After); a page the database failed is a 503 too, not a 500.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { getDb } from "@/lib/db";
import { pgConfigFromUrl } from "@/lib/db-url";
import { AppError } from "@/lib/errors";
import { AdmissionGate, classify, DEFAULT_ADMISSION, gateRequest } from "@/lib/http/admission";
import { installUnavailablePages, noteRequestError } from "@/lib/http/unavailable-pages";
import { ingestWarnings, INGEST_LOCK } from "@/lib/warnings/ingest";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { POST } from "@/app/api/v1/warnings/route";
import { makeApiKey, makeUnitTree, warningInput } from "@/tests/factories";

const ID = "0190a8f2-7c1e-7d3a-9b2f-1a2b3c4d5e6f";

describe("request classes", () => {
  it("puts intake and every write first, work pages next, statistics, exports and lists last", () => {
    expect(classify("POST", "/api/v1/warnings")).toBe("write");
    expect(classify("POST", "/warnings/" + ID)).toBe("write"); // a server action
    expect(classify("PATCH", "/api/v1/cases/" + ID)).toBe("write");
    expect(classify("GET", "/warnings")).toBe("read");
    expect(classify("GET", "/field")).toBe("read");
    expect(classify("GET", `/warnings/${ID}?tab=1`)).toBe("read");
    expect(classify("GET", "/cases/new")).toBe("read");
    expect(classify("GET", `/api/v1/warnings/${ID}`)).toBe("read");
    expect(classify("GET", "/stats/rankings")).toBe("bulk");
    expect(classify("GET", "/api/v1/stats/summary")).toBe("bulk");
    expect(classify("GET", "/api/v1/stats/export?format=csv")).toBe("bulk");
    expect(classify("GET", "/audit/export")).toBe("bulk");
    expect(classify("GET", "/cases")).toBe("bulk");
    expect(classify("GET", "/persons")).toBe("bulk");
    expect(classify("POST", "/api/activity")).toBe("bulk");
    expect(classify("GET", "/api/alerts")).toBe("read");
    expect(classify("GET", "/api/health")).toBeNull();
    expect(classify("GET", "/api/v1/warnings/stream")).toBeNull();
    expect(classify("GET", "/_next/static/chunks/a.js")).toBeNull();
  });
});

describe("admission at 2.5× capacity", () => {
  let server: http.Server;
  let base = "";
  const gate = new AdmissionGate({ ...DEFAULT_ADMISSION, concurrency: 4 });
  /** What the server took for each request it admitted, queueing included (the client's own overhead apart). */
  const admittedMs: number[] = [];
  beforeAll(async () => {
    // A server whose every answer takes 100 ms of work, behind the gate as the app's is.
    server = http.createServer((req, res) => {
      const arrived = performance.now();
      gateRequest(gate, req, res, () => {
        req.resume();
        res.once("finish", () => admittedMs.push(performance.now() - arrived));
        setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end("{}"), 100);
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("serves every write, sheds statistics and lists first, with Retry-After, never a 500", async () => {
    const one = async (kind: string, method: string, path: string) => {
      const res = await fetch(base + path, { method, body: method === "POST" ? "[]" : undefined, headers: { connection: "close" } });
      const body = await res.text();
      return { kind, status: res.status, retryAfter: res.headers.get("retry-after"), retryAfterMs: res.headers.get("retry-after-ms"), body };
    };
    // ~2.5× what 4 slots of 100 ms serve in a second, all at once.
    // Interleaved, so that no class arrives before the others.
    const calls = Array.from({ length: 30 }, (_, i) => [
      i < 20 ? one("intake", "POST", "/api/v1/warnings") : null,
      one("stats", "GET", "/stats"),
      i < 20 ? one("statsApi", "GET", "/api/v1/stats/summary") : null,
      i < 20 ? one("detail", "GET", `/warnings/${ID}`) : null,
    ]).flat().filter((c) => c !== null);
    const results = await Promise.all(calls);
    const of = (kind: string) => results.filter((r) => r.kind === kind);

    expect(results.filter((r) => r.status >= 500 && r.status !== 503)).toEqual([]);
    expect(of("intake").map((r) => r.status)).toEqual(Array(20).fill(200));
    const shedPages = of("stats").filter((r) => r.status !== 200);
    const shedApi = of("statsApi").filter((r) => r.status !== 200);
    expect(shedPages.length).toBeGreaterThan(15);
    expect(shedApi.length).toBeGreaterThan(10);
    for (const r of shedPages) {
      expect(r.status).toBe(503);
      expect(r.body).toContain("系统繁忙");
    }
    for (const r of shedApi) {
      expect(r.status).toBe(429);
      expect(JSON.parse(r.body).error).toMatchObject({ code: "RATE_LIMITED", retryAfterMs: Number(r.retryAfterMs) });
    }
    for (const r of [...shedPages, ...shedApi]) {
      expect(Number(r.retryAfterMs)).toBeGreaterThanOrEqual(1000);
      expect(Number(r.retryAfter)).toBe(Math.ceil(Number(r.retryAfterMs) / 1000));
    }
    // Fewer detail reads than statistics are refused (their class ranks higher).
    expect(of("detail").filter((r) => r.status !== 200).length / 20).toBeLessThan(shedPages.length / 30);
    const admitted = admittedMs.sort((a, b) => a - b);
    expect(admitted).toHaveLength(results.filter((r) => r.status === 200).length);
    expect(admitted[Math.floor(admitted.length * 0.95)]!).toBeLessThan(1000);
    expect(gate.stats.inFlight).toBe(0);
    expect(gate.stats.queued).toBe(0);
  });
});

describe("the ingestion transaction's statement timeout", () => {
  let feed: Awaited<ReturnType<typeof makeApiKey>>;
  beforeAll(async () => {
    const tree = await makeUnitTree();
    forgetRoutingTable();
    feed = await makeApiKey(tree.city, ["warnings:ingest", "warnings:read"]);
    process.env.INGEST_STATEMENT_TIMEOUT_MS = "400";
    process.env.INGEST_LOCK_WAIT_MS = "400";
    // A batch that hangs inside the lock: a trigger that sleeps for one marked row only.
    await getDb().$executeRaw`CREATE OR REPLACE FUNCTION test_hang() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(5); RETURN NEW; END $$`;
    await getDb().$executeRaw`CREATE TRIGGER test_hang BEFORE INSERT ON warnings FOR EACH ROW WHEN (NEW.note = 'hang-test') EXECUTE FUNCTION test_hang()`;
  });
  afterAll(async () => {
    delete process.env.INGEST_STATEMENT_TIMEOUT_MS;
    delete process.env.INGEST_LOCK_WAIT_MS;
    await getDb().$executeRaw`DROP TRIGGER IF EXISTS test_hang ON warnings`;
    await getDb().$executeRaw`DROP FUNCTION IF EXISTS test_hang()`;
  });

  // Advisory locks are per database: another worker's database takes the same lock for its own runs.
  const held = () => getDb().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pg_locks
     WHERE locktype = 'advisory' AND objid = ${INGEST_LOCK} AND granted
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

  it("times a hung batch out (503 + Retry-After), releases the lock, and the next batch goes through", async () => {
    const started = Date.now();
    const hung = POST(new Request("http://localhost/api/v1/warnings", {
      method: "POST", body: JSON.stringify([warningInput({ note: "hang-test" })]), headers: { "content-type": "application/json", authorization: `Bearer ${feed.key}` },
    }), { params: Promise.resolve({}) });
    const res = await hung;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("retry-after-ms")).toBe("5000");
    expect((await res.json()).error.code).toBe("UNAVAILABLE");
    expect(Number((await held())[0]!.n)).toBe(0);
    const [next] = await ingestWarnings(feed.actor, [warningInput()]);
    expect(next!.status).toBe("created");
    expect(await getDb().warning.count({ where: { note: "hang-test" } })).toBe(0);
  });

  it("answers 503 when another session holds the ingestion lock past the lock wait", async () => {
    const other = new pg.Client(pgConfigFromUrl(process.env.DATABASE_URL!));
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1::bigint)", [INGEST_LOCK]);
      const e = await ingestWarnings(feed.actor, [warningInput()]).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(503);
    } finally {
      await other.end();
    }
    const [after] = await ingestWarnings(feed.actor, [warningInput()]);
    expect(after!.status).toBe("created");
  });
});

describe("a page the database failed", () => {
  // A stand-in for Next: it renders, and on an error reports it as Next does (onRequestError, with
  // the request's headers) and answers its error page with 500.
  const pool = new pg.Pool({ ...pgConfigFromUrl(process.env.DATABASE_URL!), max: 1, connectionTimeoutMillis: 100 });
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    installUnavailablePages();
    server = http.createServer((req, res) => {
      void (async () => {
        try {
          if (req.url?.includes("broken")) throw new Error("a bug, not the database");
          const client = await pool.connect(); // the pool's one connection is held: times out
          client.release();
          res.end("ok");
        } catch (e) {
          noteRequestError(e, req.headers);
          res.statusCode = 500;
          res.end("<h1>出错了</h1>");
        }
      })();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await pool.end();
  });

  it("answers 503 with Retry-After when the pool had no connection to give, 500 for anything else", async () => {
    const held = await pool.connect();
    try {
      const page = await fetch(`${base}/stats`);
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");
      expect(page.headers.get("retry-after-ms")).toBe("5000");
      // The API answers its own 503 (lib/http/route.ts); a bug stays a 500; a caller cannot name a request.
      expect((await fetch(`${base}/api/v1/stats/summary`)).status).toBe(500);
      expect((await fetch(`${base}/broken`)).status).toBe(500);
      expect((await fetch(`${base}/broken`, { headers: { "x-fanzha-page-request": "1" } })).status).toBe(500);
    } finally {
      held.release();
    }
    expect((await fetch(`${base}/stats`)).status).toBe(200);
  });
});
