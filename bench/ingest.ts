// `npm run bench:ingest`: warnings/s through the HTTP ingestion API in 5,000-item batches, next to
// a plain COPY of the same kind of rows into the same table, on a database preloaded with ≥ 1 M
// warnings; then the triage queue's first page over HTTP (p50/p95). Prints figures; asserts nothing.
// Knobs: BENCH_PRELOAD (1000000), BENCH_API (100000), BENCH_CONCURRENCY (2), BENCH_PORT (3200),
// BENCH_AGE (60: the warnings were received up to this many seconds ago, as a live feed sends
// them; 3600 makes most of them overdue on arrival, so the escalation job works alongside),
// BENCH_DATABASE_URL (a server to use instead of the embedded one), BENCH_KEEP (keep the database),
// BENCH_TARGET_URL (a database already loaded — the city-year — used as it is: no demo data, no
// preload, and the rows this run adds are deleted at the end). OUTBOUND_SIMULATOR=off starts the
// app without the gateway simulator, so no outbox worker runs: intake alone, the ladders' messages
// queued and nothing sent (by default every fresh warning's SMS, 闪信 and robot calls are sent,
// answered and recorded on the same two cores while the intake runs).
// Two baselines: COPY of the same rows into `warnings` itself (their persons linked first, as
// ingestion does, then the table's indexes and triggers), and a bare
// COPY into a table of the same columns with four indexes and no trigger — what storing a warning
// costs at this size, so the ratio shows what the platform adds beyond it (issue 18 item 8).
import { randomInt } from "node:crypto";
import os from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { generateApiKey } from "../lib/auth/api-keys";
import { copyLine, createDb } from "../lib/db";
import { uuidv7 } from "../lib/ids";
import { demoDatabase, pct, startApp, treeCpuSeconds } from "./app";

