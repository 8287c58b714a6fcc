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

/**
 * hash = sha256(previous hash ‖ canonical record), the time as an ISO instant in milliseconds.
 * Computed here to verify the chain, and by `audit_append` (migration audit_append) when a record
 * is written: the two must agree (tests/integration/audit-chain.test.ts).
 */
export function chainHash(prevHash: string, r: ChainedFields): string {
  return createHash("sha256").update(prevHash).update(canonicalJson({ ...r, at: r.at.toISOString() })).digest("hex");
}

const AT = "\u0000at\u0000";

/**
 * A record's canonical JSON before and after its time's value, for `audit_append`, which stamps the
 * time: head + '"' + ISO instant + '"' + tail is the canonical record. The key `"at":` outside a
 * string is unambiguous (inside one its quotes are escaped).
 */
export function chainBodyAround(r: Omit<ChainedFields, "at">): [string, string] {
  const body = canonicalJson({ ...r, at: AT });
  const marker = `"at":${JSON.stringify(AT)}`;
  const i = body.indexOf(marker);
  return [body.slice(0, i + '"at":'.length), body.slice(i + marker.length)];
}

/** The chained fields of a stored record (and nothing else: extra columns would change the hash). */
export function chainedFieldsOf(r: ChainedFields): ChainedFields {
  return {
    at: r.at, actorId: r.actorId, actorName: r.actorName, role: r.role, unitId: r.unitId, ip: r.ip, action: r.action,
    entityType: r.entityType, entityId: r.entityId, success: r.success, requestId: r.requestId, details: r.details,
  };
}
