// `npm run seed:city-year [-- --reset] [-- --until=YYYY-MM-DD]`: two full years of 十堰 at the
// article's scale (2024 and 2025, about 1.18 M warnings and 960 k 96110 calls in 2025) plus the
// running year up to yesterday, with the demo unit tree and accounts, so the statistics can be
// browsed at once. Runs against DATABASE_URL (else the embedded development database), migrating
// it first; refuses a database that holds data unless --reset. Bulk-loads with unnest batches while
// the rollup triggers keep the statistics current, then checks the last full year's overview
// against the article (DESIGN.md §3) both from the rollups and by a direct recount.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { pgConfigFromUrl } from "@/lib/db-url";
import { addDays, chinaInstant, chinaToday } from "@/lib/time/china";
import { resolveDatabase } from "../../scripts/embedded-postgres";
import { migrateDeploy } from "../../scripts/run-prisma";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STAFF } from "./accounts";
import type { SeedUnit, SeedUser } from "./context";
import { buildContext } from "./city-year-context";
import { generateCases } from "./city-year-cases";
import { BulkWriter, dropSecondaryIndexes, endFastMode, loadMode } from "./city-year-load";
import { generatePrevention, generateRevisits } from "./city-year-prevention";
import { followUpCityYear, labelCityYear } from "./city-year-persons";
import { generateResults } from "./city-year-results";
import { verifyCityYear } from "./city-year-verify";
import { generateWarnings } from "./city-year-warnings";
import { createRng } from "./random";
import { UNIT_TREE } from "./units";

const SEED = 20251231;
const FIRST_DAY = "2024-01-01";
const started = Date.now();
const elapsed = () => {
  const s = Math.round((Date.now() - started) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};
const log = (msg: string) => console.log(`[city-year ${elapsed()}] ${msg}`);
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];

const yesterday = addDays(chinaToday(), -1);
const until = arg("until") ?? (yesterday > "2026-12-31" ? "2026-12-31" : yesterday);
if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until < "2025-12-31") {
  console.error("--until must be a date from 2025-12-31 on (the dataset needs 2024 and 2025 whole)");
  process.exit(2);
}