const PRELOAD = Number(process.env.BENCH_PRELOAD ?? 1_000_000);
const API_ROWS = Number(process.env.BENCH_API ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const AGE_MS = Number(process.env.BENCH_AGE ?? 60) * 1000;
const BATCH = 5_000;
const log = (s: string) => console.log(`[bench:ingest] ${s}`);
const secs = (ms: number) => (ms / 1000).toFixed(1);

const TARGET = process.env.BENCH_TARGET_URL;
const RUN = Date.now().toString(36);
const { url, db, drop, serverPid } = TARGET
  ? { url: TARGET, db: createDb(TARGET), drop: async () => {}, serverPid: undefined }
  : await demoDatabase("bench");
const precincts = await db.unit.findMany({ where: { kind: "PRECINCT" }, select: { id: true, code: true } });
const sql = new pg.Pool({ connectionString: url, max: 4 });

// ── 1. preload ≥ 1 M warnings, server-side ──
let t = Date.now();
const unitIds = precincts.map((p) => p.id);
for (let done = 0; !TARGET && done < PRELOAD; done += 200_000) {
  const n = Math.min(200_000, PRELOAD - done);
  await sql.query(
    `INSERT INTO warnings (id, source, "externalId", "riskLevel", "fraudType", status, outcome, priority, "receivedAt", "lastSeenAt",
       "victimPhone", "contactChannel", "contactValue", "unitId", "routedBy", "ackDueAt", "contactDueAt", "resolveDueAt",
       "acknowledgedAt", "firstContactAt", "resolvedAt", "slaDueAt", "updatedAt")
     SELECT gen_random_uuid(), 'NATIONAL', 'PRE-' || g, r.risk::"RiskLevel", 'FAKE_INVESTMENT', s.status::"WarningStatus",
       CASE WHEN s.status = 'RESOLVED' THEN 'DISSUADED'::"WarningOutcome" END, 20, at, at,
       '13' || lpad((g % 1000000000)::text, 9, '0'), 'PHONE', 'C' || g, ($3::uuid[])[1 + g % array_length($3::uuid[], 1)], 'ADDRESS',
       at + interval '30 minutes', at + interval '2 hours', at + interval '3 days',
       CASE WHEN s.status <> 'PENDING' THEN at + interval '5 minutes' END, CASE WHEN s.status IN ('IN_PROGRESS','RESOLVED') THEN at + interval '20 minutes' END,
       CASE WHEN s.status = 'RESOLVED' THEN at + interval '1 hour' END,
       CASE s.status WHEN 'PENDING' THEN at + interval '30 minutes' WHEN 'ACKNOWLEDGED' THEN at + interval '2 hours' WHEN 'IN_PROGRESS' THEN at + interval '3 days' END,
       now()
     FROM generate_series($1::bigint, $2::bigint) g
     CROSS JOIN LATERAL (SELECT (now() - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute') AT TIME ZONE 'UTC' AS at) a
     CROSS JOIN LATERAL (SELECT (ARRAY['CRITICAL','HIGH','MEDIUM','LOW'])[1 + g % 4] AS risk) r
     CROSS JOIN LATERAL (SELECT CASE WHEN g % 500 = 0 THEN 'PENDING' WHEN g % 500 = 1 THEN 'ACKNOWLEDGED' WHEN g % 500 = 2 THEN 'IN_PROGRESS' ELSE 'RESOLVED' END AS status) s`,
    [done + 1, done + n, unitIds],
  );
  log(`preloaded ${(done + n).toLocaleString()} warnings`);
}
if (!TARGET) await sql.query("ANALYZE warnings");
const preloadMs = Date.now() - t;

// ── 2. the app, and a key for the feed ──
const { key, prefix, keyHash } = generateApiKey();
const city = await db.unit.findFirstOrThrow({ where: { kind: "CITY" } });
const apiKey = await db.apiKey.create({ data: { name: `bench-${RUN}`, prefix, keyHash, unitId: city.id, scopes: ["warnings:ingest", "warnings:read"], sources: ["NATIONAL", "PROVINCIAL", "BANK", "CARRIER"] } });
log("starting the app (builds it if the sources changed)…");
const app = await startApp(url, PORT);
const base = app.url;

// ── 3. HTTP ingestion ──
const now = Date.now();
// Victims and contacts of this run only: a run on a database that earlier runs wrote to would
// otherwise meet their open warnings, and measure repeats.
const PHONES = randomInt(0, 900_000_000);
const item = (i: number, tag: string) => ({
  source: "PROVINCIAL",
  externalId: `${tag}-${RUN}-${i}`,
  riskLevel: ["CRITICAL", "HIGH", "MEDIUM", "LOW"][i % 4],
  fraudType: "REBATE_TASK",
  receivedAt: new Date(now - randomInt(0, AGE_MS + 1)).toISOString(),
  victim: { name: "测试", phone: `15${String(PHONES + i).padStart(9, "0")}`, address: "十堰市某街道" },
  unitCode: precincts[i % precincts.length]!.code,
  contact: { channel: "PHONE", value: `${tag}${RUN}${i}` },
  amountAtRisk: "1000.00",
});
const batches: string[] = [];
for (let i = 0; i < API_ROWS; i += BATCH) batches.push(JSON.stringify(Array.from({ length: Math.min(BATCH, API_ROWS - i) }, (_, j) => item(i + j, "API"))));
// Warm-up: one small batch so compilation and pools are not measured.
await fetch(`${base}/api/v1/warnings`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify([item(0, "WARM")]) });
const cpu = () => ({ app: treeCpuSeconds(app.child.pid!), db: serverPid ? treeCpuSeconds(serverPid) : NaN });
const cpuBefore = cpu();
t = Date.now();
let created = 0;
let next = 0;
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  while (next < batches.length) {
    const body = batches[next++]!;
    const res = await fetch(`${base}/api/v1/warnings`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    const { summary } = (await res.json()) as { summary: { created: number } };
    created += summary.created; // not `created += await …`: that reads `created` before the await
  }
}));
const apiMs = Date.now() - t;
const apiRate = API_ROWS / (apiMs / 1000);
const cpuAfter = cpu();
const perBatch = (k: "app" | "db") => (((cpuAfter[k] - cpuBefore[k]) * 1000) / batches.length).toFixed(0);

// ── 4. COPY of the same kind of rows into the same table ──
function* copyLines(tag: string, rows = API_ROWS, first = 0) {
  for (let i = first; i < first + rows; i++) {
    const w = item(i, tag);
    const at = new Date(w.receivedAt);
    const plus = (m: number) => new Date(at.getTime() + m * 60_000).toISOString();
    yield copyLine([uuidv7(), w.source, w.externalId, w.riskLevel, w.fraudType, 30, w.receivedAt, w.receivedAt, w.victim.name, w.victim.phone, w.victim.address,
      w.contact.channel, w.contact.value, w.amountAtRisk, precincts[i % precincts.length]!.id, "UNIT_CODE", plus(10), plus(30), plus(1440), plus(10), new Date().toISOString()]);
  }
}
const COPY_COLUMNS = `(id, source, "externalId", "riskLevel", "fraudType", priority, "receivedAt", "lastSeenAt", "victimName", "victimPhone", "victimAddress",
  "contactChannel", "contactValue", "amountAtRisk", "unitId", "routedBy", "ackDueAt", "contactDueAt", "resolveDueAt", "slaDueAt", "updatedAt")`;
