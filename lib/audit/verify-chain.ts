import "server-only";
import { getDb, type Db } from "@/lib/db";
import { GENESIS_HASH, chainHash, chainedFieldsOf } from "@/lib/audit/hash";

export type ChainReport =
  | { intact: true; count: number; headHash: string | null }
  | { intact: false; count: number; brokenAt: bigint; reason: "prev-hash" | "hash" | "head" };

/**
 * Was the first remaining record left there by the retention job? The job records the id and
 * prevHash of the first record it kept; a head cut by anyone else has no such record.
 */
async function vouchedHead(db: Db, first: { id: bigint; prevHash: string }): Promise<boolean> {
  const cut = await db.auditLog.findFirst({
    where: { action: "audit.retention", entityType: "AuditLog", entityId: String(first.id) },
    select: { details: true },
  });
  const d = cut?.details as { firstKeptId?: string; firstKeptPrevHash?: string } | undefined;
  return d?.firstKeptId === String(first.id) && d.firstKeptPrevHash === first.prevHash;
}

/**
 * Walks the audit trail in id order and recomputes every link: each record's hash over its own
 * content and the previous record's hash. The first record starts from the genesis hash, or — after
 * a retention cut — from the prevHash the retention record vouches for. Reports the first break.
 */
export async function verifyAuditChain(db: Db, batch = 5_000): Promise<ChainReport> {
  let prev: string | null = null;
  let cursor = 0n;
  let count = 0;
  for (;;) {
    const rows = await db.auditLog.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: batch });
    if (rows.length === 0) return { intact: true, count, headHash: prev };
    for (const r of rows) {
      if (prev === null) {
        if (r.prevHash !== GENESIS_HASH && !(await vouchedHead(db, r))) return { intact: false, count, brokenAt: r.id, reason: "head" };
      } else if (r.prevHash !== prev) {
        return { intact: false, count, brokenAt: r.id, reason: "prev-hash" };
      }
      if (chainHash(r.prevHash, chainedFieldsOf(r)) !== r.hash) return { intact: false, count, brokenAt: r.id, reason: "hash" };
      prev = r.hash;
      count++;
      cursor = r.id;
    }
  }
}

/** The app's own trail (the audit page's status line); scripts and tests pass the database they check. */
export const verifyAppAuditChain = (): Promise<ChainReport> => verifyAuditChain(getDb());
