import "server-only";
import { getDb } from "@/lib/db";
import { WARNING_CHANNEL } from "@/lib/warnings/events";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUnderSql, scopePathSql } from "@/lib/units/jurisdiction";

/**
 * Breaches recorded per transaction. A backlog (after downtime) is worked off in steps that each
 * finish well within the transaction timeout; one step in one transaction never finished.
 */
const CHUNK = 5_000;

/**
 * Marks every SLA step that has run out (DESIGN.md §2.4) and notifies the people who must act:
 * the dispatchers whose jurisdiction holds the warning and the officers of its unit. A breach is
 * unique per warning and step, so any number of instances may run this, any number of times:
 * each breach fires once. Works in steps of 5,000, oldest first, so a backlog of any size
 * progresses; returns the number of new breaches. Each run reads the open overdue warnings (a
 * few hundred in a working command center: milliseconds).
 */
export async function escalateBreaches(now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await escalateChunk(now);
    total += n;
    if (n < CHUNK) return total;
  }
}

function escalateChunk(now: Date): Promise<number> {
  return getDb().$transaction(async (tx) => {
    const breaches = await tx.$queryRaw<{ warningId: string; step: string; unitId: string }[]>`
      INSERT INTO sla_breaches (id, "warningId", step, "unitId", "dueAt", "breachedAt")
      SELECT uuid_time(), w.id, s.step, w."unitId", w."slaDueAt", ${now}::timestamptz AT TIME ZONE 'UTC'
        FROM warnings w
        CROSS JOIN LATERAL (SELECT (CASE WHEN w."acknowledgedAt" IS NULL THEN 'ACK' WHEN w."firstContactAt" IS NULL THEN 'CONTACT' ELSE 'RESOLVE' END)::"SlaStep" AS step) s
       WHERE w.status <> 'RESOLVED' AND w."slaDueAt" < ${now}::timestamptz AT TIME ZONE 'UTC'
         AND NOT EXISTS (SELECT 1 FROM sla_breaches b WHERE b."warningId" = w.id AND b.step = s.step)
       ORDER BY w."slaDueAt"
       LIMIT ${CHUNK}
      ON CONFLICT ("warningId", step) DO NOTHING
      RETURNING "warningId"::text AS "warningId", step::text AS step, "unitId"::text AS "unitId"`;
    if (breaches.length === 0) return 0;
    await tx.$executeRaw`
      INSERT INTO notifications (id, "userId", kind, "dedupeKey", "entityType", "entityId", data)
      SELECT uuid_time(), u.id, 'sla_breach', 'sla:' || b.w || ':' || b.step, 'Warning', b.w::uuid, jsonb_build_object('step', b.step)
        FROM unnest(${breaches.map((b) => b.warningId)}::text[], ${breaches.map((b) => b.step)}::text[], ${breaches.map((b) => b.unitId)}::text[]) AS b(w, step, unit)
        JOIN units wu ON wu.id = b.unit::uuid
        JOIN users u ON u.active AND (
             (u.role = 'DISPATCHER' AND EXISTS (
                SELECT 1 FROM units du LEFT JOIN units dp ON dp.id = du."parentId"
                 WHERE du.id = u."unitId"
                   AND ${isUnderSql(Prisma.raw("wu.path"), scopePathSql("du", "dp"))}))
          OR (u.role = 'OFFICER' AND u."unitId" = wu.id))
      ON CONFLICT ("userId", "dedupeKey") DO NOTHING`;
    await tx.$executeRaw`SELECT pg_notify(${WARNING_CHANNEL}, ${JSON.stringify({ kind: "ingested", counts: Object.fromEntries(breaches.slice(0, 100).map((b) => [b.unitId, 0])) })})`;
    return breaches.length;
  }, { timeout: 30_000 });
}
