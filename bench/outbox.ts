// `npm run bench:outbox`: messages/s through the outbox — graphile-worker jobs added by the
// enqueue trigger, delivered by two worker instances to the gateway simulator (HMAC-signed, one
// idempotency key each), the simulator's receipts posted back to the receipt route's handler.
// Prints figures; asserts nothing. Knobs: BENCH_MESSAGES (2000), BENCH_CONCURRENCY (per worker, 8),
// BENCH_RATE (per channel and second, 1000), BENCH_FAILURE_RATE (0), BENCH_DATABASE_URL, BENCH_KEEP.
import pg from "pg";
import { demoDatabase } from "./app";

const N = Number(process.env.BENCH_MESSAGES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const FAILURE_RATE = Number(process.env.BENCH_FAILURE_RATE ?? 0);
const SECRET = "bench-outbox-gateway-secret-of-32-bytes-or-more";
const log = (s: string) => console.log(`[bench:outbox] ${s}`);

const { url, drop } = await demoDatabase("outbox");
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET ??= "bench-outbox-auth-secret-of-at-least-32-bytes";
process.env.GATEWAY_SECRET = SECRET;
const { startSimulator } = await import("../lib/outbound/simulator");
const { startOutboundWorker } = await import("../lib/outbound/worker");
const { serveReceipts } = await import("../lib/outbound/receipt-server");

const { url: callbackUrl, close: closeCallbacks } = await serveReceipts();
const sim = await startSimulator({ secret: SECRET, port: 0, delayMs: 0, failureRate: FAILURE_RATE, keep: N * 2 });
process.env.GATEWAY_URL = sim.url;
const cfg = { gatewayUrl: sim.url, secret: SECRET, callbackUrl, ratePerSecond: RATE, maxAttempts: 30, retryBaseMs: 100, concurrency: CONCURRENCY };
const runners = [await startOutboundWorker(cfg, url, { pollInterval: 500 }), await startOutboundWorker(cfg, url, { pollInterval: 500 })];

const sql = new pg.Pool({ connectionString: url, max: 2 });
const count = async (where: string) => Number((await sql.query(`SELECT count(*) AS n FROM outbound_messages WHERE ${where}`)).rows[0].n);
const t0 = Date.now();
// One statement: the trigger adds every job in the same transaction.
await sql.query(
  `INSERT INTO outbound_messages (id, channel, recipient, body, rung, "updatedAt")
   SELECT gen_random_uuid(), (ARRAY['SMS','FLASH','ROBOT_CALL'])[1 + g % 3]::"OutboundChannel", '139' || lpad(g::text, 8, '0'),
          '【反诈中心】您可能正遭遇刷单返利诈骗！请立即停止转账。如有疑问请拨打96110。', 'BENCH', now() AT TIME ZONE 'UTC'
     FROM generate_series(1, $1::int) g`, [N]);
const enqueueMs = Date.now() - t0;
let sentAt = 0;
for (;;) {
  const pending = await count(`status = 'PENDING'`);
  if (pending === 0 && !sentAt) sentAt = Date.now();
  if (sentAt && (await count(`result IS NULL`)) === 0) break;
  if (Date.now() - t0 > 600_000) throw new Error("timed out");
  await new Promise((r) => setTimeout(r, 100));
}
const doneAt = Date.now();
const sentS = (sentAt - t0) / 1000;
const doneS = (doneAt - t0) / 1000;
log(`${N} messages enqueued in ${enqueueMs} ms (one INSERT, jobs added by the trigger)`);
log(`sent through the gateway: ${sentS.toFixed(1)} s → ${(N / sentS).toFixed(0)} messages/s (2 workers × ${CONCURRENCY}, failure rate ${FAILURE_RATE})`);
log(`receipts applied: ${doneS.toFixed(1)} s → ${(N / doneS).toFixed(0)} messages/s end to end`);
log(`simulator: ${sim.messages().length} distinct keys, ${sim.stats.duplicates} duplicates answered, ${sim.stats.failed} failures injected`);

await Promise.all(runners.map((r) => r.stop()));
await sim.stop();
await closeCallbacks();
await sql.end();
if (!process.env.BENCH_KEEP) await drop();
process.exit(0);
