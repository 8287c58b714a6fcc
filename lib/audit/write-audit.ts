import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { GENESIS_HASH, chainHash, type ChainedFields } from "@/lib/audit/hash";

/** Serialises audit appends so the chain is a single line (held until the transaction ends). */
const AUDIT_LOCK = 7_961_100;

export type AuditEntry = {
  action: string;
  success: boolean;
  entityType?: string;
  entityId?: string;
  /** Already masked: no full phone, ID or card number ever goes in here. */
  details?: Record<string, unknown>;
};

/** The acting party as the audit trail records it; anonymous events (a failed login) name less. */
export type AuditActor = Pick<Actor, "ip" | "requestId"> &
  Partial<{ id: string; name: string; role: Role | null; unitId: string }>;

/**
 * Appends one record to the hash-chained audit trail, inside the caller's transaction: the audit
 * row commits with the change it describes, or neither does (fail closed).
 */
export async function writeAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK}::bigint)`;
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const fields: ChainedFields = {
    at: new Date(),
    actorId: actor.id ?? null,
    actorName: actor.name ?? null,
    role: actor.role ?? null,
    unitId: actor.unitId ?? null,
    ip: actor.ip,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    success: entry.success,
    requestId: actor.requestId,
    details: entry.details ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditLog.create({
    data: {
      ...fields,
      role: fields.role as Role | null,
      details: fields.details as object,
      prevHash,
      hash: chainHash(prevHash, fields),
    },
  });
}
