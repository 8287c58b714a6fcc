import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { pgConfigFromUrl } from "@/lib/db-url";
import { env, loadEnv } from "@/lib/env";
import { driverCause, isDatabaseUnavailable } from "@/lib/errors";
import { logger } from "@/lib/log";

/**
 * Prisma ends an interactive transaction by sending COMMIT or ROLLBACK and only then handing the
 * connection back to the pool; when that statement fails (the database died or restarted), the
 * connection is never handed back, and after a few such failures the pool is empty for good. Here
 * a failed COMMIT or ROLLBACK releases the connection as broken, so the pool replaces it and the
 * app recovers by itself (SECURITY.md F24, tests/integration/reliability-db-crash.test.ts).
 */
class RecoveringPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await startTransaction(isolationLevel);
      const executeRaw = tx.executeRaw.bind(tx);
      tx.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (e) {
          if (query.sql === "COMMIT" || query.sql === "ROLLBACK") (tx as unknown as { client: PoolClient }).client.release(e as Error);
          throw e;
        }
      };
      return tx;
    };
    return adapter;
  }
}

/**
 * The driver pool under each Prisma client: `sqlTransaction` runs on the same connections. Kept on
 * globalThis like the client itself (the server bundles may hold this module more than once).
 */
const pools: WeakMap<object, pg.Pool> = ((globalThis as { fanzhaPools?: WeakMap<object, pg.Pool> }).fanzhaPools ??= new WeakMap());

function createClient(url: string, opts: { readOnly?: boolean } = {}) {
  const pool = new pg.Pool({
    ...pgConfigFromUrl(url),
    max: 20,
    connectionTimeoutMillis: opts.readOnly ? 2_000 : 5_000,
    // The standby refuses writes anyway; this holds where the replica's address leads to the primary.
    ...(opts.readOnly ? { options: "-c default_transaction_read_only=on" } : {}),
  });
  const db = new PrismaClient({
    adapter: new RecoveringPg(pool, { disposeExternalPool: true }),
    // Secrets never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true, totpSecret: true, recoveryCodeHashes: true } },
  });
  pools.set(db, pool);
  return db;
}

export type Db = ReturnType<typeof createClient>;
/** A transaction client, as passed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** The caller's transaction, or the client where there is none: for reads (and single-statement writes) that run either way. */
export type DbOrTx = Db | Tx;

const globalForDb = globalThis as unknown as { fanzhaDb?: Db };

/** The one Prisma client of the process. */
export function getDb(): Db {
  globalForDb.fanzhaDb ??= createClient(env().DATABASE_URL);
  return globalForDb.fanzhaDb;
}

/** For scripts and tests that talk to a database other than the app's. */
export const createDb = (url: string) => createClient(url);

// ---- the read replica ----

/** How long a verdict on the standby (usable, lagging, down) stands before it is checked again. */
const REPLICA_CHECK_MS = 2_000;
const DEFAULT_MAX_LAG_SECONDS = 10;

type Replica = { url: string; db: Db; checkedAt: number; usable: boolean; checking?: Promise<boolean> };
const replicaStore = globalThis as unknown as { fanzhaReplica?: Replica };

/**
 * The standby's lag in seconds: none when it is not in recovery (the replica's address led to a
 * primary) or has replayed all it received while streaming; otherwise the age of the last
 * transaction it replayed (null: nothing replayed since it started, so unknown).
 */
const LAG_SQL = `SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0
  WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver) THEN 0
  ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
END::float8 AS lag`;

function setVerdict(r: Replica, usable: boolean, fields: Record<string, unknown>) {
  if (usable && !r.usable) logger.info("replica.in_use", fields);
  if (!usable && r.usable) logger.warn("replica.fallback", fields);
  r.usable = usable;
  r.checkedAt = Date.now();
}