/**
 * The COPY lines of `rows` rows as ingestion writes them into warnings: the rows' persons found
 * first, all at once (person_link_rows), each line led by its person (COPY with LINKED_COLUMNS).
 */
async function linkedLines(client: pg.PoolClient, tag: string, rows: number, first: number): Promise<string[]> {
  const lines = [...copyLines(tag, rows, first)];
  const phones = lines.map((_, j) => item(first + j, tag).victim.phone);
  const { rows: [linked] } = await client.query<{ persons: (string | null)[] }>("SELECT person_link_rows($1::text[], $2::text[])::text[] AS persons", [phones, phones.map(() => null)]);
  return lines.map((l, j) => `${linked!.persons[j] ?? "\\N"}\t${l}`);
}
const LINKED_COLUMNS = `("personId", ${COPY_COLUMNS.slice(1)}`;
/** rows/s of a COPY of API_ROWS rows into `table`: into warnings as ingestion writes them (linkedLines), timed with the linking. */
async function copyRate(table: string, tag: string): Promise<number> {
  const client = await sql.connect();
  try {
    await client.query("SET TIME ZONE 'UTC'");
    const started = Date.now();
    if (table === "warnings") {
      await pipeline(Readable.from(await linkedLines(client, tag, API_ROWS, 0)), client.query(copyFrom(`COPY warnings ${LINKED_COLUMNS} FROM STDIN`)));
    } else {
      await pipeline(Readable.from(copyLines(tag)), client.query(copyFrom(`COPY ${table} ${COPY_COLUMNS} FROM STDIN`)));
    }
    return API_ROWS / ((Date.now() - started) / 1000);
  } finally {
    client.release();
  }
}
const copyRateReal = await copyRate("warnings", "COPY");
// The bare table: the same columns, a primary key, the feed's unique key and two lookup indexes.
const bare = `bench_bare_${RUN}`;
await sql.query(`CREATE TABLE ${bare} (LIKE warnings INCLUDING DEFAULTS)`);
await sql.query(`ALTER TABLE ${bare} ADD PRIMARY KEY (id)`);
await sql.query(`CREATE UNIQUE INDEX ON ${bare} (source, "externalId")`);
await sql.query(`CREATE INDEX ON ${bare} ("unitId", status, "receivedAt")`);
await sql.query(`CREATE INDEX ON ${bare} ("victimPhone")`);
const copyRateBare = await copyRate(bare, "BARE");
await sql.query(`DROP TABLE ${bare}`);

// ── 5. the queue's first page over HTTP ──
const total = Number((await sql.query("SELECT count(*) FROM warnings")).rows[0].count);
const samples: number[] = [];
for (let i = 0; i < 220; i++) {
  const s = performance.now();
  const res = await fetch(`${base}/api/v1/warnings?limit=50`, { headers: { authorization: `Bearer ${key}` } });
  await res.arrayBuffer();
  if (i >= 20) samples.push(performance.now() - s);
}
samples.sort((a, b) => a - b);

console.log("");
console.log(`warnings in the table           ${total.toLocaleString()} (preload ${secs(preloadMs)} s)`);
console.log(`HTTP ingestion                  ${API_ROWS.toLocaleString()} in ${secs(apiMs)} s = ${Math.round(apiRate).toLocaleString()} warnings/s (${BATCH}-item batches, ${CONCURRENCY} concurrent; ${created.toLocaleString()} created)`);
console.log(`CPU per 5,000-item batch          app ${perBatch("app")} ms, PostgreSQL ${perBatch("db")} ms (${os.cpus().length} cores; received up to ${AGE_MS / 1000} s before)`);
console.log(`COPY into warnings itself       ${Math.round(copyRateReal).toLocaleString()} rows/s (persons linked first, as ingestion does; its indexes and triggers)`);
console.log(`COPY into a bare 4-index table  ${Math.round(copyRateBare).toLocaleString()} rows/s (same rows, no trigger)`);
console.log(`ratio HTTP / COPY into warnings ${(apiRate / copyRateReal).toFixed(2)}×   (target ≥ 0.4×)`);
console.log(`ratio HTTP / bare COPY          ${(apiRate / copyRateBare).toFixed(2)}×   (target ≥ 0.25×; the platform's whole cost per warning over storing it)`);
console.log(`queue first page over HTTP      p50 ${pct(samples, 50).toFixed(1)} ms, p95 ${pct(samples, 95).toFixed(1)} ms over ${samples.length} requests (target p95 ≤ 50 ms)`);

