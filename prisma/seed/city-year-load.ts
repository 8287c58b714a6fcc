// Bulk loading for the city-year dataset: rows are buffered per table and written as one
// `INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …)` per batch — one round trip and one
// statement-trigger run per 20,000 rows. Batches go out on one connection in order (children
// after their parents) while the generator prepares the next ones.
import type pg from "pg";

/** A column and the PostgreSQL element type of its parameter array. */
export type Col = readonly [name: string, type: string];
export type Cell = string | number | boolean | null | Date | readonly string[];

const BATCH = 20_000;
/** Batches allowed in flight before the generator waits for the database. */
const MAX_PENDING = 3;

function cell(v: Cell): unknown {
  // Timestamps travel as epoch milliseconds (see `send`): exact, and far cheaper than ISO strings.
  if (v instanceof Date) return v.getTime();
  return v;
}

const QUOTED = new Set(["text", "date"]);

/**
 * A column's values as one PostgreSQL array literal. Ids, numbers, booleans and enum labels need
 * no quoting; text is quoted and escaped. Much cheaper than the driver's generic serialisation.
 */
function arrayLiteral(values: unknown[], type: string): string {
  const quote = QUOTED.has(type);
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = "NULL";
    else if (typeof v === "boolean") parts[i] = v ? "t" : "f";
    else if (!quote) parts[i] = String(v);
    else {
      let t = String(v);
      if (t.includes("\\") || t.includes('"')) t = t.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
      parts[i] = `"${t}"`;
    }
  }
  return `{${parts.join(",")}}`;
}

/** One connection's ordered queue of batches. */
class Lane {
  queue: Promise<void> = Promise.resolve();
  inflight: Promise<void>[] = [];
  constructor(readonly client: pg.PoolClient) {}
}

export class BulkWriter {
  private readonly lanes: Lane[];
  private failed: unknown = null;
  readonly counts = new Map<string, number>();

  /**
   * One lane per connection. With several, tables on different lanes load in parallel: only
   * safe when foreign keys are not checked during the load (see city-year.ts).
   */
  constructor(clients: pg.PoolClient[]) {
    this.lanes = clients.map((c) => new Lane(c));
  }

  /** A buffered table; `parents` (tables its rows reference) are flushed before each of its batches. */
  table(name: string, cols: readonly Col[], parents: BulkTable[] = [], lane = 0): BulkTable {
    return new BulkTable(this, name, cols, parents, lane % this.lanes.length);
  }

  /** Queues one batch insert on its lane; waits when that lane has enough in flight. */
  async send(name: string, cols: readonly Col[], columns: unknown[][], rows: number, laneNo: number): Promise<void> {
    if (this.failed) throw this.failed;
    const lane = this.lanes[laneNo]!;
    const names = cols.map(([c]) => `"${c}"`).join(", ");
    const params = cols.map(([, t], i) => `$${i + 1}::${t === "timestamp" ? "int8" : t}[]`).join(", ");
    const select = cols.map(([, t], i) => (t === "timestamp" ? `'epoch'::timestamp + c${i} * interval '1 millisecond'` : `c${i}`)).join(", ");
    const aliases = cols.map((_, i) => `c${i}`).join(", ");
    const sql = `INSERT INTO "${name}" (${names}) SELECT ${select} FROM unnest(${params}) AS u(${aliases})`;
    const literals = columns.map((values, i) => arrayLiteral(values, cols[i]![1]));
    lane.queue = lane.queue.then(async () => {
      try {
        if (!this.failed) await lane.client.query(sql, literals);
        this.counts.set(name, (this.counts.get(name) ?? 0) + rows);
      } catch (e) {
        this.failed ??= new Error(`bulk insert into ${name} failed: ${(e as Error).message}`);
      }
    });
    lane.inflight.push(lane.queue);
    // Batches of a lane run one after another; wait for the oldest when the queue is long enough.
    while (lane.inflight.length >= MAX_PENDING) await lane.inflight.shift();
    if (this.failed) throw this.failed;
  }

  /** Waits for every queued batch. */
  async drain(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.queue));
    if (this.failed) throw this.failed;
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}

export class BulkTable {
  private columns: unknown[][];
  private rows = 0;

  constructor(
    private readonly writer: BulkWriter,
    readonly name: string,
    private readonly cols: readonly Col[],
    private readonly parents: BulkTable[],
    private readonly lane: number,
  ) {
    this.columns = cols.map(() => []);
  }

