-- CreateEnum
CREATE TYPE "IdentifierKind" AS ENUM ('MOBILE', 'ID_NUMBER');

-- AlterTable
ALTER TABLE "warnings" ADD COLUMN     "personId" UUID;

-- AlterTable
ALTER TABLE "warning_sightings" ADD COLUMN     "personId" UUID;

-- AlterTable
ALTER TABLE "dissuasion_actions" ADD COLUMN     "personId" UUID;

-- AlterTable
ALTER TABLE "case_victims" ADD COLUMN     "personId" UUID;

-- AlterTable
ALTER TABLE "disciplinary_measures" ADD COLUMN     "personId" UUID;

-- CreateTable
CREATE TABLE "persons" (
    "id" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_identifiers" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "IdentifierKind" NOT NULL,
    "value" VARCHAR(18) NOT NULL,
    "tail4" CHAR(4) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_identifiers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "person_identifiers_tail4_idx" ON "person_identifiers"("tail4");

-- CreateIndex
CREATE INDEX "person_identifiers_personId_idx" ON "person_identifiers"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "person_identifiers_kind_value_key" ON "person_identifiers"("kind", "value");

-- CreateIndex
CREATE INDEX "warnings_personId_receivedAt_idx" ON "warnings"("personId", "receivedAt");

-- CreateIndex
CREATE INDEX "warning_sightings_personId_idx" ON "warning_sightings"("personId");

-- CreateIndex
CREATE INDEX "dissuasion_actions_personId_idx" ON "dissuasion_actions"("personId");

-- CreateIndex
CREATE INDEX "case_victims_personId_idx" ON "case_victims"("personId");

-- CreateIndex
CREATE INDEX "disciplinary_measures_personId_idx" ON "disciplinary_measures"("personId");

-- AddForeignKey
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_sightings" ADD CONSTRAINT "warning_sightings_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissuasion_actions" ADD CONSTRAINT "dissuasion_actions_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_victims" ADD CONSTRAINT "case_victims_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disciplinary_measures" ADD CONSTRAINT "disciplinary_measures_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_identifiers" ADD CONSTRAINT "person_identifiers_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ───────────── person linking (hand-written, not in the Prisma schema) ─────────────
-- 一人一档: every record that names a person carries personId, set by PostgreSQL, never by the app,
-- so COPY, raw SQL and Prisma writes all link alike. The rule, the same in the row triggers and in
-- the set-based backfill person_link_all():
--   a record with an ID number belongs to that ID's person (created on first sight),
--   a mobile seen with an ID number joins that ID's person (the first such record's ID, a mobile
--   first seen alone made a phone-only person, which is merged into the ID's person then),
--   a record with only a mobile belongs to that mobile's person (created on first sight),
--   landlines and malformed values name no one.
-- Values are normalised as lib/pii does (+86 / 0086 / spaces / dashes dropped, ID upper-cased).
-- NOTE as in stats_rollups: no semicolon inside a statement (PL/pgSQL bodies are E'…' strings with
-- \073 for each semicolon).

CREATE FUNCTION person_norm_mobile(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (regexp_match(regexp_replace(v, '[\s()-]', '', 'g'), '^(?:(?:\+|00)?86)?(1[3-9]\d{9})$'))[1] $$;

CREATE FUNCTION person_norm_id(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT x FROM (SELECT upper(regexp_replace(v, '\s', '', 'g')) AS x) n WHERE x ~ '^\d{17}[\dX]$' $$;

-- The person holding (kind, value), when nobody does, the value is given to `owner` (or to a new
-- person). The common case is one probe of the (kind, value) index.
CREATE FUNCTION person_claim(k "IdentifierKind", v text, owner uuid) RETURNS uuid LANGUAGE plpgsql AS E'
DECLARE
  pid uuid\073
BEGIN
  SELECT "personId" INTO pid FROM person_identifiers WHERE kind = k AND value = v\073
  IF FOUND THEN RETURN pid\073 END IF\073
  pid := coalesce(owner, gen_random_uuid())\073
  IF owner IS NULL THEN INSERT INTO persons (id) VALUES (pid)\073 END IF\073
  INSERT INTO person_identifiers (id, "personId", kind, value, tail4) VALUES (gen_random_uuid(), pid, k, v, right(v, 4))
    ON CONFLICT (kind, value) DO NOTHING\073
  IF FOUND THEN RETURN pid\073 END IF\073
  -- Another transaction claimed it first: its person holds it.
  IF owner IS NULL THEN DELETE FROM persons WHERE id = pid\073 END IF\073
  SELECT "personId" INTO pid FROM person_identifiers WHERE kind = k AND value = v\073
  RETURN pid\073
END';

-- Moves everything of person `src` to `dst` and deletes `src` (a phone-only person whose mobile
-- turned up with an ID number). The row being written by the calling trigger (tbl, rid) is skipped:
-- its BEFORE trigger sets it.
CREATE FUNCTION person_merge(src uuid, dst uuid, tbl text, rid uuid) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  UPDATE person_identifiers SET "personId" = dst WHERE "personId" = src\073
  UPDATE warnings SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$warnings$q$ AND id = rid)\073
  UPDATE warning_sightings SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$warning_sightings$q$ AND id = rid)\073
  UPDATE dissuasion_actions SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$dissuasion_actions$q$ AND id = rid)\073
  UPDATE case_victims SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$case_victims$q$ AND id = rid)\073
  UPDATE disciplinary_measures SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$disciplinary_measures$q$ AND id = rid)\073
  DELETE FROM persons WHERE id = src\073
