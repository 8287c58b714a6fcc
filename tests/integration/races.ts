// Races forced, not slept on: a holder transaction takes the audit chain's advisory lock
// (audit_append, key 7961100), so every racing command has done its checks and its writes and
// waits at its audit record (or on a lock the previous racer holds); the holder lets go once all
// of them wait.
import pg from "pg";
import { expect } from "vitest";
import { getDb } from "@/lib/db";
import { pgConfigFromUrl } from "@/lib/db-url";
import { AppError } from "@/lib/errors";

/** How many sessions of this database wait on a lock (the audit chain's, a row's, an advisory one). */
export async function lockWaiters(): Promise<number> {
  const [r] = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return r!.n;
}

/**
 * Runs the racers while a holder keeps the audit chain locked: each racer is started once the
 * previous one waits; the holder commits when all of them wait. A refusal comes back as its AppError.
 */
export async function race<T>(racers: (() => Promise<T>)[]): Promise<(T | AppError)[]> {
  const holder = new pg.Client(pgConfigFromUrl(process.env.DATABASE_URL!));
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query("SELECT pg_advisory_xact_lock(7961100)");
    const running: Promise<T | AppError>[] = [];
    for (const [i, run] of racers.entries()) {
      running.push(run().catch((e: unknown) => { if (e instanceof AppError) return e; throw e; }));
      await expect.poll(lockWaiters, { timeout: 10_000, interval: 25 }).toBe(i + 1);
    }
    await holder.query("COMMIT");
    return await Promise.all(running);
  } finally {
    await holder.end();
  }
}
