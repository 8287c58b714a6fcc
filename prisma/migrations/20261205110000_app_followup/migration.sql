-- CreateEnum
CREATE TYPE "AppFollowUpStatus" AS ENUM ('OPEN', 'DONE');

-- CreateEnum
CREATE TYPE "AppFollowUpOutcome" AS ENUM ('INSTALLED', 'REFUSED', 'UNREACHABLE');

-- CreateTable
CREATE TABLE "app_followups" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "warningId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "officerId" UUID,
    "status" "AppFollowUpStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" "AppFollowUpOutcome",
    "actionId" UUID,
    "note" VARCHAR(2000),
    "doneAt" TIMESTAMP(3),
    "doneById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_followups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_followups_personId_key" ON "app_followups"("personId");

-- CreateIndex
CREATE INDEX "app_followups_unitId_status_createdAt_idx" ON "app_followups"("unitId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "app_followups_warningId_idx" ON "app_followups"("warningId");

-- AddForeignKey
ALTER TABLE "app_followups" ADD CONSTRAINT "app_followups_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_followups" ADD CONSTRAINT "app_followups_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_followups" ADD CONSTRAINT "app_followups_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_followups" ADD CONSTRAINT "app_followups_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_followups" ADD CONSTRAINT "app_followups_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- ───────────── statistics (hand-written, as in 20261204110000_revisits) ─────────────
-- An app follow-up adds to the rollups on the China day it was created (the day its person was
-- first dissuaded), for the unit that holds it:
--   app.warned     people warned and dissuaded (one per person: the follow-up exists)
--   app.installed  …of those, with the 国家反诈中心APP recorded (outcome INSTALLED)
-- Share with the app = app.installed ÷ app.warned (lib/stats/rankings.ts).
-- (No semicolon inside a statement: Prisma's pg adapter splits the file at every one.)

CREATE FUNCTION stat_contrib_app_followups(r app_followups) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT x.day, r."unitId", x.metric, x.value FROM (VALUES
    (stat_day(r."createdAt"), 'app.warned', 1::numeric),
    (CASE WHEN r.outcome = 'INSTALLED' THEN stat_day(r."createdAt") END, 'app.installed', 1)
  ) AS x(day, metric, value)
  WHERE x.day IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION stat_sources() RETURNS TABLE (tbl text, prefix text) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('warnings', 'w.'), ('sla_breaches', 'b.'), ('dissuasion_actions', 'a.'), ('cases', 'c.'), ('gangs', 'g.'),
    ('suspects', 's.'), ('seized_items', 'si.'), ('fund_recoveries', 'fr.'), ('publicity_events', 'p.'), ('daily_counts', 'd.'),
    ('revisits', 'r.'), ('app_followups', 'app.')
$$;

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "app_followups" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_app_followups');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "app_followups" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_app_followups');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "app_followups" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_app_followups');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "app_followups" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('app.');

-- ───────────── persons (hand-written, replaces the person_merge of migration person_labels) ─────────────
-- A merge moves the app follow-up too, one per person: of two, an open one gives way to the other.
-- Recorded labels and outreach tasks move as in person_labels.
CREATE OR REPLACE FUNCTION person_merge(src uuid, dst uuid, tbl text, rid uuid) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  UPDATE person_identifiers SET "personId" = dst WHERE "personId" = src\073
  UPDATE warnings SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$warnings$q$ AND id = rid)\073
  UPDATE warning_sightings SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$warning_sightings$q$ AND id = rid)\073
  UPDATE dissuasion_actions SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$dissuasion_actions$q$ AND id = rid)\073
  UPDATE case_victims SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$case_victims$q$ AND id = rid)\073
  UPDATE disciplinary_measures SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$disciplinary_measures$q$ AND id = rid)\073
  DELETE FROM app_followups WHERE "personId" = dst AND status = $q$OPEN$q$ AND EXISTS (SELECT 1 FROM app_followups WHERE "personId" = src)\073
  DELETE FROM app_followups WHERE "personId" = src AND EXISTS (SELECT 1 FROM app_followups WHERE "personId" = dst)\073
  UPDATE app_followups SET "personId" = dst WHERE "personId" = src\073
  DELETE FROM person_labels s WHERE s."personId" = src
    AND EXISTS (SELECT 1 FROM person_labels d WHERE d."personId" = dst AND d.label = s.label AND d."unitId" = s."unitId")\073
  UPDATE person_labels SET "personId" = dst WHERE "personId" = src\073
  DELETE FROM outreach_tasks s WHERE s."personId" = src
    AND EXISTS (SELECT 1 FROM outreach_tasks d WHERE d."personId" = dst AND d."campaignId" = s."campaignId")\073
  UPDATE outreach_tasks SET "personId" = dst WHERE "personId" = src\073
  DELETE FROM persons WHERE id = src\073
END';