END';

-- The person a record with this phone and ID number names (null: none).
CREATE FUNCTION person_link(phone text, id_number text, tbl text, rid uuid) RETURNS uuid LANGUAGE plpgsql AS E'
DECLARE
  m text := person_norm_mobile(phone)\073
  n text := person_norm_id(id_number)\073
  pid uuid\073
  holder uuid\073
BEGIN
  IF n IS NOT NULL THEN
    pid := person_claim($q$ID_NUMBER$q$, n, NULL)\073
    IF m IS NOT NULL THEN
      holder := person_claim($q$MOBILE$q$, m, pid)\073
      IF holder <> pid AND NOT EXISTS (SELECT 1 FROM person_identifiers WHERE "personId" = holder AND kind = $q$ID_NUMBER$q$) THEN
        PERFORM person_merge(holder, pid, tbl, rid)\073
      END IF\073
    END IF\073
    RETURN pid\073
  END IF\073
  IF m IS NULL THEN RETURN NULL\073 END IF\073
  RETURN person_claim($q$MOBILE$q$, m, NULL)\073
END';

CREATE FUNCTION person_link_warning() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."personId" := person_link(NEW."victimPhone", NEW."victimIdNumber", TG_TABLE_NAME, NEW.id)\073
  RETURN NEW\073
END';

CREATE FUNCTION person_link_customer() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."personId" := person_link(NEW."customerPhone", NEW."customerIdNumber", TG_TABLE_NAME, NEW.id)\073
  RETURN NEW\073
END';

CREATE FUNCTION person_link_victim() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."personId" := person_link(NEW.phone, NEW."idNumber", TG_TABLE_NAME, NEW.id)\073
  RETURN NEW\073
END';

CREATE FUNCTION person_link_measure() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."personId" := person_link(NULL, NEW."personIdNumber", TG_TABLE_NAME, NEW.id)\073
  RETURN NEW\073
END';

CREATE TRIGGER person_link_insert BEFORE INSERT ON "warnings" FOR EACH ROW EXECUTE FUNCTION person_link_warning();
CREATE TRIGGER person_link_update BEFORE UPDATE OF "victimPhone", "victimIdNumber" ON "warnings" FOR EACH ROW
  WHEN (OLD."victimPhone" IS DISTINCT FROM NEW."victimPhone" OR OLD."victimIdNumber" IS DISTINCT FROM NEW."victimIdNumber") EXECUTE FUNCTION person_link_warning();
CREATE TRIGGER person_link_insert BEFORE INSERT ON "warning_sightings" FOR EACH ROW
  WHEN (NEW."victimPhone" IS NOT NULL OR NEW."victimIdNumber" IS NOT NULL) EXECUTE FUNCTION person_link_warning();
CREATE TRIGGER person_link_update BEFORE UPDATE OF "victimPhone", "victimIdNumber" ON "warning_sightings" FOR EACH ROW
  WHEN (OLD."victimPhone" IS DISTINCT FROM NEW."victimPhone" OR OLD."victimIdNumber" IS DISTINCT FROM NEW."victimIdNumber") EXECUTE FUNCTION person_link_warning();
