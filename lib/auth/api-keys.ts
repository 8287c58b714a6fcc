import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { API_SCOPES, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { actorUnitSql, type ActorUnitColumns } from "@/lib/units/jurisdiction";
import type { WarningSource } from "@/lib/generated/prisma/enums";

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** A new key: `fz_<prefix>_<secret>`. Only its hash is stored; the prefix identifies it to admins. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = `fz_${randomBytes(5).toString("hex")}`;
  const key = `${prefix}_${randomBytes(24).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

const TOUCH_EVERY_MS = 60_000;

type KeyRow = {
  id: string; name: string; scopes: string[]; sources: WarningSource[]; revokedAt: Date | null; expiresAt: Date | null; approvalPending: boolean; lastUsedAt: Date | null;
} & ActorUnitColumns;

/** Whether a key is approved (a read scope needs the security officer's approval), neither revoked nor expired at `now`. */
export const apiKeyUsable = (k: { revokedAt: Date | null; expiresAt: Date | null; approvalPending: boolean }, now: Date) =>
  !k.approvalPending && !k.revokedAt && (!k.expiresAt || k.expiresAt > now);

/** The actor behind a bearer key, or null when the key is unknown, awaiting approval, revoked or expired, or its unit disabled. */
export async function authenticateApiKey(key: string, client: { ip: string | null; requestId: string }, now = new Date()): Promise<Actor | null> {
  if (!/^fz_[0-9a-f]{10}_[A-Za-z0-9_-]{20,64}$/.test(key)) return null;
  const db = getDb();
  // One statement on every feed request (a nested select was one per relation).
  const unit = actorUnitSql(`k."unitId"`);
  const [row] = await db.$queryRaw<KeyRow[]>`
    SELECT k.id::text AS id, k.name, k.scopes, k.sources::text[] AS sources, k."revokedAt", k."expiresAt", k."approvalPending", k."lastUsedAt", ${unit.columns}
      FROM api_keys k ${unit.joins}
     WHERE k."keyHash" = ${hashApiKey(key)} AND unit.active`;
  if (!row || !apiKeyUsable(row, now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const scopes = row.scopes.filter((s): s is Permission => (PERMISSIONS as readonly string[]).includes(s) && (API_SCOPES as readonly string[]).includes(s));
  return {
    kind: "apiKey", id: row.id, name: row.name, displayName: row.name, role: null,
    unitId: row.unitId, unitCode: row.unitCode, unitName: row.unitName, unitKind: row.unitKind,
    scopePath: row.scopePath,
    permissions: new Set(scopes), sources: row.sources, ip: client.ip, requestId: client.requestId,
  };
}
