import "server-only";
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every level, so a record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export type ChainedFields = {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  role: string | null;
  unitId: string | null;
  ip: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  success: boolean;
  requestId: string | null;
  details: unknown;
};

/** What a record contributes to its hash: the record as canonical JSON. */
export const chainBody = (r: ChainedFields): string => canonicalJson({ ...r, at: r.at.toISOString() });

/**
 * hash = sha256(previous hash ‖ canonical record). Computed here to verify the chain, and by
 * `audit_append` (migration audit_append) when a record is written: the two must agree
 * (tests/integration/audit-chain.test.ts).
 */
export function chainHash(prevHash: string, r: ChainedFields): string {
  return createHash("sha256").update(prevHash).update(chainBody(r)).digest("hex");
}

/** The chained fields of a stored record (and nothing else: extra columns would change the hash). */
export function chainedFieldsOf(r: ChainedFields): ChainedFields {
  return {
    at: r.at, actorId: r.actorId, actorName: r.actorName, role: r.role, unitId: r.unitId, ip: r.ip, action: r.action,
    entityType: r.entityType, entityId: r.entityId, success: r.success, requestId: r.requestId, details: r.details,
  };
}
