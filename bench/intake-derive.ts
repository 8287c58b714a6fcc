// `npm run bench:intake-derive` (DATABASE_URL, else the development cluster): what
// intake_derive() costs for one warning and for a 5,000-item batch, with the function's own plan
// setting (migration intake_derive_generic_plan) and without it (the setting reset inside a
// transaction that is rolled back), each in a session of its own (PL/pgSQL's plans and its choice
// between them are the session's). Each call runs in a savepoint rolled back too: nothing is kept.
// Prints medians; asserts nothing.
import pg from "pg";
import { resolveDatabase } from "../scripts/embedded-postgres";

const db = await resolveDatabase();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const setup = new pg.Client(db.url);
await setup.connect();
const { recent, batch } = (await setup.query<{ recent: string[]; batch: string[] }>(`
  SELECT (SELECT array_agg(id) FROM (SELECT id FROM warnings WHERE "personId" IS NOT NULL ORDER BY "receivedAt" DESC LIMIT 60) r) AS recent,
         (SELECT array_agg(id) FROM (SELECT id FROM warnings ORDER BY "receivedAt" DESC OFFSET 100000 LIMIT 5000) b) AS batch`)).rows[0]!;

await setup.end();

/** Median ms of intake_derive over `runs` calls, each on `ids(i)`, the first five left out (plans being learnt). */
async function derive(client: pg.Client, ids: (i: number) => string[], runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await client.query("SAVEPOINT run");
    const t = performance.now();
    await client.query("SELECT intake_derive($1::uuid[])::text", [ids(i)]);
    times.push(performance.now() - t);
    await client.query("ROLLBACK TO SAVEPOINT run");
  }
  return median(times.slice(5));
}

async function measure(label: string, reset: boolean) {
  const client = new pg.Client(db.url);
  await client.connect();
  await client.query("BEGIN");
  if (reset) await client.query("ALTER FUNCTION intake_derive(uuid[]) RESET plan_cache_mode");
  const one = await derive(client, (i) => [recent[i]!], 60);
  const many = await derive(client, () => batch, 10);
  await client.query("ROLLBACK");
  await client.end();
  console.log(`[bench:intake-derive] ${label}: one warning ${one.toFixed(2)} ms, 5,000 warnings ${many.toFixed(0)} ms`);
  return { one, many };
}

try {
  for (let round = 1; round <= 3; round++) {
    const custom = await measure(`round ${round}, planned per call (plan_cache_mode reset)`, true);
    const generic = await measure(`round ${round}, planned once (the function's setting)`, false);
    console.log(`[bench:intake-derive] round ${round}: one warning ${(custom.one / generic.one).toFixed(1)}x faster, 5,000 warnings ${(custom.many / generic.many).toFixed(2)}x`);
  }
} finally {
  await db.stop();
}
