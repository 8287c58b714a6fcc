-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "lastContactAt" TIMESTAMP(3),
ADD COLUMN     "lastWarnedAt" TIMESTAMP(3),
ADD COLUMN     "lastWarnedUnitId" UUID,
ADD COLUMN     "priorWarnedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "person_labels" ADD COLUMN     "lastContactAt" TIMESTAMP(3);

-- ───────────── the vulnerable lists at city-year scale (hand-written, issue 15) ─────────────
-- What the lists of lib/persons/labels.ts read was derived on every read: REPEAT_WARNINGS by a
-- GROUP BY over the 90 days of warnings of the jurisdiction, the last contact by four correlated
-- subqueries per candidate before the sort. Both are now columns of persons kept by triggers:
--   lastContactAt      the latest reaching contact of any unit (the rule of lib/persons/labels.ts:
--                      a 96110 or video call, home visit or counter interception that reached the
--                      person, on the person or on a warning naming them, a revisit done that
--                      reached them, an outreach visit VISITED or REFUSED),
--   lastWarnedAt       the receivedAt of the latest warning naming the person, a repeat merged into
--                      an open warning (warning_sightings) counting as a warning too,
--   priorWarnedAt      the receivedAt of the one before it (REPEAT_WARNINGS: at least 2 in 90 days
--                      is priorWarnedAt within the window, read by index as the window slides),
--   lastWarnedUnitId   the unit of the latest (a repeat: the unit of the warning it joined), the
--                      home unit of REPEAT_WARNINGS.
-- person_labels.lastContactAt copies persons.lastContactAt so that a recorded list is read in
-- the order of the list by one index.
-- Every trigger recomputes the affected persons from the records (a few index probes each), so a
-- correction or a deletion leaves no stale date. Inserts of reaching contacts only raise the date
-- (a maximum cannot double count). The set-based person_list_state_all() does the same for data
-- loaded with the triggers off (the city-year seed, after person_link_all) and backfills here.
-- NOTE as in stats_rollups: no semicolon inside a statement (PL/pgSQL bodies are E-strings with
-- \073 for each semicolon).

-- The last reaching contact of one person, from the records.
CREATE FUNCTION person_last_contact(pid uuid) RETURNS timestamp(3) LANGUAGE sql STABLE AS $$
  SELECT GREATEST(
    (SELECT max(x."occurredAt") FROM dissuasion_actions x WHERE x."personId" = pid
       AND x.kind IN ('HOTLINE_CALL', 'VIDEO_CALL', 'HOME_VISIT', 'COUNTER_INTERCEPT') AND x.result NOT IN ('UNANSWERED', 'NOT_FOUND')),
    (SELECT max(x."occurredAt") FROM warnings w JOIN dissuasion_actions x ON x."warningId" = w.id WHERE w."personId" = pid
       AND x.kind IN ('HOTLINE_CALL', 'VIDEO_CALL', 'HOME_VISIT', 'COUNTER_INTERCEPT') AND x.result NOT IN ('UNANSWERED', 'NOT_FOUND')),
    (SELECT max(r."doneAt") FROM warnings w JOIN revisits r ON r."warningId" = w.id WHERE w."personId" = pid
       AND r.status = 'DONE' AND r.outcome NOT IN ('TEMP_UNREACHABLE', 'UNREACHABLE')),
    (SELECT max(t."doneAt") FROM outreach_tasks t WHERE t."personId" = pid AND t.status = 'DONE' AND t.outcome IN ('VISITED', 'REFUSED')))
$$;

