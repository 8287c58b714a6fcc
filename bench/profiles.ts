// `npm run bench:profiles [-- --warnings=1200000 --runs=100]`
// Victim profiles and the surge check at the city-year scale, on a generated dataset in a database
// of its own (`bench_profiles` on the server of DATABASE_URL, else the embedded development
// server; generated once, reused by later runs): one city, its center, 2 branches, 20 precincts,
// N warnings over the last 400 days with varied ages, genders, channels, amounts and hours,
// inserted in batches of 50,000 with the rollup triggers ON (the write path every insert takes).
// Prints the cost the profile trigger adds to a 10,000-row insert, then p50/p95 of the reads:
// the profile of the city / a branch / a precinct for the periods leaders use, and the surge check.
// The read cost is bounded by the rollup's keys per unit and day (≤ 107), not by the warnings.
// BENCH_TARGET_URL=postgres://… reads an existing database instead (the city-year seed's, say):
// nothing is generated or written (no write cost); the city, its first branch and that branch's
// first precinct as the scopes.
import pg from "pg";
import { ensureDatabase, resolveDatabase } from "../scripts/embedded-postgres";
import { migrateDeploy } from "../scripts/run-prisma";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
const WARNINGS = Number(arg("warnings") ?? 1_200_000);
const RUNS = Number(arg("runs") ?? 100);
const BATCH = 50_000;
const log = (msg: string) => console.log(`[bench:profiles] ${msg}`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const TARGET = process.env.BENCH_TARGET_URL;
const server = TARGET ? { url: TARGET, stop: async () => {} } : await resolveDatabase();
const url = new URL(server.url);
if (!TARGET) {
  url.pathname = "/bench_profiles";
  await ensureDatabase(server.url, "bench_profiles");
  migrateDeploy(url.toString());
}
process.env.DATABASE_URL = url.toString();
process.env.AUTH_SECRET ??= "bench-does-not-sign-sessions-but-env-needs-32-bytes";
const { getDb } = await import("@/lib/db");
const { victimProfileFor } = await import("@/lib/profiles/queries");
const { fraudTypeSurges } = await import("@/lib/profiles/surge");

const PRECINCTS = `(SELECT array_agg(id ORDER BY code) FROM units WHERE kind = 'PRECINCT' AND code LIKE '98000%')`;
const insertBatch = (from: number, n: number) => `
  INSERT INTO warnings (id, source, "externalId", "riskLevel", "fraudType", "receivedAt", "lastSeenAt", "victimPhone", "victimAge", "victimGender",
                        "contactChannel", "contactValue", "amountAtRisk", "unitId", "routedBy", "ackDueAt", "contactDueAt", "resolveDueAt", "updatedAt")
  SELECT gen_random_uuid(), 'NATIONAL', 'P-' || i, 'HIGH', (enum_range(NULL::"FraudType"))[1 + (i * 7) % 11], at, at, '139' || lpad(i::text, 8, '0'),
         CASE WHEN i % 9 = 0 THEN NULL ELSE 12 + (i * 13) % 75 END, (enum_range(NULL::"Gender"))[1 + i % 3],
         (enum_range(NULL::"ContactChannel"))[1 + (i * 3) % 8], 'x', CASE WHEN i % 5 = 0 THEN NULL ELSE ((i::bigint * 7919) % 300000)::numeric END,
         (${PRECINCTS})[1 + (i % 20)], 'UNIT_CODE', at, at, at, now()
    FROM (SELECT i, now() - random() * interval '400 days' AS at FROM generate_series(${from}, ${from + n - 1}) i) s`;

async function generate(client: pg.Client) {
  const t = performance.now();
  await client.query(`INSERT INTO units (id, code, name, kind, path, "updatedAt") VALUES (gen_random_uuid(), '980000', '基准市局', 'CITY', '980000', now())`);
  await client.query(`INSERT INTO units (id, code, name, kind, path, "parentId", "updatedAt") VALUES (gen_random_uuid(), '980000FZ', '基准反诈中心', 'CENTER', '980000/980000FZ', (SELECT id FROM units WHERE code = '980000'), now())`);
  await client.query(`INSERT INTO units (id, code, name, kind, path, "parentId", "updatedAt") SELECT gen_random_uuid(), '98000' || b, '基准分局' || b, 'BRANCH', '980000/98000' || b, (SELECT id FROM units WHERE code = '980000'), now() FROM generate_series(1, 2) b`);
  await client.query(`INSERT INTO units (id, code, name, kind, path, "parentId", "updatedAt")
    SELECT gen_random_uuid(), '98000' || b || lpad(p::text, 2, '0'), '基准派出所' || b || '-' || p, 'PRECINCT', '980000/98000' || b || '/98000' || b || lpad(p::text, 2, '0'), (SELECT id FROM units WHERE code = '98000' || b), now()
      FROM generate_series(1, 2) b, generate_series(1, 10) p`);
  for (let from = 1; from <= WARNINGS; from += BATCH) {
    const b = performance.now();
    await client.query(insertBatch(from, Math.min(BATCH, WARNINGS - from + 1)));
    log(`  ${Math.min(from + BATCH - 1, WARNINGS)} warnings (${((performance.now() - b) / 1000).toFixed(1)} s for this batch)`);
  }
  await client.query("ANALYZE");
  log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** A 10,000-row insert with and without the profile trigger, rolled back: what the rollup costs a writer. */
async function writeCost(client: pg.Client) {
  const once = async (profile: boolean) => {
    await client.query("BEGIN");
    if (!profile) await client.query(`ALTER TABLE warnings DISABLE TRIGGER profile_rollup_insert`);
    const t = performance.now();
    await client.query(insertBatch(90_000_000, 10_000));
    const ms = performance.now() - t;
    await client.query("ROLLBACK");
    return ms;
  };
  const off = [await once(false)];
  const on = [await once(true)];
  log(`10,000-row insert: ${Math.min(...off).toFixed(0)} ms without the profile trigger, ${Math.min(...on).toFixed(0)} ms with it`);
}

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
try {
  if (!TARGET) {
    const { rows: [have] } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM warnings WHERE "externalId" LIKE 'P-%'`);
    if (Number(have!.n) === 0) await generate(client);
  }
  const { rows: [c] } = await client.query<{ w: string; d: string; m: string }>(
    `SELECT (SELECT count(*) FROM warnings) AS w, (SELECT count(*) FROM profile_daily) AS d, (SELECT count(*) FROM profile_monthly) AS m`);
  log(`${c!.w} warnings; profile_daily ${c!.d} rows, profile_monthly ${c!.m} rows`);
  if (!TARGET) await writeCost(client);
  const first = async (sql: string, ...params: string[]) => (await client.query<{ code: string; path: string }>(`${sql} ORDER BY code LIMIT 1`, params)).rows[0]!;
  const city = await first(`SELECT code, path FROM units WHERE ${TARGET ? "kind = 'CITY'" : "code = '980000'"}`);
  const branch = await first(`SELECT code, path FROM units WHERE kind = 'BRANCH' AND path LIKE $1 || '/%'`, city.path);
  const precinct = await first(`SELECT code, path FROM units WHERE kind = 'PRECINCT' AND path LIKE $1 || '/%'`, branch.path);
  const scope = { scopePath: city.path };
  const scenarios: [string, Parameters<typeof victimProfileFor>[1]][] = [
    ["city · last year", { period: "lastYear" }],
    ["city · this year", { period: "year" }],
    ["city · this month", { period: "month" }],
    ["city · custom 2025-03-15…2026-08-20", { from: "2025-03-15", to: "2026-08-20" }],
    [`branch ${branch.code} · last year`, { period: "lastYear", unit: branch.code }],
    [`precinct ${precinct.code} · this quarter`, { period: "quarter", unit: precinct.code }],
  ];
  log(`${"what".padEnd(40)} ${"runs".padStart(5)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max".padStart(8)}   warnings`);
  for (const [name, query] of scenarios) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      total = (await victimProfileFor(scope, query)).total;
      times.push(performance.now() - t);
    }
    const s = times.sort((a, b) => a - b);
    log(`${name.padEnd(40)} ${String(RUNS).padStart(5)} ${pct(s, 50).toFixed(1).padStart(8)} ${pct(s, 95).toFixed(1).padStart(8)} ${s.at(-1)!.toFixed(1).padStart(8)}   ${total}`);
  }
  const surge: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fraudTypeSurges(scope, new Date());
    surge.push(performance.now() - t);
  }
  const s = surge.sort((a, b) => a - b);
  log(`${"city · surge check (9 × 7 days)".padEnd(40)} ${String(RUNS).padStart(5)} ${pct(s, 50).toFixed(1).padStart(8)} ${pct(s, 95).toFixed(1).padStart(8)} ${s.at(-1)!.toFixed(1).padStart(8)}`);
} finally {
  await client.end();
  await getDb().$disconnect();
  await server.stop();
}
