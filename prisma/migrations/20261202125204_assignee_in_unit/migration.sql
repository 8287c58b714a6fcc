-- A warning is held only by someone of its own unit: the centre signing for a precinct's warning
-- used to make the dispatcher its holder, so the precinct's officers could not claim it.
UPDATE "warnings" AS w
   SET "assigneeId" = NULL
  FROM "users" AS u
 WHERE w."assigneeId" = u."id" AND u."unitId" <> w."unitId" AND w."status" <> 'RESOLVED';