-- Recomputes lastContactAt of the given persons (nulls ignored).
CREATE FUNCTION person_contact_refresh(pids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE persons p SET "lastContactAt" = x.last
    FROM (SELECT d.id, person_last_contact(d.id) AS last FROM (SELECT DISTINCT id FROM unnest(pids) AS u(id) WHERE id IS NOT NULL) d) x
   WHERE p.id = x.id AND p."lastContactAt" IS DISTINCT FROM x.last
$$;

-- Recomputes lastWarnedAt, priorWarnedAt and lastWarnedUnitId of the given persons.
CREATE FUNCTION person_warned_refresh(pids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE persons p SET "lastWarnedAt" = x.ats[1], "priorWarnedAt" = x.ats[2], "lastWarnedUnitId" = x.uids[1]
    FROM (SELECT d.id, e.ats, e.uids FROM (SELECT DISTINCT id FROM unnest(pids) AS u(id) WHERE id IS NOT NULL) d
          CROSS JOIN LATERAL (SELECT array_agg(t.at ORDER BY t.at DESC, t.uid) AS ats, array_agg(t.uid ORDER BY t.at DESC, t.uid) AS uids FROM (
            (SELECT w."receivedAt" AS at, w."unitId" AS uid FROM warnings w WHERE w."personId" = d.id ORDER BY w."receivedAt" DESC LIMIT 2)
            UNION ALL
            (SELECT s."receivedAt", w."unitId" FROM warning_sightings s JOIN warnings w ON w.id = s."warningId" WHERE s."personId" = d.id
              ORDER BY s."receivedAt" DESC LIMIT 2)) t) e) x
   WHERE p.id = x.id AND (p."lastWarnedAt" IS DISTINCT FROM x.ats[1] OR p."priorWarnedAt" IS DISTINCT FROM x.ats[2]
     OR p."lastWarnedUnitId" IS DISTINCT FROM x.uids[1])
$$;

-- warnings: a new warning, a warning deleted (statement triggers, one pass per batch), a warning
-- moved to another person (a correction, a merge), unit (a transfer) or time (row triggers, rare).
-- The column lists name the numbers too: personId changed by the BEFORE trigger of person_file
-- is not in the SET list of the UPDATE, and an UPDATE OF trigger fires by that list only.
-- A warning moved to another person takes its actions and revisits along: both contact dates too.
-- A warning or a repeat inserted, a repeat deleted: the latest two of their persons.
CREATE FUNCTION person_state_warned_stmt() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $q$INSERT$q$ THEN
    PERFORM person_warned_refresh(ARRAY(SELECT DISTINCT "personId" FROM new_rows WHERE "personId" IS NOT NULL))\073
  ELSE
    PERFORM person_warned_refresh(ARRAY(SELECT DISTINCT "personId" FROM old_rows WHERE "personId" IS NOT NULL))\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION person_state_warnings_del() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  pids uuid[] := ARRAY(SELECT DISTINCT "personId" FROM old_rows WHERE "personId" IS NOT NULL)\073
BEGIN
  PERFORM person_warned_refresh(pids)\073
  PERFORM person_contact_refresh(pids)\073
  RETURN NULL\073
END';

CREATE FUNCTION person_state_warnings_upd() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  -- The persons whose latest warning may be a repeat merged into this one: its unit is theirs.
  PERFORM person_warned_refresh(ARRAY[OLD."personId", NEW."personId"] || CASE WHEN OLD."unitId" IS DISTINCT FROM NEW."unitId"
    THEN ARRAY(SELECT DISTINCT s."personId" FROM warning_sightings s WHERE s."warningId" = NEW.id AND s."personId" IS NOT NULL) ELSE ARRAY[]::uuid[] END)\073
  IF OLD."personId" IS DISTINCT FROM NEW."personId" THEN
    PERFORM person_contact_refresh(ARRAY[OLD."personId", NEW."personId"])\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER person_state_insert AFTER INSERT ON "warnings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_state_warned_stmt();
CREATE TRIGGER person_state_delete AFTER DELETE ON "warnings" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_state_warnings_del();
CREATE TRIGGER person_state_update AFTER UPDATE OF "personId", "victimPhone", "victimIdNumber", "unitId", "receivedAt" ON "warnings" FOR EACH ROW
  WHEN (OLD."personId" IS DISTINCT FROM NEW."personId" OR OLD."unitId" IS DISTINCT FROM NEW."unitId" OR OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt")
  EXECUTE FUNCTION person_state_warnings_upd();

-- warning_sightings: a repeat merged into an open warning is a warning to its person.
CREATE FUNCTION person_state_sightings_upd() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM person_warned_refresh(ARRAY[OLD."personId", NEW."personId"])\073
  RETURN NULL\073
END';

CREATE TRIGGER person_state_insert AFTER INSERT ON "warning_sightings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_state_warned_stmt();
CREATE TRIGGER person_state_delete AFTER DELETE ON "warning_sightings" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_state_warned_stmt();
CREATE TRIGGER person_state_update AFTER UPDATE OF "personId", "victimPhone", "victimIdNumber", "warningId", "receivedAt" ON "warning_sightings" FOR EACH ROW
  WHEN (OLD."personId" IS DISTINCT FROM NEW."personId" OR OLD."warningId" IS DISTINCT FROM NEW."warningId" OR OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt")
  EXECUTE FUNCTION person_state_sightings_upd();

-- dissuasion_actions: an action reaches its own person (a counter interception) and the person
-- of its warning. A new reaching action raises the date, a corrected or deleted one recomputes.
CREATE FUNCTION person_state_actions_ins() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE persons p SET "lastContactAt" = x.at FROM (
    SELECT e.pid, max(e.at) AS at FROM (
      SELECT n."personId" AS pid, n."occurredAt" AS at FROM new_rows n WHERE n."personId" IS NOT NULL
        AND n.kind IN ($q$HOTLINE_CALL$q$, $q$VIDEO_CALL$q$, $q$HOME_VISIT$q$, $q$COUNTER_INTERCEPT$q$) AND n.result NOT IN ($q$UNANSWERED$q$, $q$NOT_FOUND$q$)
      UNION ALL
      SELECT w."personId", n."occurredAt" FROM new_rows n JOIN warnings w ON w.id = n."warningId" WHERE w."personId" IS NOT NULL
        AND n.kind IN ($q$HOTLINE_CALL$q$, $q$VIDEO_CALL$q$, $q$HOME_VISIT$q$, $q$COUNTER_INTERCEPT$q$) AND n.result NOT IN ($q$UNANSWERED$q$, $q$NOT_FOUND$q$)) e
    GROUP BY e.pid) x
  WHERE p.id = x.pid AND (p."lastContactAt" IS NULL OR p."lastContactAt" < x.at)\073
  RETURN NULL\073
END';

CREATE FUNCTION person_state_actions_del() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM person_contact_refresh(ARRAY(SELECT o."personId" FROM old_rows o
    UNION SELECT w."personId" FROM old_rows o JOIN warnings w ON w.id = o."warningId"))\073
  RETURN NULL\073
END';

CREATE FUNCTION person_state_actions_upd() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM person_contact_refresh(ARRAY[OLD."personId", NEW."personId",
    (SELECT w."personId" FROM warnings w WHERE w.id = OLD."warningId"), (SELECT w."personId" FROM warnings w WHERE w.id = NEW."warningId")])\073
  RETURN NULL\073
END';

CREATE TRIGGER person_state_insert AFTER INSERT ON "dissuasion_actions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_state_actions_ins();
CREATE TRIGGER person_state_delete AFTER DELETE ON "dissuasion_actions" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_state_actions_del();
CREATE TRIGGER person_state_update AFTER UPDATE OF "personId", "customerPhone", "customerIdNumber", "warningId", kind, result, "occurredAt" ON "dissuasion_actions" FOR EACH ROW
  WHEN (OLD."personId" IS DISTINCT FROM NEW."personId" OR OLD."warningId" IS DISTINCT FROM NEW."warningId" OR OLD.kind IS DISTINCT FROM NEW.kind
    OR OLD.result IS DISTINCT FROM NEW.result OR OLD."occurredAt" IS DISTINCT FROM NEW."occurredAt")
  EXECUTE FUNCTION person_state_actions_upd();

-- revisits reach the person of their warning, outreach tasks their own person: few rows per
-- statement, so row triggers that recompute.
CREATE FUNCTION person_state_revisits() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $q$INSERT$q$ AND NEW.status <> $q$DONE$q$ THEN RETURN NULL\073 END IF\073
  PERFORM person_contact_refresh(ARRAY[
    CASE WHEN TG_OP <> $q$INSERT$q$ THEN (SELECT w."personId" FROM warnings w WHERE w.id = OLD."warningId") END,
    CASE WHEN TG_OP <> $q$DELETE$q$ THEN (SELECT w."personId" FROM warnings w WHERE w.id = NEW."warningId") END])\073
  RETURN NULL\073
END';

CREATE TRIGGER person_state_insert AFTER INSERT ON "revisits" FOR EACH ROW EXECUTE FUNCTION person_state_revisits();
CREATE TRIGGER person_state_delete AFTER DELETE ON "revisits" FOR EACH ROW EXECUTE FUNCTION person_state_revisits();
CREATE TRIGGER person_state_update AFTER UPDATE OF "warningId", status, outcome, "doneAt" ON "revisits" FOR EACH ROW
  WHEN (OLD."warningId" IS DISTINCT FROM NEW."warningId" OR OLD.status IS DISTINCT FROM NEW.status OR OLD.outcome IS DISTINCT FROM NEW.outcome
    OR OLD."doneAt" IS DISTINCT FROM NEW."doneAt")
  EXECUTE FUNCTION person_state_revisits();

CREATE FUNCTION person_state_outreach() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $q$INSERT$q$ AND NEW.status <> $q$DONE$q$ THEN RETURN NULL\073 END IF\073
  PERFORM person_contact_refresh(ARRAY[CASE WHEN TG_OP <> $q$INSERT$q$ THEN OLD."personId" END, CASE WHEN TG_OP <> $q$DELETE$q$ THEN NEW."personId" END])\073
  RETURN NULL\073
END';

CREATE TRIGGER person_state_insert AFTER INSERT ON "outreach_tasks" FOR EACH ROW EXECUTE FUNCTION person_state_outreach();
CREATE TRIGGER person_state_delete AFTER DELETE ON "outreach_tasks" FOR EACH ROW EXECUTE FUNCTION person_state_outreach();
CREATE TRIGGER person_state_update AFTER UPDATE OF "personId", status, outcome, "doneAt" ON "outreach_tasks" FOR EACH ROW
  WHEN (OLD."personId" IS DISTINCT FROM NEW."personId" OR OLD.status IS DISTINCT FROM NEW.status OR OLD.outcome IS DISTINCT FROM NEW.outcome
    OR OLD."doneAt" IS DISTINCT FROM NEW."doneAt")
  EXECUTE FUNCTION person_state_outreach();

-- The copy on person_labels: set when a label is recorded or moves to another person (a merge),
-- followed when the person is contacted.
CREATE FUNCTION person_label_contact_fill() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."lastContactAt" := (SELECT p."lastContactAt" FROM persons p WHERE p.id = NEW."personId")\073
  RETURN NEW\073
END';

CREATE FUNCTION person_label_contact_follow() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE person_labels SET "lastContactAt" = NEW."lastContactAt" WHERE "personId" = NEW.id AND "lastContactAt" IS DISTINCT FROM NEW."lastContactAt"\073
  RETURN NULL\073
END';

CREATE TRIGGER person_contact_fill BEFORE INSERT OR UPDATE OF "personId" ON "person_labels" FOR EACH ROW EXECUTE FUNCTION person_label_contact_fill();
CREATE TRIGGER person_contact_follow AFTER UPDATE OF "lastContactAt" ON "persons" FOR EACH ROW
  WHEN (OLD."lastContactAt" IS DISTINCT FROM NEW."lastContactAt") EXECUTE FUNCTION person_label_contact_follow();

-- The set-based pass: every person from the records (data loaded with the triggers off, and the
-- backfill below). Returns the persons it changed.
CREATE FUNCTION person_list_state_all() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  changed bigint\073
BEGIN
  CREATE TEMP TABLE person_state ON COMMIT DROP AS
    SELECT coalesce(c.pid, w.pid) AS pid, c.last, w.ats[1] AS last_warned, w.ats[2] AS prior_warned, w.uids[1] AS unit FROM (
      SELECT e.pid, max(e.at) AS last FROM (
        SELECT x."personId" AS pid, x."occurredAt" AS at FROM dissuasion_actions x WHERE x."personId" IS NOT NULL
          AND x.kind IN ($q$HOTLINE_CALL$q$, $q$VIDEO_CALL$q$, $q$HOME_VISIT$q$, $q$COUNTER_INTERCEPT$q$) AND x.result NOT IN ($q$UNANSWERED$q$, $q$NOT_FOUND$q$)
        UNION ALL
        SELECT w."personId", x."occurredAt" FROM dissuasion_actions x JOIN warnings w ON w.id = x."warningId" WHERE w."personId" IS NOT NULL
          AND x.kind IN ($q$HOTLINE_CALL$q$, $q$VIDEO_CALL$q$, $q$HOME_VISIT$q$, $q$COUNTER_INTERCEPT$q$) AND x.result NOT IN ($q$UNANSWERED$q$, $q$NOT_FOUND$q$)
        UNION ALL
        SELECT w."personId", r."doneAt" FROM revisits r JOIN warnings w ON w.id = r."warningId" WHERE w."personId" IS NOT NULL
          AND r.status = $q$DONE$q$ AND r.outcome NOT IN ($q$TEMP_UNREACHABLE$q$, $q$UNREACHABLE$q$)
        UNION ALL
        SELECT t."personId", t."doneAt" FROM outreach_tasks t WHERE t.status = $q$DONE$q$ AND t.outcome IN ($q$VISITED$q$, $q$REFUSED$q$)) e
      WHERE e.at IS NOT NULL GROUP BY e.pid) c
    FULL JOIN (
      SELECT r.pid, array_agg(r.at ORDER BY r.at DESC, r.uid) AS ats, array_agg(r.uid ORDER BY r.at DESC, r.uid) AS uids FROM (
        SELECT e.pid, e.at, e.uid, row_number() OVER (PARTITION BY e.pid ORDER BY e.at DESC, e.uid) AS k FROM (
          SELECT w."personId" AS pid, w."receivedAt" AS at, w."unitId" AS uid FROM warnings w WHERE w."personId" IS NOT NULL
          UNION ALL
          SELECT s."personId", s."receivedAt", w."unitId" FROM warning_sightings s JOIN warnings w ON w.id = s."warningId" WHERE s."personId" IS NOT NULL) e) r
      WHERE r.k <= 2 GROUP BY r.pid) w ON w.pid = c.pid\073
  ALTER TABLE persons DISABLE TRIGGER person_contact_follow\073
  UPDATE persons p SET "lastContactAt" = s.last, "lastWarnedAt" = s.last_warned, "priorWarnedAt" = s.prior_warned, "lastWarnedUnitId" = s.unit
    FROM person_state s
   WHERE p.id = s.pid AND (p."lastContactAt" IS DISTINCT FROM s.last OR p."lastWarnedAt" IS DISTINCT FROM s.last_warned
     OR p."priorWarnedAt" IS DISTINCT FROM s.prior_warned OR p."lastWarnedUnitId" IS DISTINCT FROM s.unit)\073
  GET DIAGNOSTICS changed = ROW_COUNT\073
  -- Persons no record names any more.
  UPDATE persons p SET "lastContactAt" = NULL, "lastWarnedAt" = NULL, "priorWarnedAt" = NULL, "lastWarnedUnitId" = NULL
   WHERE (p."lastContactAt" IS NOT NULL OR p."lastWarnedAt" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM person_state s WHERE s.pid = p.id)\073
  ALTER TABLE persons ENABLE TRIGGER person_contact_follow\073
  UPDATE person_labels l SET "lastContactAt" = p."lastContactAt" FROM persons p
   WHERE p.id = l."personId" AND l."lastContactAt" IS DISTINCT FROM p."lastContactAt"\073
  DROP TABLE person_state\073
  RETURN changed\073
END';

SELECT person_list_state_all();

-- The lists read by these, in their order (the longest uncontacted first): hand-written, as
-- Prisma cannot state NULLS FIRST. REPEAT_WARNINGS reads the persons warned twice within the
-- window (the range of priorWarnedAt) with their home unit and date in the index.
CREATE INDEX "persons_priorWarnedAt_idx" ON "persons" ("priorWarnedAt") INCLUDE ("lastWarnedUnitId", "lastContactAt") WHERE "priorWarnedAt" IS NOT NULL;
CREATE INDEX "person_labels_lastContactAt_idx" ON "person_labels" ("lastContactAt" ASC NULLS FIRST, "personId", "unitId") INCLUDE (label);
