import "server-only";
import { selectCalls, type Sql } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { chainBodyAround, type ChainedFields } from "@/lib/audit/hash";
import { Prisma } from "@/lib/generated/prisma/client";
import { redactText } from "@/lib/security/redact";
import { assertDeclaredAudit } from "@/lib/commands/audit-scope";

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
 * The statement's call that appends one record to the hash-chained audit trail, inside the
 * caller's transaction: the audit row commits with the change it describes, or neither does (fail
 * closed). `audit_append` (migration audit_append) takes the chain's lock, then stamps the record's
 * time (so the chain's order is its time order, however long the caller's transaction ran),
 * reads the last hash and stores the record with hash = sha256(previous hash ‖ canonical record),
 * in one round trip; a write with other work for the database at its end sends both in one
 * statement. The app makes the canonical record around its time (chainBodyAround).
 */
export function auditAppend(actor: AuditActor, entry: AuditEntry): Prisma.Sql {
  assertDeclaredAudit(entry.action);
  const record: Omit<ChainedFields, "at"> = {
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
  const { actorId, actorName, role, unitId, ip, action, entityType, entityId, success, requestId, details } = record;
  const [head, tail] = chainBodyAround(record);
  return Prisma.sql`audit_append(${actorId}::uuid, ${actorName}, ${role}::"Role", ${unitId}::uuid, ${ip}, ${action}, ${entityType}, ${entityId},
    ${success}, ${requestId}, ${JSON.stringify(details)}::jsonb, ${head}, ${tail})`;
}

/** Appends one record to the audit trail in the caller's transaction (see auditAppend). */
export async function writeAudit(tx: Sql, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.$queryRaw`${selectCalls([auditAppend(actor, entry)])}`;
}
