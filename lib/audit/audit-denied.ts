import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { notFound, type AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";

/** Records an authorization denial (SECURITY.md B7) in its own transaction. */
export async function auditDenied(actor: Actor, what: { permission?: Permission; entityType?: string; entityId?: string }) {
  await getDb().$transaction((tx) =>
    writeAudit(tx, actor, {
      action: "authz.denied",
      success: false,
      entityType: what.entityType,
      entityId: what.entityId,
      details: what.permission ? { permission: what.permission } : {},
    }),
  );
}

/**
 * The 404 for a record the actor may not see. When the record exists (outside the jurisdiction),
 * the attempt is audited as a denial; either way the caller learns nothing.
 */
export async function outOfScope(actor: Actor, entityType: string, id: string, exists: () => Promise<boolean>): Promise<AppError> {
  if (await exists().catch(() => false)) await auditDenied(actor, { entityType, entityId: id });
  return notFound(entityType.toLowerCase());
}
