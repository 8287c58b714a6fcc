import "server-only";
import type { Sql } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { GENESIS_HASH, chainHash, type ChainedFields } from "@/lib/audit/hash";
import { redactText } from "@/lib/security/redact";
import { assertDeclaredAudit } from "@/lib/commands/audit-scope";

/** Serialises audit appends so the chain is a single line (held until the transaction ends). */
const AUDIT_LOCK = 7_961_100;

export type AuditEntry = {
  action: string;
  success: boolean;
  entityType?: string;
  entityId?: string;
  /**
   * Masked by writeAudit: every phone, ID and card number in it, free text included (a reason, a
   * note), is stored the way every display shows it (SECURITY.md G33).
   */
  details?: Record<string, unknown>;
};

/** The acting party as the audit trail records it; anonymous events (a failed login) name less. */
export type AuditActor = Pick<Actor, "ip" | "requestId"> &
  Partial<{ id: string; name: string; role: Role | null; unitId: string }>;

/** An IPv4 address as people write it: `::ffff:127.0.0.1` (IPv4-mapped IPv6) → `127.0.0.1`. */
export function plainIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  return /^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(ip) ? ip.slice(7) : ip;
}

/**
 * The details as they will be stored (plain JSON: what the chain hashes is what verification reads
 * back) with every phone, ID and card number in a string masked, at any depth.
 */
export function maskDetails(details: Record<string, unknown>): Record<string, unknown> {
  const mask = (v: unknown): unknown =>
    typeof v === "string" ? redactText(v)
    : Array.isArray(v) ? v.map(mask)
    : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mask(x)]))
    : v;
  return mask(JSON.parse(JSON.stringify(details)) as unknown) as Record<string, unknown>;
}

/**
 * Appends one record to the hash-chained audit trail, inside the caller's transaction: the audit
 * row commits with the change it describes, or neither does (fail closed).
 */
export async function writeAudit(tx: Sql, actor: AuditActor, entry: AuditEntry): Promise<void> {
  assertDeclaredAudit(entry.action);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK}::bigint)`;
  const [last] = await tx.$queryRaw<{ hash: string }[]>`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`;
  const record: ChainedFields = {
    at: new Date(),
    actorId: actor.id ?? null,
    // A failed login names what was typed as the username, which may be a phone number.
    actorName: actor.name == null ? null : redactText(actor.name),
    role: actor.role ?? null,
    unitId: actor.unitId ?? null,
    ip: plainIp(actor.ip),
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    success: entry.success,
    requestId: actor.requestId,
    // Masked before hashing: the chain covers what is stored, so it still verifies.
    details: maskDetails(entry.details ?? {}),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const { at, actorId, actorName, role, unitId, ip, action, entityType, entityId, success, requestId, details } = record;
  await tx.$executeRaw`
    INSERT INTO audit_log (at, "actorId", "actorName", role, "unitId", ip, action, "entityType", "entityId", success, "requestId", details, "prevHash", hash)
    VALUES (${at.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${actorId}::uuid, ${actorName}, ${role}::"Role", ${unitId}::uuid, ${ip},
            ${action}, ${entityType}, ${entityId}, ${success}, ${requestId}, ${JSON.stringify(details)}::jsonb, ${prevHash}, ${chainHash(prevHash, record)})`;
}