await app.stop();

// ── 6. where a warning's time goes in the database ──
// A 5,000-row batch written as ingestion writes it (victims and contacts not seen before): the
// batch's persons linked at once (person_link_rows), then a COPY into warnings with them; rolled
// back, with one step (trigger or group) left out at a time and with none at all (replica mode:
// the table's indexes and nothing else, foreign keys unchecked too); the variants take turns,
// BREAKDOWN_RUNS rounds, and each prints its median. The app must be stopped: ALTER TABLE locks.
const BREAKDOWN_RUNS = Number(process.env.BENCH_BREAKDOWN_RUNS ?? 5);
const variants: { name: string; off: string[] | "all"; link: boolean }[] = [
  { name: "every step", off: [], link: true },
  { name: "less person linking", off: ["person_link_insert"], link: false },
  { name: "less the person's dates", off: ["person_state_insert"], link: true },
  { name: "less the contact links", off: ["fraud_contact_insert"], link: true },
  { name: "less the statistics and profiles", off: ["stat_rollup_insert", "profile_rollup_insert"], link: true },
  { name: "no trigger (indexes only)", off: "all", link: false },
];
const timings = new Map<string, number[]>(variants.map((v) => [v.name, []]));
for (let round = 0; round < BREAKDOWN_RUNS; round++) {
  for (const v of variants) {
    const client = await sql.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL TIME ZONE 'UTC'");
      if (v.off === "all") await client.query("SET LOCAL session_replication_role = replica");
      else for (const trigger of v.off) await client.query(`ALTER TABLE warnings DISABLE TRIGGER ${trigger}`);
      const [tag, first] = [`B${round}`, API_ROWS + round * BATCH];
      const started = performance.now();
      if (v.link) await pipeline(Readable.from(await linkedLines(client, tag, BATCH, first)), client.query(copyFrom(`COPY warnings ${LINKED_COLUMNS} FROM STDIN`)));
      else await pipeline(Readable.from(copyLines(tag, BATCH, first)), client.query(copyFrom(`COPY warnings ${COPY_COLUMNS} FROM STDIN`)));
      timings.get(v.name)!.push(performance.now() - started);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  }
}
console.log("");
console.log(`where a 5,000-row batch spends its time in the database (median of ${BREAKDOWN_RUNS}, rolled back):`);
const median = (name: string) => pct([...timings.get(name)!].sort((a, b) => a - b), 50);
const all = median("every step");
for (const v of variants) {
  const ms = median(v.name);
  console.log(`  ${v.name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${v.off.length ? `(${(all - ms).toFixed(0)} ms less)` : ""}`);
}
if (TARGET) {
  // Leave the loaded database as it was: this run's warnings (and what hangs off them) and its key.
  const ours = [`API-${RUN}-%`, `COPY-${RUN}-%`, `WARM-${RUN}-%`];
  try {
    // What the app's workers hung off them meanwhile (the ladder's calls as actions) goes first,
    // and the outbox's queued deliveries of their messages (a deleted message's job would be
    // fetched and dropped by the next run's worker: 125 k of them once loaded a run's database).
    const mine = `SELECT id FROM warnings WHERE "externalId" LIKE ANY($1)`;
    // (No worker ran, OUTBOUND_SIMULATOR=off on a database that never had one: no jobs table.)
    const { rows: [jobs] } = await sql.query("SELECT to_regclass('graphile_worker.jobs') IS NOT NULL AS present");
    if (jobs.present) {
      await sql.query(`SELECT graphile_worker.complete_jobs(ARRAY(SELECT j.id FROM graphile_worker.jobs j
        JOIN outbound_messages m ON j.key = 'outbound:' || m.id WHERE m."warningId" IN (${mine})))`, [ours]);
    }
    for (const child of ["dissuasion_actions", "app_followups", "revisits"]) await sql.query(`DELETE FROM ${child} WHERE "warningId" IN (${mine})`, [ours]);
    const { rowCount } = await sql.query(`DELETE FROM warnings WHERE "externalId" LIKE ANY($1)`, [ours]);
    await sql.query("UPDATE api_keys SET \"revokedAt\" = now() WHERE id = $1", [apiKey.id]);
    log(`removed this run's ${rowCount?.toLocaleString()} warnings from the target database (its key revoked)`);
  } catch (e) {
    log(`could not remove this run's warnings (${(e as Error).message}): delete those with externalId LIKE ${ours.join(", ")} by hand`);
  }
}
await sql.end();
if (process.env.BENCH_KEEP) console.log(`kept for inspection: ${url}`);
else await drop();
process.exit(0);
