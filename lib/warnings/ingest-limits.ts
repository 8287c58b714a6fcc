// The bounds of ingestion's transactions: its batches' and their follow-ups'.
import "server-only";
import type { DriverSql } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A hung batch must not hold the ingestion lock: once a batch holds it, each of its statements may
 * take INGEST_STATEMENT_TIMEOUT_MS (15 s by default; a 5,000-item batch takes well under a second
 * alone) and the transaction may idle as long. The wait for the lock has its own bound,
 * INGEST_LOCK_WAIT_MS (60 s by default): six full batches at once queue for it, rightly.
 */
export function ingestTimeouts(): { statement: string; lockWait: string } {
  const e = loadEnv();
  return { statement: `${e.INGEST_STATEMENT_TIMEOUT_MS ?? 15_000}ms`, lockWait: `${e.INGEST_LOCK_WAIT_MS ?? 60_000}ms` };
}

/**
 * Bounds each statement of the transaction, and its idling, by the statement timeout; the wait for
 * a lock by the lock wait. `deferred` marks a batch's own transaction, for which the derivation
 * triggers of new warnings stand aside (migration intake_followups): it derives them itself
 * (lib/warnings/ingest-followup.ts). The settings as a select list, for a statement of the caller's.
 * SET LOCAL: ends with the transaction, so it holds behind a transaction pooler too.
 */
export function ingestBounds({ deferred }: { deferred: boolean }): Prisma.Sql {
  const { statement, lockWait } = ingestTimeouts();
  return Prisma.sql`set_config('statement_timeout', ${statement}, true), set_config('idle_in_transaction_session_timeout', ${statement}, true),
    set_config('lock_timeout', ${lockWait}, true), set_config('fanzha.intake_deferred', ${deferred ? "on" : "off"}, true)`;
}

/** Bounds the transaction (see ingestBounds) in a statement of its own. */
export async function boundIngestTransaction(tx: DriverSql, { deferred }: { deferred: boolean }): Promise<void> {
  await tx.$queryRaw`SELECT ${ingestBounds({ deferred })}`;
}
