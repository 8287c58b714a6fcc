import "server-only";
import type { Sql } from "@/lib/db";

/** The PostgreSQL channel every app instance listens on for live queue updates. */
export const WARNING_CHANNEL = "warning_events";

export type WarningEvent =
  | { kind: "ingested"; units: string[]; count: number }
  | { kind: "changed"; id: string; unitId: string; status: string; version: number };

/**
 * Announces a change to every app instance (LISTEN/NOTIFY). Sent inside the writing transaction,
 * so it is delivered only if the change commits. Payloads stay small: clients refetch what they show.
 */
export async function notifyWarningEvent(tx: Sql, event: WarningEvent): Promise<void> {
  const payload = JSON.stringify(event.kind === "ingested" ? { ...event, units: event.units.slice(0, 100) } : event);
  await tx.$executeRaw`SELECT pg_notify(${WARNING_CHANNEL}, ${payload})`;
}