  /** Adds a row (values in column order); sends a batch when full. */
  async add(values: readonly Cell[]): Promise<void> {
    for (let i = 0; i < this.cols.length; i++) this.columns[i]!.push(cell(values[i] ?? null));
    if (++this.rows >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows === 0) return;
    for (const p of this.parents) await p.flush();
    const columns = this.columns;
    const rows = this.rows;
    this.columns = this.cols.map(() => []);
    this.rows = 0;
    await this.writer.send(this.name, this.cols, columns, rows, this.lane);
  }
}

// Column lists of the tables the generator fills (types as the migration declares them).
export const COLS = {
  warnings: [
    ["id", "uuid"], ["source", '"WarningSource"'], ["externalId", "text"], ["riskLevel", '"RiskLevel"'], ["fraudType", '"FraudType"'],
    ["status", '"WarningStatus"'], ["outcome", '"WarningOutcome"'], ["priority", "int4"], ["receivedAt", "timestamp"], ["lastSeenAt", "timestamp"],
    ["repeatCount", "int4"], ["victimName", "text"], ["victimPhone", "text"], ["victimIdNumber", "text"], ["victimAge", "int2"],
    ["victimGender", '"Gender"'], ["victimAddress", "text"], ["contactChannel", '"ContactChannel"'], ["contactValue", "text"],
    ["amountAtRisk", "numeric"], ["unitId", "uuid"], ["routedBy", '"RoutedBy"'], ["assigneeId", "uuid"], ["dispatchedAt", "timestamp"],
    ["ackDueAt", "timestamp"], ["contactDueAt", "timestamp"], ["resolveDueAt", "timestamp"], ["acknowledgedAt", "timestamp"],
    ["firstContactAt", "timestamp"], ["resolvedAt", "timestamp"], ["slaDueAt", "timestamp"], ["caseId", "uuid"], ["createdById", "uuid"],
    ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
  ],
  actions: [
    ["id", "uuid"], ["warningId", "uuid"], ["unitId", "uuid"], ["actorId", "uuid"], ["kind", '"ActionKind"'], ["result", '"ActionResult"'],
    ["occurredAt", "timestamp"], ["durationSeconds", "int4"], ["amountProtected", "numeric"], ["fraudType", '"FraudType"'],
    ["personFound", "bool"], ["appRegistered", "bool"], ["note", "text"], ["bankName", "text"], ["bankBranch", "text"],
    ["customerName", "text"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
  ],
  breaches: [["id", "uuid"], ["warningId", "uuid"], ["step", '"SlaStep"'], ["unitId", "uuid"], ["dueAt", "timestamp"], ["breachedAt", "timestamp"]],
} as const satisfies Record<string, readonly Col[]>;

// ── load modes, shared with bench/stats-scale.ts ──

const SOURCE_TABLES = ["warnings", "sla_breaches", "dissuasion_actions", "cases", "gangs", "suspects", "seized_items", "fund_recoveries", "publicity_events", "daily_counts", "revisits"];

/**
 * With the right to set session_replication_role (a superuser, as on the embedded server), the
 * load skips foreign-key checks — every reference is generated consistent — and runs on two
 * connections. The rollup triggers still fire (ENABLE ALWAYS for the load's duration), so the
 * statistics are maintained the same way as for any other write. Without it: one connection.
 */
export async function loadMode(clients: pg.ClientBase[], log: (msg: string) => void): Promise<boolean> {
  // Losing the last moments of a bulk load to a crash is acceptable; waiting for each fsync is not.
  for (const c of clients) await c.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'");
  try {
    for (const c of clients) await c.query("SET session_replication_role = replica");
  } catch {
    log("no right to skip foreign-key checks: loading on one connection");
    return false;
  }
  for (const t of SOURCE_TABLES) await clients[0]!.query(`ALTER TABLE "${t}" ENABLE ALWAYS TRIGGER stat_rollup_insert`);
  // The victim profile rollup (migration victim_profiles) is kept the same way.
  await clients[0]!.query(`ALTER TABLE "warnings" ENABLE ALWAYS TRIGGER profile_rollup_insert`);
  log(`foreign-key checks off for the load (every reference is consistent by construction)${clients.length > 1 ? ", two connections" : ""}`);
  return true;
}

export async function endFastMode(clients: pg.ClientBase[]) {
  for (const t of SOURCE_TABLES) await clients[0]!.query(`ALTER TABLE "${t}" ENABLE TRIGGER stat_rollup_insert`);
  await clients[0]!.query(`ALTER TABLE "warnings" ENABLE TRIGGER profile_rollup_insert`);
  for (const c of clients) await c.query("SET session_replication_role = origin");
}

/** The big tables load faster without their secondary indexes; they are rebuilt afterwards. */
export async function dropSecondaryIndexes(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(`
    SELECT i.indexname::text AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename IN ('warnings', 'dissuasion_actions', 'sla_breaches')
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))`);
  for (const r of rows) await client.query(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.def);
}

