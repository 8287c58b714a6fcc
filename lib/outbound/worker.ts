import "server-only";
// The outbox's worker, on graphile-worker (jobs in PostgreSQL, SKIP LOCKED, LISTEN/NOTIFY): any
// number of app instances run it, each job runs on one of them. A message's job is added by the
// outbound_enqueue trigger in the transaction that wrote the message. Delivery holds the message's
// row lock while it talks to the gateway (a second job for the same message skips it), sends the
// message id as the idempotency key (the gateway delivers a key once), and on failure retries
// with exponential backoff up to maxAttempts; a per-channel rate limit is shared by all instances
// through outbound_rate_windows.
import pg from "pg";
import { Logger, run, type Runner, type Task } from "graphile-worker";
import { getDb, sqlTransaction, type Sql } from "@/lib/db";
import { logger } from "@/lib/log";
import { outboundEnv } from "@/lib/env";
import type { OutboundChannel } from "@/lib/generated/prisma/enums";
import { backoffMs, outboundConfig, type OutboundConfig } from "@/lib/outbound/config";
import { sendFeedback, sendToGateway } from "@/lib/outbound/gateway";
import { ladderFired, recordResult, visitRung } from "@/lib/outbound/ladder";
import { isPersonChannel } from "@/lib/outbound/templates";
import { markUndelivered } from "@/lib/requests/answers";

type Claimed = { id: string; warningId: string | null; partnerRequestId: string | null; channel: OutboundChannel; recipient: string; body: string; rung: string | null; attempts: number };

const quiet = new Logger(() => (level, message, meta) => {
  if (level === "error") logger.warn("outbound.worker", { message, ...(meta ?? {}) });
});

/** Takes a slot of the channel's current second, or says when the next one opens. */
async function takeSlot(sql: Sql, channel: OutboundChannel, perSecond: number, now: number): Promise<number | null> {
  const second = Math.floor(now / 1000);
  const rows = await sql.$queryRaw<{ count: number }[]>`
    INSERT INTO outbound_rate_windows (channel, second, count) VALUES (${channel}::"OutboundChannel", ${second}, 1)
    ON CONFLICT (channel, second) DO UPDATE SET count = outbound_rate_windows.count + 1 WHERE outbound_rate_windows.count < ${perSecond}
    RETURNING count`;
  if (rows.length) {
    if (Math.random() < 0.01) await sql.$executeRaw`DELETE FROM outbound_rate_windows WHERE second < ${second - 60}`;
    return null;
  }
  return (second + 1) * 1000 + Math.floor(Math.random() * 200);
}

const again = (sql: Sql, id: string, runAt: Date) =>
  sql.$executeRaw`SELECT graphile_worker.add_job('outbound_deliver', json_build_object('id', ${id}::text), run_at => ${runAt}::timestamptz, job_key => ${`outbound:${id}`}, max_attempts => 5)`;

/** A message left SENDING this long (its worker died mid-send) goes back to PENDING; the key makes the resend safe. */
const SENDING_LEASE_MS = 120_000;

/**
 * Delivers one message (a job's work): claims it (PENDING → SENDING, a short transaction that also
 * takes the channel's rate slot), talks to the gateway with no transaction open, then records the
 * answer. Exported for the benchmark and tests.
 */
