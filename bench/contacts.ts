// `npm run bench:contacts [-- --warnings=200000 --runs=200]`
// 串并案 at scale, on a generated dataset in a database of its own (`bench_contacts` on the server
// of DATABASE_URL, else the embedded development server; generated once, reused by later runs):
// one city, 20 precincts, N warnings and N/10 cases over a year, their fraud contacts drawn from a
// pool of N/4 (so most contacts are shared by a few records), one contact shared by exactly 1,000
// records (800 warnings, 200 cases). Loaded with the row triggers off and linked by the backfill,
// as the city-year seed does. Prints p50/p95 of the reads the pages and the API serve:
//   contacts of one case with their scoped counts   (target < 50 ms)
//   the cluster of the 1,000-record contact          (target < 1 s)
//   the cluster list (last 90 days, min 2 records)   from contact_window, kept by the
//                                                    scheduler (refreshed here as it does, timed),
//                                                    another period summed from contact_days, and
//                                                    for comparison the request-time aggregate of
//                                                    the link rows the rollup replaced
// The load average is printed with the figures (the machine is shared).
// BENCH_TARGET_URL=postgres://… reads an existing database instead (the city-year seed's, say):
// nothing is generated or written but the kept list the scheduler writes; the city and its first branch as the actors, and the contact
// with the most records as the cluster (served cut at its newest 1,000 records).
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { ensureDatabase, resolveDatabase } from "../scripts/embedded-postgres";
import { migrateDeploy } from "../scripts/run-prisma";
import { addDays, chinaToday } from "@/lib/time/china";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
const WARNINGS = Number(arg("warnings") ?? 200_000);
const RUNS = Number(arg("runs") ?? 200);
const HOT = "17000000001";
const log = (msg: string) => console.log(`[bench:contacts] ${msg}`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const TARGET = process.env.BENCH_TARGET_URL;
const server = TARGET ? { url: TARGET, stop: async () => {} } : await resolveDatabase();
const url = new URL(server.url);
if (!TARGET) {
  url.pathname = "/bench_contacts";
  await ensureDatabase(server.url, "bench_contacts");
  migrateDeploy(url.toString());
}
process.env.DATABASE_URL = url.toString();
process.env.AUTH_SECRET ??= "bench-does-not-sign-sessions-but-env-needs-32-bytes";
const { getDb } = await import("@/lib/db");
const { permissionsOf } = await import("@/lib/auth/permissions");
const { caseContacts, showCluster, listClusters, refreshContactWindow } = await import("@/lib/contacts/queries");
type Actor = import("@/lib/auth/actor").Actor;

/** The dataset, generated in SQL (COPY-free: INSERT … SELECT generate_series), triggers off, then linked. */
async function generate(client: pg.Client) {
  const t = performance.now();
  await client.query("BEGIN");
  await client.query("SET LOCAL session_replication_role = replica");
  await client.query(`INSERT INTO units (id, code, name, kind, path, "updatedAt") VALUES (gen_random_uuid(), '990000', '基准市局', 'CITY', '990000', now())`);
  await client.query(`INSERT INTO units (id, code, name, kind, path, "parentId", "updatedAt") SELECT gen_random_uuid(), '99000' || b, '基准分局' || b, 'BRANCH', '990000/99000' || b, (SELECT id FROM units WHERE code = '990000'), now() FROM generate_series(1, 2) b`);
  await client.query(`INSERT INTO units (id, code, name, kind, path, "parentId", "updatedAt")
    SELECT gen_random_uuid(), '99000' || b || lpad(p::text, 2, '0'), '基准派出所' || b || '-' || p, 'PRECINCT', '990000/99000' || b || '/99000' || b || lpad(p::text, 2, '0'), (SELECT id FROM units WHERE code = '99000' || b), now()
      FROM generate_series(1, 2) b, generate_series(1, 10) p`);
  const precincts = `(SELECT array_agg(id ORDER BY code) FROM units WHERE kind = 'PRECINCT' AND code LIKE '99000%')`;
  const pool = Math.max(1000, Math.floor(WARNINGS / 4));
  await client.query(`
    INSERT INTO warnings (id, source, "externalId", "riskLevel", "fraudType", "receivedAt", "lastSeenAt", "victimPhone", "contactChannel", "contactValue",
                          "unitId", "routedBy", "ackDueAt", "contactDueAt", "resolveDueAt", "updatedAt")
    SELECT gen_random_uuid(), 'NATIONAL', 'B-' || i, 'HIGH', 'FAKE_INVESTMENT', at, at, '139' || lpad(i::text, 8, '0'), 'PHONE',
           CASE WHEN i <= 800 THEN '${HOT}' ELSE '170' || lpad((1 + floor(random() * ${pool}))::int::text, 8, '0') END,
           (${precincts})[1 + (i % 20)], 'UNIT_CODE', at, at, at, now()
      FROM (SELECT i, now() - random() * interval '365 days' AS at FROM generate_series(1, ${WARNINGS}) i) s`);
  await client.query(`
    INSERT INTO cases (id, "caseNumber", "unitId", source, "fraudType", summary, "reportedAt", "updatedAt")
    SELECT gen_random_uuid(), 'B-' || lpad(i::text, 8, '0'), (${precincts})[1 + (i % 20)], 'WALK_IN', 'FAKE_INVESTMENT', '基准案件', now() - random() * interval '365 days', now()
      FROM generate_series(1, ${Math.floor(WARNINGS / 10)}) i`);
  await client.query(`SELECT fraud_contact_link_all()`);
  // Cases' contacts: the hot one for 200 cases, two pool contacts for every case.
  await client.query(`INSERT INTO case_contacts ("contactId", "caseId")
    SELECT fraud_contact_claim('PHONE', '${HOT}'), id FROM cases WHERE "caseNumber" LIKE 'B-%' ORDER BY "caseNumber" LIMIT 200`);
  await client.query(`INSERT INTO case_contacts ("contactId", "caseId")
    SELECT DISTINCT fraud_contact_claim('PHONE', '170' || lpad((1 + floor(random() * ${pool}))::int::text, 8, '0')), c.id FROM cases c, generate_series(1, 2) WHERE c."caseNumber" LIKE 'B-%'
    ON CONFLICT DO NOTHING`);
  // The case links above went in with the triggers off: the rollup is rebuilt (as after link_all).
  await client.query(`SELECT contact_days_rebuild()`);
  await client.query("COMMIT");
  await client.query("ANALYZE");
  log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function time<T>(list: number[], f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await f();
  list.push(performance.now() - t);
  return r;
}
const report = (what: string, list: number[]) => {
  const s = [...list].sort((a, b) => a - b);
  log(`${what.padEnd(44)} ${String(s.length).padStart(5)} ${pct(s, 50).toFixed(1).padStart(8)} ${pct(s, 95).toFixed(1).padStart(8)} ${s.at(-1)!.toFixed(1).padStart(8)}`);
};

/** The cluster list as it was read before the rollup: the window's link rows aggregated at request time. */
async function requestTimeList(scopePath: string) {
  const to = new Date();
  const from = new Date(to.getTime() - 90 * 86_400_000);
  const { rows: [u] } = await client.query<{ ids: string[] }>(`SELECT array_agg(id::text) AS ids FROM units WHERE path = $1 OR path LIKE $1 || '/%'`, [scopePath]);
  return client.query(`
    WITH r AS (
      SELECT wc."contactId" AS cid, 1 AS w, 0 AS c, w."receivedAt" AS at FROM warning_contacts wc JOIN warnings w ON w.id = wc."warningId"
       WHERE w."receivedAt" >= $1 AND w."receivedAt" < $2 AND w."unitId" = ANY($3::uuid[])
      UNION ALL
      SELECT cc."contactId", 0, 1, k."reportedAt" FROM case_contacts cc JOIN cases k ON k.id = cc."caseId"
       WHERE k."reportedAt" >= $1 AND k."reportedAt" < $2 AND k."unitId" = ANY($3::uuid[])
    )
    SELECT c.id, c.kind, c.value, sum(r.w) AS w, sum(r.c) AS c, max(r.at) AS last
      FROM r JOIN fraud_contacts c ON c.id = r.cid
     GROUP BY c.id HAVING count(*) >= 2
     ORDER BY count(*) DESC, max(r.at) DESC, c.id LIMIT 200`, [from, to, u!.ids]);
}

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
try {
  if (!TARGET) {
    const { rows: [have] } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM warnings WHERE "externalId" LIKE 'B-%'`);
    if (Number(have!.n) === 0) await generate(client);
  }
  const { rows: [c] } = await client.query<{ w: string; k: string; f: string; wc: string; cc: string }>(
    `SELECT (SELECT count(*) FROM warnings) AS w, (SELECT count(*) FROM cases) AS k, (SELECT count(*) FROM fraud_contacts) AS f,
            (SELECT count(*) FROM warning_contacts) AS wc, (SELECT count(*) FROM case_contacts) AS cc`);
  log(`${c!.w} warnings, ${c!.k} cases, ${c!.f} contacts, ${c!.wc} warning links, ${c!.cc} case links`);
  const { rows: [win] } = await client.query<{ days: string; links: string }>(
    `SELECT (SELECT count(*) FROM contact_days WHERE day > (now() + interval '8 hours')::date - 90) AS days,
            (SELECT count(*) FROM warning_contacts wc JOIN warnings w ON w.id = wc."warningId" WHERE w."receivedAt" > now() - interval '90 days')
          + (SELECT count(*) FROM case_contacts cc JOIN cases k ON k.id = cc."caseId" WHERE k."reportedAt" > now() - interval '90 days') AS links`);
  log(`the last 90 days: ${win!.links} link rows, ${win!.days} rollup rows (contact × unit × day)`);
  const unit = { id: true, code: true, name: true, path: true, kind: true } as const;
  const city = await getDb().unit.findFirstOrThrow({ where: TARGET ? { kind: "CITY" } : { code: "990000" }, orderBy: { code: "asc" }, select: unit });
  const branch = await getDb().unit.findFirstOrThrow({ where: { kind: "BRANCH", parentId: city.id }, orderBy: { code: "asc" }, select: unit });
  const actor = (u: typeof city): Actor => ({
    kind: "user", id: randomUUID(), name: "bench", displayName: "bench", role: "INVESTIGATOR", unitId: u.id, unitCode: u.code, unitName: u.name,
    unitKind: u.kind, scopePath: u.path, permissions: permissionsOf("INVESTIGATOR"), ip: "127.0.0.1", requestId: randomUUID(),
  }) as Actor;
  const hot = TARGET
    ? (await getDb().$queryRaw<{ id: string }[]>`SELECT "contactId"::text AS id FROM contact_days GROUP BY "contactId" ORDER BY sum(warnings + cases) DESC LIMIT 1`)[0]!
    : await getDb().fraudContact.findUniqueOrThrow({ where: { kind_value: { kind: "PHONE", value: HOT } }, select: { id: true } });
  log(`load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} (${cpus().length} cores)`);
  log(`${"what".padEnd(44)} ${"runs".padStart(5)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max".padStart(8)}`);
  for (const [who, a] of [["city", actor(city)], ["branch", actor(branch)]] as const) {
    const sample = await getDb().$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM cases WHERE "unitId" IN (SELECT id FROM units WHERE path LIKE ${`${a.scopePath}%`}) ORDER BY random() LIMIT ${RUNS}`;
    const one: number[] = [];
    for (const s of sample) await time(one, () => caseContacts(a, { id: s.id }));
    report(`${who}: contacts of one case (with counts)`, one);
    const cluster: number[] = [];
    let size = 0;
    for (let i = 0; i < 20; i++) {
      const r = await time(cluster, () => showCluster(a, { id: hot.id }));
      size = r.warnings.length + r.cases.length;
    }
    report(`${who}: cluster of ${size} records`, cluster);
    // The scheduler's summary, refreshed here as the scheduler does.
    const refresh: number[] = [];
    for (let i = 0; i < 3; i++) await time(refresh, () => refreshContactWindow());
    report(`refresh of the kept list (every unit's subtree)`, refresh);
    const list: number[] = [];
    for (let i = 0; i < 20; i++) await time(list, () => listClusters(a, {}));
    report(`${who}: cluster list (90 days, min 2, kept)`, list);
    const live: number[] = [];
    const yesterday = addDays(chinaToday(), -1);
    for (let i = 0; i < 10; i++) await time(live, () => listClusters(a, { to: yesterday }));
    report(`${who}:   another period (90 days to yesterday)`, live);
    const before: number[] = [];
    for (let i = 0; i < 10; i++) await time(before, () => requestTimeList(a.scopePath));
    report(`${who}:   the same from the link rows (before)`, before);
  }
  log(`load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
} finally {
  await client.end();
  await getDb().$disconnect();
  await server.stop();
}
