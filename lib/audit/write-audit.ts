import type { Sql } from "@/lib/db";
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
export async function writeAudit(tx: Sql, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK}::bigint)`;
  const [last] = await tx.$queryRaw<{ hash: string }[]>`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`;
  const record: ChainedFields = {
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
  const { at, actorId, actorName, role, unitId, ip, action, entityType, entityId, success, requestId, details } = record;
  await tx.$executeRaw`
    INSERT INTO audit_log (at, "actorId", "actorName", role, "unitId", ip, action, "entityType", "entityId", success, "requestId", details, "prevHash", hash)
    VALUES (${at.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${actorId}::uuid, ${actorName}, ${role}::"Role", ${unitId}::uuid, ${ip},
            ${action}, ${entityType}, ${entityId}, ${success}, ${requestId}, ${JSON.stringify(details)}::jsonb, ${prevHash}, ${chainHash(prevHash, record)})`;
}
