-- ───────────── persons (hand-written, replaces the person_merge of migration app_followup) ─────────────
-- A merge keeps the work already done for the person. Of the two persons' app follow-ups the one
-- that recorded the app (INSTALLED) stays, else a done one over an open one, else the surviving
-- person's: the merged-away person's installation was deleted whenever the survivor's follow-up
-- was done too (refused, unreachable), and the person then counted as warned without the app.
-- Of two outreach tasks of one campaign a done one (a visit made, counted as publicity work) stays
-- over an open or withdrawn one, else the surviving person's.
-- The migration runner splits at every semicolon, even in comments and function bodies: the body
-- is an E-string (semicolons as octal escape 073, inner strings in dollar quotes).
CREATE OR REPLACE FUNCTION person_merge(src uuid, dst uuid, tbl text, rid uuid) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  UPDATE person_identifiers SET "personId" = dst WHERE "personId" = src\073
  UPDATE warnings SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$warnings$q$ AND id = rid)\073
  UPDATE warning_sightings SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$warning_sightings$q$ AND id = rid)\073
  UPDATE dissuasion_actions SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$dissuasion_actions$q$ AND id = rid)\073
  UPDATE case_victims SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$case_victims$q$ AND id = rid)\073
  UPDATE disciplinary_measures SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$disciplinary_measures$q$ AND id = rid)\073
  DELETE FROM app_followups f WHERE f."personId" IN (src, dst) AND f.id <> (
    SELECT k.id FROM app_followups k WHERE k."personId" IN (src, dst)
     ORDER BY CASE WHEN k.outcome = $q$INSTALLED$q$ THEN 0 WHEN k.status = $q$DONE$q$ THEN 1 ELSE 2 END, k."personId" = dst DESC
     LIMIT 1)\073
  UPDATE app_followups SET "personId" = dst WHERE "personId" = src\073
  DELETE FROM person_labels s WHERE s."personId" = src
    AND EXISTS (SELECT 1 FROM person_labels d WHERE d."personId" = dst AND d.label = s.label AND d."unitId" = s."unitId")\073
  UPDATE person_labels SET "personId" = dst WHERE "personId" = src\073
  DELETE FROM outreach_tasks f WHERE f."personId" IN (src, dst) AND f.id <> (
    SELECT k.id FROM outreach_tasks k WHERE k."personId" IN (src, dst) AND k."campaignId" = f."campaignId"
     ORDER BY k.status = $q$DONE$q$ DESC, k."personId" = dst DESC
     LIMIT 1)\073
  UPDATE outreach_tasks SET "personId" = dst WHERE "personId" = src\073
  DELETE FROM persons WHERE id = src\073
END';
