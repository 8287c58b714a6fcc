import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";

/** Why a full value is being looked at: required, and written to the audit trail. */
export const revealReasonSchema = z.string().trim().min(4, "too_short").max(200, "too_long");

/**
 * Records that the actor saw one full personal value (SECURITY.md B10). Call it in the same
 * transaction that reads the value, after the jurisdiction-scoped read found the record.
 */
export async function recordReveal(
  tx: Tx,
  actor: Actor,
  what: { entityType: string; entityId: string; field: string; reason: string },
): Promise<void> {
  await writeAudit(tx, actor, {
    action: "pii.reveal",
    success: true,
    entityType: what.entityType,
    entityId: what.entityId,
    details: { field: what.field, reason: what.reason },
  });
}
