// App follow-ups (APP回访) of the demo: one per person dissuaded, as applyTransition opens them —
// created when the person's first warning was dissuaded, closed INSTALLED when a visit or an
// interception recorded the app. Those dissuaded more than 30 days ago without it were followed up
// (mostly installed, some refused or unreachable); the recent ones are open, so `officer`
// (东城开发区派出所) finds a few people to help install the app in My tasks.
// One statement after the load: persons are linked by trigger, so only the database knows them.
// The city-year seed runs it on its loaded years too (prisma/seed/city-year-persons.ts).
import type { DriverSql } from "@/lib/db";

export async function seedAppFollowUps(tx: Pick<DriverSql, "$executeRaw">, now: Date): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO app_followups (id, "personId", "warningId", "unitId", "officerId", status, outcome, "actionId", note, "doneAt", "doneById", version, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), f."personId", f.id, f."unitId", f."assigneeId", x.status::"AppFollowUpStatus", x.outcome::"AppFollowUpOutcome", app.id,
           CASE x.outcome WHEN 'REFUSED' THEN '当事人表示不需要，已发放防骗宣传资料' WHEN 'UNREACHABLE' THEN '多次电话未接通' END,
           x."doneAt", CASE WHEN x.status = 'DONE' THEN f."assigneeId" END, CASE WHEN x.status = 'DONE' THEN 2 ELSE 1 END, f."resolvedAt", coalesce(x."doneAt", f."resolvedAt")
      FROM (SELECT DISTINCT ON ("personId") * FROM warnings
             WHERE outcome = 'DISSUADED' AND "personId" IS NOT NULL AND "resolvedAt" IS NOT NULL
             ORDER BY "personId", "resolvedAt") f
      -- The first action that recorded the app, per person (an action names its person itself, or
      -- through its warning): one pass over the registrations, joined, not a probe per person.
      LEFT JOIN (
        SELECT DISTINCT ON (pid) pid, id, "occurredAt" FROM (
          SELECT coalesce(a."personId", aw."personId") AS pid, a.id, a."occurredAt"
            FROM dissuasion_actions a LEFT JOIN warnings aw ON aw.id = a."warningId" WHERE a."appRegistered") r
         WHERE pid IS NOT NULL ORDER BY pid, "occurredAt") app ON app.pid = f."personId"
      CROSS JOIN LATERAL (
        SELECT CASE WHEN app.id IS NOT NULL OR f."resolvedAt" < ${now}::timestamp - interval '30 days' THEN 'DONE' ELSE 'OPEN' END AS status,
               CASE WHEN app.id IS NOT NULL THEN 'INSTALLED'
                    WHEN f."resolvedAt" >= ${now}::timestamp - interval '30 days' THEN NULL
                    WHEN abs(hashtext(f.id::text)) % 10 < 2 THEN 'REFUSED'
                    WHEN abs(hashtext(f.id::text)) % 10 = 2 THEN 'UNREACHABLE'
                    ELSE 'INSTALLED' END AS outcome,
               CASE WHEN app.id IS NOT NULL THEN greatest(app."occurredAt", f."resolvedAt")
                    WHEN f."resolvedAt" < ${now}::timestamp - interval '30 days' THEN f."resolvedAt" + interval '2 days' END AS "doneAt"
      ) x`;
}
