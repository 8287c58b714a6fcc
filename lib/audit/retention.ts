// Audit retention (SECURITY.md E21: ≥ 180 days). Deletes only the oldest records, in id order and
// all older than the retention period, so the chain stays verifiable from the first record kept;
// the cut itself is recorded in the trail (verify-chain checks the first record against it).
import "server-only";
import type { Db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";

export const MIN_RETENTION_DAYS = 180;
/** AppSetting key; values below MIN_RETENTION_DAYS are raised to it. */
export const AUDIT_RETENTION_KEY = "auditRetentionDays";
const BATCH = 10_000;

export async function auditRetentionDays(db: Db): Promise<number> {
  const row = await db.appSetting.findUnique({ where: { key: AUDIT_RETENTION_KEY }, select: { value: true } });
  const v = row?.value;
  return typeof v === "number" && Number.isInteger(v) ? Math.max(MIN_RETENTION_DAYS, v) : MIN_RETENTION_DAYS;
}

export type RetentionResult = { deleted: number; keepDays: number; cutoff: Date; firstKeptId: bigint | null };

/**
 * Deletes the audit records older than the retention period (never fewer than 180 days; never the
 * newest record, which the next append links to). Time is the database's, like the trigger's.
 */
export async function purgeAuditLog(db: Db, opts: { keepDays?: number } = {}): Promise<RetentionResult> {
  const keepDays = Math.max(MIN_RETENTION_DAYS, opts.keepDays ?? (await auditRetentionDays(db)));
  const [{ now }] = (await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000);
  const [firstYoung, newest] = await Promise.all([
    db.auditLog.findFirst({ where: { at: { gte: cutoff } }, orderBy: { id: "asc" }, select: { id: true } }),
    db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  if (!newest) return { deleted: 0, keepDays, cutoff, firstKeptId: null };
  // Everything before the first young record goes (all of it is older than the cutoff by
  // construction); with no young record at all, everything but the newest.
  const limit = firstYoung?.id ?? newest.id;
  let deleted = 0;
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE id < ${limit} ORDER BY id LIMIT ${BATCH})`;
    deleted += n;
    if (n < BATCH) break;
  }
  const first = await db.auditLog.findFirst({ orderBy: { id: "asc" }, select: { id: true, prevHash: true } });
  if (deleted > 0 && first) {
    await db.$transaction((tx) =>
      writeAudit(tx, { ip: null, requestId: `retention-${now.toISOString()}`, name: "retention" }, {
        action: "audit.retention", success: true, entityType: "AuditLog", entityId: String(first.id),
        details: { deleted, keepDays, cutoff: cutoff.toISOString(), firstKeptId: String(first.id), firstKeptPrevHash: first.prevHash },
      }),
    );
  }
  return { deleted, keepDays, cutoff, firstKeptId: first?.id ?? null };
}