export async function deliver(cfg: OutboundConfig, id: string): Promise<"sent" | "skipped" | "retry" | "failed" | "throttled"> {
  const claimed = await sqlTransaction(getDb(), async (sql) => {
    const [m] = await sql.$queryRaw<Claimed[]>`
      SELECT id::text AS id, "warningId"::text AS "warningId", "partnerRequestId"::text AS "partnerRequestId", channel::text AS channel, recipient, body, rung, attempts
        FROM outbound_messages WHERE id = ${id}::uuid AND status = 'PENDING' FOR UPDATE SKIP LOCKED`;
    if (!m) return "skipped" as const;
    const nextSlot = await takeSlot(sql, m.channel, cfg.ratePerSecond, Date.now());
    if (nextSlot !== null) {
      await again(sql, id, new Date(nextSlot));
      return "throttled" as const;
    }
    await sql.$executeRaw`UPDATE outbound_messages SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = ${id}::uuid`;
    return { ...m, attempts: m.attempts + 1 };
  });
  if (typeof claimed === "string") return claimed;
  const m = claimed;
  let error: string | null = null;
  try {
    if (m.channel === "FEEDBACK") await sendFeedback({ url: cfg.upstreamUrl ?? cfg.gatewayUrl, secret: cfg.secret }, m.id, m.body);
    else await sendToGateway({ url: cfg.gatewayUrl, secret: cfg.secret }, { idempotencyKey: m.id, channel: m.channel, to: m.recipient, text: m.body, callbackUrl: cfg.callbackUrl });
  } catch (e) {
    error = (e as Error).message.slice(0, 500);
  }
  return sqlTransaction(getDb(), async (sql) => {
    if (error === null) {
      // A receipt may have come first: it moved the message on already, and that stands.
      const n = await sql.$executeRaw`
        UPDATE outbound_messages SET status = 'SENT', "sentAt" = now() AT TIME ZONE 'UTC', "lastError" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
         WHERE id = ${id}::uuid AND status = 'SENDING'`;
      // The rung fired (on the warning's timeline), unless its receipt came first and said so.
      if (n) await ladderFired(sql, m, new Date());
      return "sent" as const;
    }
    if (m.attempts >= cfg.maxAttempts) {
      const n = await sql.$executeRaw`UPDATE outbound_messages SET status = 'FAILED', "lastError" = ${error}, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = ${id}::uuid AND status = 'SENDING'`;
      if (n && isPersonChannel(m.channel)) await recordResult(sql, m, "FAILED", new Date());
      else if (n && m.partnerRequestId) await markUndelivered(sql, m.partnerRequestId);
      return "failed" as const;
    }
    const at = new Date(Date.now() + backoffMs(cfg, m.attempts));
    // Back to PENDING unless a person cancelled it meanwhile (or a late receipt settled it); feedback is never cancelled.
    const [r] = await sql.$queryRaw<{ status: string }[]>`
      UPDATE outbound_messages o SET "lastError" = ${error}, "notBefore" = ${at}::timestamptz AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC',
             status = (CASE WHEN o.channel <> 'FEEDBACK' AND EXISTS (SELECT 1 FROM dissuasion_ladders l WHERE l."warningId" = o."warningId" AND l.status = 'STOPPED')
                            THEN 'CANCELLED' ELSE 'PENDING' END)::"OutboundStatus"
       WHERE o.id = ${id}::uuid AND o.status = 'SENDING'
      RETURNING o.status::text AS status`;
    if (r?.status === "PENDING") await again(sql, id, at);
    return "retry" as const;
  });
}

const tasks = (cfg: OutboundConfig): Record<string, Task> => ({
  outbound_deliver: async (payload) => {
    await deliver(cfg, (payload as { id: string }).id);
  },
  ladder_visit: async (payload) => {
    await sqlTransaction(getDb(), (sql) => visitRung(sql, (payload as { warningId: string }).warningId, new Date()));
  },
});

/**
 * Starts a worker (graphile-worker runs its schema's migrations first), then enqueues the messages
 * written while no job schema existed. Safe to call on every instance.
 */
export async function startOutboundWorker(cfg: OutboundConfig, connectionString: string, opts: { pollInterval?: number } = {}): Promise<Runner> {
  // The worker's own pool, ended when the runner has stopped: graphile-worker ends a pool it made
  // without waiting and drops its error handlers first, so a connection still closing when the
  // database goes away (a restart, a dropped test database) raised an uncaught error.
  const pgPool = new pg.Pool({ connectionString });
  const onError = (e: Error) => logger.warn("outbound.worker_connection", { error: e.message });
  pgPool.on("error", onError);
  pgPool.on("connect", (client) => client.on("error", onError));
  const runner = await run({
    pgPool, concurrency: cfg.concurrency, noHandleSignals: true, pollInterval: opts.pollInterval ?? 1000,
    taskList: tasks(cfg), logger: quiet,
  }).catch(async (e: unknown) => {
    await pgPool.end();
    throw e;
  });
  const stop = runner.stop;
  runner.stop = async (...args) => {
    await stop(...args);
    await pgPool.end();
  };
  await getDb().$executeRaw`
    UPDATE outbound_messages SET status = 'PENDING', "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE status = 'SENDING' AND "updatedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${SENDING_LEASE_MS / 1000})`;
  await getDb().$executeRaw`
    SELECT graphile_worker.add_job('outbound_deliver', json_build_object('id', id::text), run_at => "notBefore" AT TIME ZONE 'UTC', job_key => 'outbound:' || id, job_key_mode => 'preserve_run_at', max_attempts => 5)
      FROM outbound_messages WHERE status = 'PENDING'`;
  return runner;
}

const globalForWorker = globalThis as unknown as { fanzhaOutbound?: Promise<Runner | null> };

/** The app's worker (instrumentation.ts), when a gateway is configured (GATEWAY_URL, GATEWAY_SECRET). */
export function startAppOutboundWorker(): void {
  if (globalForWorker.fanzhaOutbound) return;
  const cfg = outboundConfig();
  // graphile-worker LISTENs and takes session locks: a direct connection, not the transaction pooler.
  const url = outboundEnv().DIRECT_DATABASE_URL ?? outboundEnv().DATABASE_URL;
  if (!cfg || !url) return;
  globalForWorker.fanzhaOutbound = startOutboundWorker(cfg, url).catch((e: unknown) => {
    logger.warn("outbound.worker_failed", { error: e });
    return null;
  });
}
