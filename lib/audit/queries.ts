import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { command } from "@/lib/commands/command";
import { isCityWide, unitSubtree } from "@/lib/units/jurisdiction";
import { chainHash, chainedFieldsOf, type ChainedFields } from "@/lib/audit/hash";
import { auditIdSchema, auditQuerySchema, localInstant, type AuditQuery } from "@/lib/audit/schemas";
import { isKnownAction } from "@/lib/audit/actions";
import { entityKey, entityRefs, type EntityRef } from "@/lib/audit/labels";
import { maskDetails, plainIp } from "@/lib/audit/write-audit";
import { redactText } from "@/lib/security/redact";

export const AUDIT_PAGE_SIZE = 50;

/** A record as the audit pages show it: the chained fields, with the unit by code and name. */
export type AuditRow = Omit<ChainedFields, "unitId"> & {
  id: string;
  unitCode: string | null;
  unitName: string | null;
  /** The record named by entityType/entityId as people name it (a case number, a warning number). */
  entity: EntityRef | null;
};

export type AuditRecord = AuditRow & { prevHash: string; hash: string; hashValid: boolean };

/** An auditor sees the records of their jurisdiction's units; a city-level one also the anonymous ones. */
async function scopeWhere(actor: Actor, q: Pick<AuditQuery, "unit">): Promise<Prisma.AuditLogWhereInput> {
  const units = await getDb().unit.findMany({
    where: { AND: [unitSubtree(actor.scopePath), ...(q.unit ? [{ code: q.unit }] : [])] },
    select: { id: true, path: true },
  });
  let ids = units.map((u) => u.id);
  if (q.unit && units[0]) {
    const sub = await getDb().unit.findMany({ where: unitSubtree(units[0].path), select: { id: true } });
    ids = sub.map((u) => u.id);
  }
  const root = isCityWide(actor);
  return !q.unit && root ? { OR: [{ unitId: { in: ids } }, { unitId: null }] } : { unitId: { in: ids } };
}

export async function auditWhere(actor: Actor, q: AuditQuery): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [await scopeWhere(actor, q)];
  if (q.from) and.push({ at: { gte: localInstant(q.from) } });
  if (q.to) and.push({ at: { lt: localInstant(q.to, true) } });
  if (q.actor) and.push(/^[0-9a-f-]{36}$/i.test(q.actor) ? { actorId: q.actor } : { actorName: q.actor });
  // A known action matches itself; a group ("auth.") or any other prefix matches by prefix.
  if (q.action) and.push({ action: isKnownAction(q.action) ? q.action : { startsWith: q.action } });
  if (q.entityType) and.push({ entityType: q.entityType });
  if (q.entityId) and.push({ entityId: q.entityId });
  if (q.success) and.push({ success: q.success === "true" });
  if (q.before) and.push({ id: { lt: BigInt(q.before) } });
  return { AND: and };
}

const rowSelect = {
  id: true, at: true, actorId: true, actorName: true, role: true, unitId: true, ip: true, action: true,
  entityType: true, entityId: true, success: true, requestId: true, details: true,
} as const;

type StoredRow = { unitId: string | null; id: bigint; ip: string | null; actorName: string | null; details: unknown; entityType: string | null; entityId: string | null };

/**
 * Rows as the auditor reads them: unit names, record labels, plain IPs — and details masked once
 * more, for records written before audit details were masked at write time (the stored record, and
 * its hash, stay as they are).
 */
async function forDisplay<T extends StoredRow>(rows: T[]) {
  const ids = [...new Set(rows.map((r) => r.unitId).filter((x): x is string => !!x))];
  const [unitList, refs] = await Promise.all([
    getDb().unit.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true } }),
    entityRefs(rows),
  ]);
  const units = new Map(unitList.map((u) => [u.id, u]));
  return rows.map(({ unitId, id, ...r }) => ({
    ...r,
    id: String(id),
    ip: plainIp(r.ip),
    actorName: r.actorName === null ? null : redactText(r.actorName),
    details: r.details !== null && typeof r.details === "object" && !Array.isArray(r.details) ? maskDetails(r.details as Record<string, unknown>) : r.details,
    entity: r.entityType && r.entityId ? (refs.get(entityKey(r.entityType, r.entityId)) ?? null) : null,
    unitCode: unitId ? (units.get(unitId)?.code ?? null) : null,
    unitName: unitId ? (units.get(unitId)?.name ?? null) : null,
  }));
}

/** One page of the trail, newest first; `next` is the `before` of the following page. */
export async function listAudit(actor: Actor, rawQuery: unknown): Promise<{ rows: AuditRow[]; next: string | null; query: AuditQuery }> {
  const query = parseInput(auditQuerySchema, rawQuery);
  const rows = await getDb().auditLog.findMany({ where: await auditWhere(actor, query), orderBy: { id: "desc" }, take: AUDIT_PAGE_SIZE + 1, select: rowSelect });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: await forDisplay(page), next: rows.length > AUDIT_PAGE_SIZE ? String(page.at(-1)!.id) : null, query };
}

/** Every matching record for an export, newest first, up to `limit`. */
export async function allAudit(actor: Actor, query: AuditQuery, limit: number): Promise<AuditRow[]> {
  const rows = await getDb().auditLog.findMany({ where: await auditWhere(actor, query), orderBy: { id: "desc" }, take: limit, select: rowSelect });
  return forDisplay(rows);
}

/** The full record, with whether its own hash still matches its content. */
export const getAuditRecord = command({
  name: "audit.record.get", permission: "audit:read",
  summary: "One audit record of the caller's jurisdiction, with whether its hash still matches",
  input: auditIdSchema, audit: false,
  async run({ actor, input: { id }, db }): Promise<AuditRecord> {
    const r = await db.auditLog.findFirst({ where: { AND: [{ id: BigInt(id) }, await scopeWhere(actor, {})] }, select: { ...rowSelect, prevHash: true, hash: true } });
    if (!r) throw notFound("audit record");
    const hashValid = chainHash(r.prevHash, chainedFieldsOf(r)) === r.hash;
    const [row] = await forDisplay([r]);
    return { ...row!, prevHash: r.prevHash, hash: r.hash, hashValid };
  },
});