const server = await resolveDatabase();
let exitCode = 0;
try {
  log(`migrating ${new URL(server.url).host}${new URL(server.url).pathname}…`);
  migrateDeploy(server.url);
  const pool = new pg.Pool({ ...pgConfigFromUrl(server.url), max: 2 });
  const clients = [await pool.connect(), await pool.connect()];
  const [client] = clients as [pg.PoolClient, pg.PoolClient];
  try {
    await prepareEmpty(client, process.argv.includes("--reset"));
    const rng = createRng(SEED);
    const now = chinaInstant(`${until}T23:59:59`);
    const { units, users } = await insertBase(client, rng, now);
    const fast = await loadMode(clients, log);
    const dropped = await dropSecondaryIndexes(client);
    const writer = new BulkWriter(fast ? clients : [client]);
    let lastReport = 0;
    const ctx = buildContext({
      rng, from: FIRST_DAY, to: until, now, units, users, writer,
      progress: (stage) => {
        if (Date.now() - lastReport < 2_000) return;
        lastReport = Date.now();
        const rows = writer.total();
        log(`${stage} · ${rows.toLocaleString("en")} rows (${Math.round(rows / ((Date.now() - started) / 1000)).toLocaleString("en")} rows/s)`);
      },
    });
    log(`generating ${FIRST_DAY} … ${until} (${ctx.days.length} days)`);
    const { cases, linkCase } = await generateCases(ctx);
    const w = await generateWarnings(ctx, linkCase);
    await generateResults(ctx, cases);
    await generatePrevention(ctx);
    await writer.drain();
    log(`${(await generateRevisits(client, now)).toLocaleString("en")} revisits of the dissuaded`);
    log(`loaded ${writer.total().toLocaleString("en")} rows: ${[...writer.counts].map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", ")}`);
    log(`${w.warnings.toLocaleString("en")} warnings, ${w.actions.toLocaleString("en")} dissuasion actions`);
    // 一人一档: the load skipped the row triggers (replica mode), so the persons are linked in one
    // set-based pass — still in replica mode (no foreign-key check per updated row) and before the
    // secondary indexes are rebuilt; cheaper than linking row by row (README, Benchmarks).
    const linkStart = Date.now();
    const { rows: [linked] } = await client.query<{ n: string }>("SELECT person_link_all() AS n");
    log(`linked ${Number(linked!.n).toLocaleString("en")} records to persons (person_link_all) in ${((Date.now() - linkStart) / 1000).toFixed(1)} s`);
    // 串并案: the fraud contacts of the warnings and freezes, linked the same way (fraud_contact_link_all).
    const contactStart = Date.now();
    const { rows: [contacts] } = await client.query<{ n: string }>("SELECT fraud_contact_link_all() AS n");
    log(`linked ${Number(contacts!.n).toLocaleString("en")} records to fraud contacts (fraud_contact_link_all) in ${((Date.now() - contactStart) / 1000).toFixed(1)} s`);
    // The links' time and unit, and the cluster list's rollups, whose triggers were off during the
    // load (migrations warning_contact_time, contact_days, contact_window).
    await client.query("SELECT warning_contacts_fill()");
    await client.query("SELECT contact_days_rebuild()");
    // 重点人群: the persons' last contact and latest two warnings, kept by triggers on every later
    // write, set the same way (person_list_state_all).
    const stateStart = Date.now();
    const { rows: [state] } = await client.query<{ n: string }>("SELECT person_list_state_all() AS n");
    log(`set the list state of ${Number(state!.n).toLocaleString("en")} persons (person_list_state_all) in ${((Date.now() - stateStart) / 1000).toFixed(1)} s`);
    // 曾受骗 / 涉嫌买卖两卡: the derived label rows, kept by triggers too (person_derived_all).
    const { rows: [derived] } = await client.query<{ n: string }>("SELECT person_derived_all() AS n");
    log(`derived ${Number(derived!.n).toLocaleString("en")} person labels (person_derived_all)`);
    if (fast) await endFastMode(clients);
    log(`rebuilding ${dropped.length} indexes…`);
    // Two at a time, one per connection.
    await Promise.all(clients.map(async (c, k) => {
      for (let i = k; i < dropped.length; i += clients.length) await c.query(dropped[i]!);
    }));
    await client.query("ANALYZE");
    // The community lists and the app follow-ups need the persons linked and the indexes back.
    const personsStart = Date.now();
    const labels = await labelCityYear(client, now);
    const followUps = await followUpCityYear(client, now);
    await client.query("ANALYZE person_labels, app_followups");
    log(`${labels.toLocaleString("en")} recorded labels, ${followUps.toLocaleString("en")} app follow-ups in ${((Date.now() - personsStart) / 1000).toFixed(1)} s`);
    log("indexed and analyzed; checking the figures…");
  } finally {
    for (const c of clients) c.release();
    await pool.end();
  }
  process.env.DATABASE_URL = server.url;
  // The lib/ modules read their settings through lib/env; a generator run needs no real secret.
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  exitCode = (await verifyCityYear(until, log)) ? 0 : 1;
  log(exitCode === 0 ? "done: the figures match the article" : "done, but some figures do not match (see above)");
} catch (e) {
  console.error(`[city-year] failed: ${(e as Error).message}`);
  exitCode = 1;
} finally {
  await server.stop();
}
process.exit(exitCode);

/** Refuses a database holding data, or wipes it (--reset). Migration-seeded SLA defaults stay. */
async function prepareEmpty(client: pg.PoolClient, reset: boolean) {
  const { rows } = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM units");
  if (rows[0]!.n === "0") return;
  if (!reset) throw new Error("the database already holds data; run `npm run seed:city-year -- --reset` to replace it");
  const tables = await client.query<{ t: string }>(
    "SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'sla_policies')",
  );
  log(`--reset: emptying ${tables.rows.length} tables`);
  await client.query(`TRUNCATE ${tables.rows.map((r) => `"${r.t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** The demo unit tree and accounts (demo mode: the accounts can log in at once). */
async function insertBase(client: pg.PoolClient, rng: ReturnType<typeof createRng>, now: Date) {
  const units = new Map<string, SeedUnit>(UNIT_TREE.map((u) => [u.code, { ...u, id: rng.uuid(new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`))) }]));
  for (const u of units.values()) {
    await client.query(
      `INSERT INTO units (id, code, name, kind, "parentId", path, population, "addressKeywords", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
      [u.id, u.code, u.name, u.kind, u.parentCode ? units.get(u.parentCode)!.id : null, u.path, u.population, u.addressKeywords],
    );
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, SeedUser>();
  for (const a of [...DEMO_ACCOUNTS, ...DEMO_STAFF]) {
    const unit = units.get(a.unitCode)!;
    const id = a.id ?? rng.uuid(now);
    users.set(a.username, { id, username: a.username, displayName: a.displayName, role: a.role, unitCode: a.unitCode, unitId: unit.id });
    await client.query(
      `INSERT INTO users (id, username, "displayName", "passwordHash", role, grants, "unitId", "isDemo", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, true, now())`,
      [id, a.username, a.displayName, passwordHash, a.role, a.grants, unit.id],
    );
  }
  await client.query(`INSERT INTO app_settings (key, value, "updatedAt") VALUES ('demo', 'true', now())`);
  log(`units ${units.size}, demo accounts ${users.size} (password ${DEMO_PASSWORD})`);
  return { units, users };
}
