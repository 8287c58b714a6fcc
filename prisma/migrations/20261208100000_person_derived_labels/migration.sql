-- CreateTable
CREATE TABLE "person_derived_labels" (
    "personId" UUID NOT NULL,
    "label" "PersonLabelKind" NOT NULL,
    "unitId" UUID NOT NULL,
    "lastContactAt" TIMESTAMP(3),

    CONSTRAINT "person_derived_labels_pkey" PRIMARY KEY ("personId","label","unitId")
);

-- AddForeignKey
ALTER TABLE "person_derived_labels" ADD CONSTRAINT "person_derived_labels_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_derived_labels" ADD CONSTRAINT "person_derived_labels_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ───────────── the derived labels kept ahead of the read (hand-written, issue 15) ─────────────
-- PAST_VICTIM and CARD_SELLING_SUSPECT were derived on every read of the vulnerable lists: at the
-- centre, every case victim (19 k on the city-year) and every suspect's numbers (35 k probes) were
-- looked up before the sort by last contact. They are now rows of person_derived_labels, one per
-- person, label and home unit, kept by triggers, with the person's lastContactAt copied (as on
-- person_labels), so that a list is one index range in its own order. The rule, stated once in the
-- view person_derived_source:
--   PAST_VICTIM           a victim of a case (home unit: the unit of the latest reported such case),
--   CARD_SELLING_SUSPECT  an art. 38 measure not revoked (the unit of the latest one), or a case
--                         suspect whose ID number or mobile is one of the person's (the suspect's
--                         unit: a suspect matches only a person already known, it creates none).
-- Every trigger recomputes the affected persons from the view (a few index probes each), so a
-- correction, a transfer, a revocation or a deletion leaves nothing stale. person_derived_all()
-- rebuilds them set-based (data loaded with the triggers off: the city-year seed) and backfills here.
-- NOTE as in person_file: no semicolon inside a statement (PL/pgSQL bodies are E-strings with
-- \073 for each semicolon).

-- A suspect's numbers, found from a person's identifiers.
CREATE INDEX "suspects_person_id_number_idx" ON "suspects" (person_norm_id("idNumber"));
CREATE INDEX "suspects_person_mobile_idx" ON "suspects" (person_norm_mobile(phone));
-- The statistics of the indexes' expressions: without them the planner guesses that a number is
-- held by 0.5 % of the suspects and scans them all.
ANALYZE "suspects";

CREATE VIEW person_derived_source (pid, label, uid) AS
  SELECT * FROM (SELECT DISTINCT ON (v."personId") v."personId", 'PAST_VICTIM'::"PersonLabelKind", k."unitId"
      FROM case_victims v JOIN cases k ON k.id = v."caseId" WHERE v."personId" IS NOT NULL
     ORDER BY v."personId", k."reportedAt" DESC, k.id DESC) victims
  UNION
  SELECT * FROM (SELECT DISTINCT ON (m."personId") m."personId", 'CARD_SELLING_SUSPECT'::"PersonLabelKind", m."unitId"
      FROM disciplinary_measures m WHERE m."personId" IS NOT NULL AND m."revokedOn" IS NULL
     ORDER BY m."personId", m."startsOn" DESC, m.id DESC) measures
  UNION
  SELECT i."personId", 'CARD_SELLING_SUSPECT'::"PersonLabelKind", s."unitId"
    FROM person_identifiers i JOIN suspects s ON person_norm_id(s."idNumber") = i.value WHERE i.kind = 'ID_NUMBER'
  UNION
  SELECT i."personId", 'CARD_SELLING_SUSPECT'::"PersonLabelKind", s."unitId"
    FROM person_identifiers i JOIN suspects s ON person_norm_mobile(s.phone) = i.value WHERE i.kind = 'MOBILE';