CREATE TRIGGER person_link_insert BEFORE INSERT ON "dissuasion_actions" FOR EACH ROW
  WHEN (NEW."customerPhone" IS NOT NULL OR NEW."customerIdNumber" IS NOT NULL) EXECUTE FUNCTION person_link_customer();
CREATE TRIGGER person_link_update BEFORE UPDATE OF "customerPhone", "customerIdNumber" ON "dissuasion_actions" FOR EACH ROW
  WHEN (OLD."customerPhone" IS DISTINCT FROM NEW."customerPhone" OR OLD."customerIdNumber" IS DISTINCT FROM NEW."customerIdNumber") EXECUTE FUNCTION person_link_customer();
CREATE TRIGGER person_link_insert BEFORE INSERT ON "case_victims" FOR EACH ROW EXECUTE FUNCTION person_link_victim();
CREATE TRIGGER person_link_update BEFORE UPDATE OF "phone", "idNumber" ON "case_victims" FOR EACH ROW
  WHEN (OLD.phone IS DISTINCT FROM NEW.phone OR OLD."idNumber" IS DISTINCT FROM NEW."idNumber") EXECUTE FUNCTION person_link_victim();
CREATE TRIGGER person_link_insert BEFORE INSERT ON "disciplinary_measures" FOR EACH ROW EXECUTE FUNCTION person_link_measure();
CREATE TRIGGER person_link_update BEFORE UPDATE OF "personIdNumber" ON "disciplinary_measures" FOR EACH ROW
  WHEN (OLD."personIdNumber" IS DISTINCT FROM NEW."personIdNumber") EXECUTE FUNCTION person_link_measure();

-- The backfill, set-based: links every record of the five tables by the rule above (records
-- inserted with the triggers disabled, or before this migration). Returns the records it changed.
-- The statistics rollups do not read personId: their update triggers are held off while it runs.
CREATE FUNCTION person_link_all() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  changed bigint := 0\073
  c bigint\073
