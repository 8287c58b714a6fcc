import { getDb } from "@/lib/db";
import { WARNING_CHANNEL } from "@/lib/warnings/events";

/**
 * Marks every SLA step that has run out (DESIGN.md §2.4) and notifies the people who must act:
 * the dispatchers whose jurisdiction holds the warning and the officers of its unit. A breach is
 * unique per warning and step, so any number of instances may run this, any number of times:
 * each breach fires once. Returns the number of new breaches.
 */
export async function escalateBreaches(now = new Date()): Promise<number> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const breaches = await tx.$queryRaw<{ warningId: string; step: string; unitId: string }[]>`
      INSERT INTO sla_breaches (id, "warningId", step, "unitId", "dueAt", "breachedAt")
      SELECT gen_random_uuid(), w.id,
             (CASE WHEN w."acknowledgedAt" IS NULL THEN 'ACK' WHEN w."firstContactAt" IS NULL THEN 'CONTACT' ELSE 'RESOLVE' END)::"SlaStep",
             w."unitId", w."slaDueAt", ${now}::timestamptz AT TIME ZONE 'UTC'
        FROM warnings w
       WHERE w.status <> 'RESOLVED' AND w."slaDueAt" < ${now}::timestamptz AT TIME ZONE 'UTC'
      ON CONFLICT ("warningId", step) DO NOTHING
      RETURNING "warningId"::text AS "warningId", step::text AS step, "unitId"::text AS "unitId"`;
    if (breaches.length === 0) return 0;
    await tx.$executeRaw`
      INSERT INTO notifications (id, "userId", kind, "dedupeKey", "entityType", "entityId", data)
      SELECT gen_random_uuid(), u.id, 'sla_breach', 'sla:' || b.w || ':' || b.step, 'Warning', b.w::uuid, jsonb_build_object('step', b.step)
        FROM unnest(${breaches.map((b) => b.warningId)}::text[], ${breaches.map((b) => b.step)}::text[], ${breaches.map((b) => b.unitId)}::text[]) AS b(w, step, unit)
        JOIN units wu ON wu.id = b.unit::uuid
        JOIN users u ON u.active AND (
             (u.role = 'DISPATCHER' AND EXISTS (
                SELECT 1 FROM units du LEFT JOIN units dp ON dp.id = du."parentId"
                 WHERE du.id = u."unitId"
                   AND (wu.path = (CASE WHEN du.kind = 'CENTER' THEN dp.path ELSE du.path END)
                        OR wu.path LIKE (CASE WHEN du.kind = 'CENTER' THEN dp.path ELSE du.path END) || '/%')))
          OR (u.role = 'OFFICER' AND u."unitId" = wu.id))
      ON CONFLICT ("userId", "dedupeKey") DO NOTHING`;
    await tx.$executeRaw`SELECT pg_notify(${WARNING_CHANNEL}, ${JSON.stringify({ kind: "ingested", units: [...new Set(breaches.map((b) => b.unitId))].slice(0, 100), count: 0 })})`;
    return breaches.length;
  });
}
