import type { Db } from "@/lib/db";
import { GENESIS_HASH, chainHash } from "@/lib/audit/hash";

export type ChainReport =
  | { intact: true; count: number }
  | { intact: false; count: number; brokenAt: bigint; reason: "prev-hash" | "hash" };

/**
 * Walks the audit trail in order and recomputes every link. The first record may follow a
 * retention cut: its prevHash is then taken as given.
 */
export async function verifyAuditChain(db: Db, batch = 5_000): Promise<ChainReport> {
  let prev: string | null = null;
  let cursor = 0n;
  let count = 0;
  for (;;) {
    const rows = await db.auditLog.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: batch });
    if (rows.length === 0) return { intact: true, count };
    for (const r of rows) {
      if (prev !== null && r.prevHash !== prev) return { intact: false, count, brokenAt: r.id, reason: "prev-hash" };
      if (prev === null && count === 0 && r.prevHash !== GENESIS_HASH && r.id === 1n) {
        return { intact: false, count, brokenAt: r.id, reason: "prev-hash" };
      }
      const expected = chainHash(r.prevHash, {
        at: r.at,
        actorId: r.actorId,
        actorName: r.actorName,
        role: r.role,
        unitId: r.unitId,
        ip: r.ip,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        success: r.success,
        requestId: r.requestId,
        details: r.details,
      });
      if (expected !== r.hash) return { intact: false, count, brokenAt: r.id, reason: "hash" };
      prev = r.hash;
      count++;
      cursor = r.id;
    }
  }
}
