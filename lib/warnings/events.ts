import "server-only";
import type { Sql } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** The PostgreSQL channel every app instance listens on for live queue updates. */
export const WARNING_CHANNEL = "warning_events";

/** `ingested`: per unit, how many warnings arrived (new or repeats; 0 for a unit that only has news, a breach). */
export type WarningEvent =
  | { kind: "ingested"; counts: Record<string, number> }
  | { kind: "changed"; id: string; unitId: string; status: string; version: number };

/**
 * What an `ingested` event tells a listener of `scope`: the warnings that arrived in its units, or
 * null when none of them is its. Never the batch's total: that is other jurisdictions' volume (G31).
 */
export function ingestedIn(e: Extract<WarningEvent, { kind: "ingested" }>, scope: ReadonlySet<string>): number | null {
  let count: number | null = null;
  for (const [unitId, n] of Object.entries(e.counts)) if (scope.has(unitId)) count = (count ?? 0) + n;
  return count;
}

/** Adds `n` arrivals of `unitId` to the counts. */
export const countIn = (counts: Record<string, number>, unitId: string, n = 1) => void (counts[unitId] = (counts[unitId] ?? 0) + n);

/**
 * Announces a change to every app instance (LISTEN/NOTIFY). Sent inside the writing transaction,
 * so it is delivered only if the change commits. Payloads stay small: clients refetch what they show.
 */
export async function notifyWarningEvent(tx: Sql, event: WarningEvent): Promise<void> {
  await tx.$executeRaw`SELECT ${warningEventCall(event)}`;
}

/** The announcement as a call, for a statement that has other work too (ingestion's last). */
export function warningEventCall(event: WarningEvent): Prisma.Sql {
  // NOTIFY's payload is at most 8,000 bytes: 100 units of 50 bytes each.
  const payload = JSON.stringify(event.kind === "ingested" ? { ...event, counts: Object.fromEntries(Object.entries(event.counts).slice(0, 100)) } : event);
  return Prisma.sql`pg_notify(${WARNING_CHANNEL}, ${payload})`;
}