async function checkReplica(r: Replica): Promise<boolean> {
  try {
    // A standby that hangs (rather than refusing) must not hold the statistics up.
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${REPLICA_CHECK_MS} ms`)), REPLICA_CHECK_MS)));
    const { rows } = await Promise.race([pools.get(r.db)!.query<{ lag: number | null }>(LAG_SQL), silent]).finally(() => clearTimeout(timer));
    const lag = rows[0]?.lag ?? null;
    const max = loadEnv().REPLICA_MAX_LAG_SECONDS ?? DEFAULT_MAX_LAG_SECONDS;
    setVerdict(r, lag !== null && lag <= max, { lagSeconds: lag, maxLagSeconds: max });
  } catch (e) {
    setVerdict(r, false, { reason: "unreachable", error: (e as Error).message });
  }
  return r.usable;
}

/** The standby's client while it answers and keeps up; null otherwise (and without a REPLICA_DATABASE_URL). */
async function usableReplica(): Promise<Db | null> {
  const url = loadEnv().REPLICA_DATABASE_URL;
  if (!url || !URL.canParse(url)) return null;
  let r = replicaStore.fanzhaReplica;
  if (!r || r.url !== url) {
    void r?.db.$disconnect().catch(() => {});
    // Verdict "usable" until checked, so a first failure is logged as a change.
    r = replicaStore.fanzhaReplica = { url, db: createClient(url, { readOnly: true }), checkedAt: 0, usable: true };
  }
  if (Date.now() - r.checkedAt >= REPLICA_CHECK_MS) {
    const current = r;
    r.checking ??= checkReplica(current).finally(() => (current.checking = undefined));
    await r.checking;
  }
  return r.usable ? r.db : null;
}

/**
 * Reads that may trail the primary by a few seconds — the leaders' statistics and exports, read
 * from the rollups (lib/stats/rollup.ts, lib/profiles) — run on the standby (REPLICA_DATABASE_URL,
 * read-only), and on the primary when there is none, it does not answer, it lags more than
 * REPLICA_MAX_LAG_SECONDS (default 10), or it fails the read itself with a connection error or a
 * recovery conflict (the read is then run again on the primary: no error reaches the reader).
 */
export async function readFromReplica<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const replica = await usableReplica();
  if (!replica) return work(getDb());
  try {
    return await work(replica);
  } catch (e) {
    // 40001: a standby cancels a query that conflicts with the WAL it replays.
    const conflict = driverCause(e)?.originalCode === "40001";
    if (!isDatabaseUnavailable(e) && !conflict) throw e;
    const r = replicaStore.fanzhaReplica;
    if (r) setVerdict(r, false, { reason: conflict ? "recovery conflict" : "unreachable", error: (e as Error).message });
    return work(getDb());
  }
}

/**
 * Tagged raw SQL, as both a Prisma transaction and `sqlTransaction` offer it: code written against
 * this (the audit trail, live events) runs inside either kind of transaction.
 */
export type Sql = {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
};

// Timestamps are stored without a zone, in UTC (as Prisma stores them); pg would read them as local time.
const TIMESTAMP_OID = 1114;
const readUtc = (s: string) => new Date(`${s.replace(" ", "T")}Z`);
const types = { getTypeParser: ((oid: number, format?: string) => (oid === TIMESTAMP_OID ? readUtc : pg.types.getTypeParser(oid, format as "text"))) as typeof pg.types.getTypeParser };
const param = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * One statement of several calls (functions called for what they do: `pg_notify`, `audit_append`,
 * `intake_derive`), made in their order — a select list is evaluated in its order. One round trip.
 */
export const selectCalls = (calls: readonly Prisma.Sql[]): Prisma.Sql => Prisma.sql`SELECT ${Prisma.join(calls.map((c) => Prisma.sql`${c}::text`))}`;

/** A transaction on the driver: tagged SQL, and COPY for rows in bulk. */
export type DriverSql = Sql & {
  /** Appends rows to a table with COPY, the fastest way in: `lines` as `copyLine` makes them. */
  copy(table: string, columns: readonly string[], lines: string): Promise<void>;
};

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const COPY_SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: null as \N, dates as UTC instants, the format's four escapes. */
function copyValue(v: unknown): string {
  if (v == null) return "\\N";
  if (v instanceof Date) return v.toISOString();
  const s = typeof v === "string" ? v : String(v);
  // Most values (ids, codes, numbers) hold nothing to escape: test before replacing (the hot path of ingestion).
  return COPY_SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : s;
}

/** One row in COPY's text format (a loop, not map and join: 5,000 rows a batch). */
export function copyLine(values: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i ? "\t" : "") + copyValue(values[i]);
  return `${line}\n`;
}

/**
 * A transaction straight on the driver, for bulk writes (ingestion): Prisma's raw queries cost
 * ~90 ms of the app's CPU to pass a 2.4 MB parameter (they pass through its query compiler),
 * the driver hands them to PostgreSQL as they are. Same pool, same statements (tagged SQL with
 * `Prisma.sql` semantics: values become parameters); dates go as UTC instants. A connection whose
 * COMMIT or ROLLBACK failed is released as broken (see RecoveringPg).
 */
export async function sqlTransaction<T>(db: Db, work: (sql: DriverSql) => Promise<T>): Promise<T> {
  const pool = pools.get(db);
  if (!pool) throw new Error("sqlTransaction needs a client made by createDb/getDb");
  const client = await pool.connect();
  // A connection that dies while checked out emits "error"; unheard, that would end the process.
  // The failure reaches the caller through the query in flight.
  const ignore = () => {};
  client.on("error", ignore);
  const query = (strings: TemplateStringsArray, values: unknown[]) => {
    const q = Prisma.sql(strings, ...values);
    return client.query({ text: q.text, values: q.values.map(param), types });
  };
  const sql: DriverSql = {
    $executeRaw: async (strings, ...values) => (await query(strings, values)).rowCount ?? 0,
    $queryRaw: async <R>(strings: TemplateStringsArray, ...values: unknown[]) => (await query(strings, values)).rows as R,
    // Table and column names come from the code, never from input.
    copy: (table, columns, lines) =>
      pipeline(Readable.from([lines]), client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`))),
  };
  const release = (broken?: Error) => {
    client.off("error", ignore);
    client.release(broken);
  };
  let result: T;
  try {
    await client.query("BEGIN");
    result = await work(sql);
  } catch (e) {
    await client.query("ROLLBACK").then(() => release(), (broken: Error) => release(broken));
    throw e;
  }
  try {
    await client.query("COMMIT");
  } catch (e) {
    release(e as Error);
    throw e;
  }
  release();
  return result;
}