BEGIN
  CREATE TEMP TABLE person_src ON COMMIT DROP AS
    SELECT person_norm_mobile("victimPhone") AS m, person_norm_id("victimIdNumber") AS n, "receivedAt" AS at FROM warnings
    UNION ALL SELECT person_norm_mobile("victimPhone"), person_norm_id("victimIdNumber"), "receivedAt" FROM warning_sightings
    UNION ALL SELECT person_norm_mobile("customerPhone"), person_norm_id("customerIdNumber"), "occurredAt" FROM dissuasion_actions
      WHERE "customerPhone" IS NOT NULL OR "customerIdNumber" IS NOT NULL
    UNION ALL SELECT person_norm_mobile(phone), person_norm_id("idNumber"), "createdAt" FROM case_victims
    UNION ALL SELECT NULL, person_norm_id("personIdNumber"), "createdAt" FROM disciplinary_measures WHERE "personIdNumber" IS NOT NULL\073
  -- Distinct ID numbers → persons.
  CREATE TEMP TABLE person_new ON COMMIT DROP AS
    SELECT d.n AS value, gen_random_uuid() AS pid FROM (SELECT DISTINCT n FROM person_src WHERE n IS NOT NULL) d
    WHERE NOT EXISTS (SELECT 1 FROM person_identifiers i WHERE i.kind = $q$ID_NUMBER$q$ AND i.value = d.n)\073
  INSERT INTO persons (id) SELECT pid FROM person_new\073
  INSERT INTO person_identifiers (id, "personId", kind, value, tail4)
    SELECT gen_random_uuid(), pid, $q$ID_NUMBER$q$, value, right(value, 4) FROM person_new\073
  -- A mobile seen with an ID number joins the person of the ID on its earliest such record.
  INSERT INTO person_identifiers (id, "personId", kind, value, tail4)
    SELECT gen_random_uuid(), i."personId", $q$MOBILE$q$, f.m, right(f.m, 4)
    FROM (SELECT DISTINCT ON (m) m, n FROM person_src WHERE m IS NOT NULL AND n IS NOT NULL ORDER BY m, at) f
    JOIN person_identifiers i ON i.kind = $q$ID_NUMBER$q$ AND i.value = f.n
    ON CONFLICT (kind, value) DO NOTHING\073
  -- The remaining mobiles → phone-only persons.
  DROP TABLE person_new\073
  CREATE TEMP TABLE person_new ON COMMIT DROP AS
    SELECT d.m AS value, gen_random_uuid() AS pid FROM (SELECT DISTINCT m FROM person_src WHERE m IS NOT NULL) d
    WHERE NOT EXISTS (SELECT 1 FROM person_identifiers i WHERE i.kind = $q$MOBILE$q$ AND i.value = d.m)\073
  INSERT INTO persons (id) SELECT pid FROM person_new\073
  INSERT INTO person_identifiers (id, "personId", kind, value, tail4)
    SELECT gen_random_uuid(), pid, $q$MOBILE$q$, value, right(value, 4) FROM person_new\073
  DROP TABLE person_new\073
  DROP TABLE person_src\073
  -- Every record to its person: the ID number first, else the mobile.
  ALTER TABLE warnings DISABLE TRIGGER stat_rollup_update\073
  ALTER TABLE dissuasion_actions DISABLE TRIGGER stat_rollup_update\073
  UPDATE warnings r SET "personId" = x.pid FROM (
    SELECT w.id, coalesce(ii."personId", im."personId") AS pid FROM warnings w
    LEFT JOIN person_identifiers ii ON ii.kind = $q$ID_NUMBER$q$ AND ii.value = person_norm_id(w."victimIdNumber")
    LEFT JOIN person_identifiers im ON im.kind = $q$MOBILE$q$ AND im.value = person_norm_mobile(w."victimPhone")) x
  WHERE r.id = x.id AND r."personId" IS DISTINCT FROM x.pid\073
  GET DIAGNOSTICS c = ROW_COUNT\073 changed := changed + c\073
  UPDATE warning_sightings r SET "personId" = x.pid FROM (
    SELECT w.id, coalesce(ii."personId", im."personId") AS pid FROM warning_sightings w
    LEFT JOIN person_identifiers ii ON ii.kind = $q$ID_NUMBER$q$ AND ii.value = person_norm_id(w."victimIdNumber")
    LEFT JOIN person_identifiers im ON im.kind = $q$MOBILE$q$ AND im.value = person_norm_mobile(w."victimPhone")) x
  WHERE r.id = x.id AND r."personId" IS DISTINCT FROM x.pid\073
  GET DIAGNOSTICS c = ROW_COUNT\073 changed := changed + c\073
  UPDATE dissuasion_actions r SET "personId" = x.pid FROM (
    SELECT a.id, coalesce(ii."personId", im."personId") AS pid FROM dissuasion_actions a
    LEFT JOIN person_identifiers ii ON ii.kind = $q$ID_NUMBER$q$ AND ii.value = person_norm_id(a."customerIdNumber")
    LEFT JOIN person_identifiers im ON im.kind = $q$MOBILE$q$ AND im.value = person_norm_mobile(a."customerPhone")
    WHERE a."customerPhone" IS NOT NULL OR a."customerIdNumber" IS NOT NULL OR a."personId" IS NOT NULL) x
  WHERE r.id = x.id AND r."personId" IS DISTINCT FROM x.pid\073
  GET DIAGNOSTICS c = ROW_COUNT\073 changed := changed + c\073
  ALTER TABLE warnings ENABLE TRIGGER stat_rollup_update\073
  ALTER TABLE dissuasion_actions ENABLE TRIGGER stat_rollup_update\073
  UPDATE case_victims r SET "personId" = x.pid FROM (
    SELECT v.id, coalesce(ii."personId", im."personId") AS pid FROM case_victims v
    LEFT JOIN person_identifiers ii ON ii.kind = $q$ID_NUMBER$q$ AND ii.value = person_norm_id(v."idNumber")
    LEFT JOIN person_identifiers im ON im.kind = $q$MOBILE$q$ AND im.value = person_norm_mobile(v.phone)) x
  WHERE r.id = x.id AND r."personId" IS DISTINCT FROM x.pid\073
  GET DIAGNOSTICS c = ROW_COUNT\073 changed := changed + c\073
  UPDATE disciplinary_measures r SET "personId" = ii."personId" FROM person_identifiers ii
  WHERE ii.kind = $q$ID_NUMBER$q$ AND ii.value = person_norm_id(r."personIdNumber") AND r."personId" IS DISTINCT FROM ii."personId"\073
  GET DIAGNOSTICS c = ROW_COUNT\073 changed := changed + c\073
  RETURN changed\073
END';

SELECT person_link_all();