-- Brings the rows of the given persons to what the records say (nulls and repeats ignored).
CREATE FUNCTION person_derived_refresh(pids uuid[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF cardinality(pids) = 0 THEN RETURN\073 END IF\073
  WITH want AS (SELECT s.pid, s.label, s.uid FROM person_derived_source s WHERE s.pid = ANY(pids)),
  gone AS (DELETE FROM person_derived_labels d WHERE d."personId" = ANY(pids)
    AND NOT EXISTS (SELECT 1 FROM want w WHERE w.pid = d."personId" AND w.label = d.label AND w.uid = d."unitId"))
  INSERT INTO person_derived_labels ("personId", label, "unitId", "lastContactAt")
    SELECT w.pid, w.label, w.uid, p."lastContactAt" FROM want w JOIN persons p ON p.id = w.pid
    ON CONFLICT DO NOTHING\073
END';

-- case_victims and disciplinary_measures name their person: inserted and deleted rows by
-- statement, a row moved to another person, case, unit, date or revoked by row.
CREATE FUNCTION person_derived_records_stmt() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $q$INSERT$q$ THEN
    PERFORM person_derived_refresh(ARRAY(SELECT DISTINCT "personId" FROM new_rows WHERE "personId" IS NOT NULL))\073
  ELSE
    PERFORM person_derived_refresh(ARRAY(SELECT DISTINCT "personId" FROM old_rows WHERE "personId" IS NOT NULL))\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION person_derived_records_row() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM person_derived_refresh(ARRAY[OLD."personId", NEW."personId"])\073
  RETURN NULL\073
END';

-- The column lists name the numbers too: personId changed by the BEFORE trigger of person_file is
-- not in the SET list of the UPDATE, and an UPDATE OF trigger fires by that list only.
CREATE TRIGGER person_derived_insert AFTER INSERT ON "case_victims" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_derived_records_stmt();
CREATE TRIGGER person_derived_delete AFTER DELETE ON "case_victims" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_derived_records_stmt();
CREATE TRIGGER person_derived_update AFTER UPDATE OF "personId", phone, "idNumber", "caseId" ON "case_victims" FOR EACH ROW
  WHEN (OLD."personId" IS DISTINCT FROM NEW."personId" OR OLD."caseId" IS DISTINCT FROM NEW."caseId")
  EXECUTE FUNCTION person_derived_records_row();
CREATE TRIGGER person_derived_insert AFTER INSERT ON "disciplinary_measures" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_derived_records_stmt();
CREATE TRIGGER person_derived_delete AFTER DELETE ON "disciplinary_measures" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_derived_records_stmt();
CREATE TRIGGER person_derived_update AFTER UPDATE OF "personId", "personIdNumber", "unitId", "startsOn", "revokedOn" ON "disciplinary_measures" FOR EACH ROW
  WHEN (OLD."personId" IS DISTINCT FROM NEW."personId" OR OLD."unitId" IS DISTINCT FROM NEW."unitId"
    OR OLD."startsOn" IS DISTINCT FROM NEW."startsOn" OR OLD."revokedOn" IS DISTINCT FROM NEW."revokedOn")
  EXECUTE FUNCTION person_derived_records_row();

-- A case transferred to another unit (or its report date corrected): its victims' home unit.
CREATE FUNCTION person_derived_cases() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM person_derived_refresh(ARRAY(SELECT DISTINCT v."personId" FROM case_victims v WHERE v."caseId" = NEW.id AND v."personId" IS NOT NULL))\073
  RETURN NULL\073
END';

CREATE TRIGGER person_derived_update AFTER UPDATE OF "unitId", "reportedAt" ON "cases" FOR EACH ROW
  WHEN (OLD."unitId" IS DISTINCT FROM NEW."unitId" OR OLD."reportedAt" IS DISTINCT FROM NEW."reportedAt")
  EXECUTE FUNCTION person_derived_cases();

-- A suspect added, corrected, moved or deleted: the persons holding its numbers, before and after.
CREATE FUNCTION person_derived_suspects() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  ids text[] := ARRAY[]::text[]\073
  mobiles text[] := ARRAY[]::text[]\073
BEGIN
  IF TG_OP <> $q$INSERT$q$ THEN
    ids := ids || person_norm_id(OLD."idNumber")\073
    mobiles := mobiles || person_norm_mobile(OLD.phone)\073
  END IF\073
  IF TG_OP <> $q$DELETE$q$ THEN
    ids := ids || person_norm_id(NEW."idNumber")\073
    mobiles := mobiles || person_norm_mobile(NEW.phone)\073
  END IF\073
  PERFORM person_derived_refresh(ARRAY(
    SELECT i."personId" FROM person_identifiers i WHERE i.kind = $q$ID_NUMBER$q$ AND i.value = ANY(ids)
    UNION SELECT i."personId" FROM person_identifiers i WHERE i.kind = $q$MOBILE$q$ AND i.value = ANY(mobiles)))\073
  RETURN NULL\073
END';

CREATE TRIGGER person_derived_insert AFTER INSERT ON "suspects" FOR EACH ROW EXECUTE FUNCTION person_derived_suspects();
CREATE TRIGGER person_derived_delete AFTER DELETE ON "suspects" FOR EACH ROW EXECUTE FUNCTION person_derived_suspects();
CREATE TRIGGER person_derived_update AFTER UPDATE OF "idNumber", phone, "unitId" ON "suspects" FOR EACH ROW
  WHEN (OLD."idNumber" IS DISTINCT FROM NEW."idNumber" OR OLD.phone IS DISTINCT FROM NEW.phone OR OLD."unitId" IS DISTINCT FROM NEW."unitId")
  EXECUTE FUNCTION person_derived_suspects();

-- person_identifiers: a number a suspect holds given to a person (the person is first known after
-- the suspect), or moved to another person (person_merge), or removed. Only numbers that a suspect
-- holds need a refresh: one probe of the suspects' indexes per identifier keeps the intake cheap.
CREATE FUNCTION person_derived_identifiers() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $q$INSERT$q$ THEN
    PERFORM person_derived_refresh(ARRAY(SELECT n."personId" FROM new_rows n WHERE person_identifier_suspect(n.kind, n.value)))\073
  ELSIF TG_OP = $q$DELETE$q$ THEN
    PERFORM person_derived_refresh(ARRAY(SELECT o."personId" FROM old_rows o WHERE person_identifier_suspect(o.kind, o.value)))\073
  ELSE
    PERFORM person_derived_refresh(ARRAY(SELECT o."personId" FROM old_rows o WHERE person_identifier_suspect(o.kind, o.value)
      UNION SELECT n."personId" FROM new_rows n WHERE person_identifier_suspect(n.kind, n.value)))\073
  END IF\073
  RETURN NULL\073
END';

-- Whether a suspect holds this number (by the suspects' expression indexes).
CREATE FUNCTION person_identifier_suspect(k "IdentifierKind", v text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE k
    WHEN 'ID_NUMBER' THEN EXISTS (SELECT 1 FROM suspects s WHERE person_norm_id(s."idNumber") = v)
    WHEN 'MOBILE' THEN EXISTS (SELECT 1 FROM suspects s WHERE person_norm_mobile(s.phone) = v)
    ELSE false END
$$;

CREATE TRIGGER person_derived_insert AFTER INSERT ON "person_identifiers" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_derived_identifiers();
CREATE TRIGGER person_derived_delete AFTER DELETE ON "person_identifiers" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_derived_identifiers();
CREATE TRIGGER person_derived_update AFTER UPDATE ON "person_identifiers" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_derived_identifiers();

-- The copy of the last contact follows the person, on both label tables.
CREATE OR REPLACE FUNCTION person_label_contact_follow() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE person_labels SET "lastContactAt" = NEW."lastContactAt" WHERE "personId" = NEW.id AND "lastContactAt" IS DISTINCT FROM NEW."lastContactAt"\073
  UPDATE person_derived_labels SET "lastContactAt" = NEW."lastContactAt" WHERE "personId" = NEW.id AND "lastContactAt" IS DISTINCT FROM NEW."lastContactAt"\073
  RETURN NULL\073
END';

-- The set-based rebuild. Returns the rows it wrote.
CREATE FUNCTION person_derived_all() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  n bigint\073
BEGIN
  LOCK TABLE person_derived_labels IN EXCLUSIVE MODE\073
  DELETE FROM person_derived_labels\073
  INSERT INTO person_derived_labels ("personId", label, "unitId", "lastContactAt")
    SELECT s.pid, s.label, s.uid, p."lastContactAt" FROM person_derived_source s JOIN persons p ON p.id = s.pid\073
  GET DIAGNOSTICS n = ROW_COUNT\073
  RETURN n\073
END';

-- person_list_state_all() (migration person_list_state) sets the persons' last contact with the
-- follow trigger off and copies it to person_labels itself: now to the derived labels too.
ALTER FUNCTION person_list_state_all() RENAME TO person_list_state_persons;
CREATE FUNCTION person_list_state_all() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  changed bigint := person_list_state_persons()\073
BEGIN
  UPDATE person_derived_labels d SET "lastContactAt" = p."lastContactAt" FROM persons p
   WHERE p.id = d."personId" AND d."lastContactAt" IS DISTINCT FROM p."lastContactAt"\073
  RETURN changed\073
END';

SELECT person_derived_all();

-- The lists read it in their order (the longest uncontacted first), as person_labels.
CREATE INDEX "person_derived_labels_lastContactAt_idx" ON "person_derived_labels" ("lastContactAt" ASC NULLS FIRST, "personId", "unitId") INCLUDE (label);
