import "server-only";
import type { Sql } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

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
  await tx.$executeRaw`SELECT ${warningEventCall(event)}`;
}

/** The announcement as a call, for a statement that has other work too (ingestion's last). */
export function warningEventCall(event: WarningEvent): Prisma.Sql {
  const payload = JSON.stringify(event.kind === "ingested" ? { ...event, units: event.units.slice(0, 100) } : event);
  return Prisma.sql`pg_notify(${WARNING_CHANNEL}, ${payload})`;
}
