-- 串并案 cluster list from an index: per fraud contact, unit (the record own unit) and China day,
-- the number of warnings and cases linked to it and the last time one was seen.
-- CreateTable
CREATE TABLE "contact_days" (
    "contactId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "warnings" INTEGER NOT NULL DEFAULT 0,
    "cases" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "contact_days_pkey" PRIMARY KEY ("contactId","unitId","day")
);

-- CreateIndex
CREATE INDEX "contact_days_unitId_day_contactId_warnings_cases_lastAt_idx" ON "contact_days"("unitId", "day", "contactId", "warnings", "cases", "lastAt");

-- ───────────── kept by triggers (hand-written) ─────────────
-- Deltas, like the statistics rollups: a link added counts +1 in the bucket of its record (unit,
-- China day of receivedAt for a warning, reportedAt for a case), a link removed -1, a bucket at
-- zero is deleted. Increments commute, so concurrent writers need no lock beyond the bucket row.
-- lastAt only grows (GREATEST): a removed link leaves its bucket lastAt as it was, within that day.
-- A record deleted is subtracted before its links cascade (row trigger BEFORE DELETE), so the link
-- trigger then finds no record and adds nothing. A record moved to another unit or day moves its
-- links. TRUNCATE of a link table rebuilds. SELECT contact_days_rebuild() repairs, and
-- fraud_contact_link_all() (the backfill after a load with triggers off) ends with it.
-- NOTE as in fraud_contacts: PL/pgSQL bodies are E-quoted strings with \073 for each semicolon.

CREATE FUNCTION contact_days_rebuild() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  n bigint\073
BEGIN
  -- No writer meanwhile: links and the rollup hold still until the transaction ends.
  LOCK TABLE warning_contacts, case_contacts IN SHARE MODE\073
  LOCK TABLE contact_days IN EXCLUSIVE MODE\073
  DELETE FROM contact_days\073
  INSERT INTO contact_days ("contactId", "unitId", day, warnings, cases, "lastAt")
    SELECT cid, uid, d, sum(w), sum(c), max(at) FROM (
      SELECT wc."contactId" AS cid, w."unitId" AS uid, stat_day(w."receivedAt") AS d, 1 AS w, 0 AS c, w."receivedAt" AS at
        FROM warning_contacts wc JOIN warnings w ON w.id = wc."warningId"
      UNION ALL
      SELECT cc."contactId", k."unitId", stat_day(k."reportedAt"), 0, 1, k."reportedAt"
        FROM case_contacts cc JOIN cases k ON k.id = cc."caseId"
    ) s GROUP BY cid, uid, d\073
  GET DIAGNOSTICS n = ROW_COUNT\073
  RETURN n\073
END';

-- Adds (sign +1) or subtracts (-1) a set of links, given as rows (contactId, unitId, at, isCase).
CREATE FUNCTION contact_days_apply(sign int, links jsonb) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO contact_days AS r ("contactId", "unitId", day, warnings, cases, "lastAt")
    SELECT cid, uid, stat_day(at), sign * count(*) FILTER (WHERE NOT k), sign * count(*) FILTER (WHERE k), max(at)
      FROM jsonb_to_recordset(links) AS x(cid uuid, uid uuid, at timestamp, k boolean)
     GROUP BY cid, uid, stat_day(at) ORDER BY 1, 2, 3
    ON CONFLICT ("contactId", "unitId", day) DO UPDATE
      SET warnings = r.warnings + EXCLUDED.warnings, cases = r.cases + EXCLUDED.cases,
          "lastAt" = CASE WHEN sign > 0 THEN GREATEST(r."lastAt", EXCLUDED."lastAt") ELSE r."lastAt" END\073
  IF sign < 0 THEN
    DELETE FROM contact_days r USING (SELECT DISTINCT cid, uid, stat_day(at) AS d FROM jsonb_to_recordset(links) AS x(cid uuid, uid uuid, at timestamp)) x
     WHERE r."contactId" = x.cid AND r."unitId" = x.uid AND r.day = x.d AND r.warnings <= 0 AND r.cases <= 0\073
  END IF\073
END';

CREATE FUNCTION contact_days_warning_links() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $q$INSERT$q$ THEN
    PERFORM contact_days_apply(1, (SELECT coalesce(jsonb_agg(jsonb_build_object($q$cid$q$, n."contactId", $q$uid$q$, w."unitId", $q$at$q$, w."receivedAt", $q$k$q$, false)), $q$[]$q$)
      FROM new_rows n JOIN warnings w ON w.id = n."warningId"))\073
  ELSE
    PERFORM contact_days_apply(-1, (SELECT coalesce(jsonb_agg(jsonb_build_object($q$cid$q$, o."contactId", $q$uid$q$, w."unitId", $q$at$q$, w."receivedAt", $q$k$q$, false)), $q$[]$q$)
      FROM old_rows o JOIN warnings w ON w.id = o."warningId"))\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION contact_days_case_links() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $q$INSERT$q$ THEN
    PERFORM contact_days_apply(1, (SELECT coalesce(jsonb_agg(jsonb_build_object($q$cid$q$, n."contactId", $q$uid$q$, k."unitId", $q$at$q$, k."reportedAt", $q$k$q$, true)), $q$[]$q$)
      FROM new_rows n JOIN cases k ON k.id = n."caseId"))\073
  ELSE
    PERFORM contact_days_apply(-1, (SELECT coalesce(jsonb_agg(jsonb_build_object($q$cid$q$, o."contactId", $q$uid$q$, k."unitId", $q$at$q$, k."reportedAt", $q$k$q$, true)), $q$[]$q$)
      FROM old_rows o JOIN cases k ON k.id = o."caseId"))\073
  END IF\073
  RETURN NULL\073
END';

-- A warning deleted or moved (unit, time): its links leave the old bucket (and, moved, join the new one).
CREATE FUNCTION contact_days_warning_row() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM contact_days_apply(-1, (SELECT coalesce(jsonb_agg(jsonb_build_object($q$cid$q$, "contactId", $q$uid$q$, OLD."unitId", $q$at$q$, OLD."receivedAt", $q$k$q$, false)), $q$[]$q$)
    FROM warning_contacts WHERE "warningId" = OLD.id))\073
  IF TG_OP = $q$UPDATE$q$ THEN
    PERFORM contact_days_apply(1, (SELECT coalesce(jsonb_agg(jsonb_build_object($q$cid$q$, "contactId", $q$uid$q$, NEW."unitId", $q$at$q$, NEW."receivedAt", $q$k$q$, false)), $q$[]$q$)
      FROM warning_contacts WHERE "warningId" = NEW.id))\073
    RETURN NULL\073
  END IF\073
  RETURN OLD\073
END';

CREATE FUNCTION contact_days_case_row() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM contact_days_apply(-1, (SELECT coalesce(jsonb_agg(jsonb_build_object($q$cid$q$, "contactId", $q$uid$q$, OLD."unitId", $q$at$q$, OLD."reportedAt", $q$k$q$, true)), $q$[]$q$)
    FROM case_contacts WHERE "caseId" = OLD.id))\073
  IF TG_OP = $q$UPDATE$q$ THEN
    PERFORM contact_days_apply(1, (SELECT coalesce(jsonb_agg(jsonb_build_object($q$cid$q$, "contactId", $q$uid$q$, NEW."unitId", $q$at$q$, NEW."reportedAt", $q$k$q$, true)), $q$[]$q$)
      FROM case_contacts WHERE "caseId" = NEW.id))\073
    RETURN NULL\073
  END IF\073
  RETURN OLD\073
END';

CREATE FUNCTION contact_days_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM contact_days_rebuild()\073
  RETURN NULL\073
END';

CREATE TRIGGER contact_days_insert AFTER INSERT ON "warning_contacts" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_days_warning_links();
CREATE TRIGGER contact_days_delete AFTER DELETE ON "warning_contacts" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_days_warning_links();
CREATE TRIGGER contact_days_truncate AFTER TRUNCATE ON "warning_contacts" FOR EACH STATEMENT EXECUTE FUNCTION contact_days_truncated();
CREATE TRIGGER contact_days_insert AFTER INSERT ON "case_contacts" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_days_case_links();
CREATE TRIGGER contact_days_delete AFTER DELETE ON "case_contacts" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_days_case_links();
CREATE TRIGGER contact_days_truncate AFTER TRUNCATE ON "case_contacts" FOR EACH STATEMENT EXECUTE FUNCTION contact_days_truncated();

CREATE TRIGGER contact_days_delete BEFORE DELETE ON "warnings" FOR EACH ROW EXECUTE FUNCTION contact_days_warning_row();
CREATE TRIGGER contact_days_move AFTER UPDATE OF "unitId", "receivedAt" ON "warnings" FOR EACH ROW
  WHEN (OLD."unitId" IS DISTINCT FROM NEW."unitId" OR OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt") EXECUTE FUNCTION contact_days_warning_row();
CREATE TRIGGER contact_days_delete BEFORE DELETE ON "cases" FOR EACH ROW EXECUTE FUNCTION contact_days_case_row();
CREATE TRIGGER contact_days_move AFTER UPDATE OF "unitId", "reportedAt" ON "cases" FOR EACH ROW
  WHEN (OLD."unitId" IS DISTINCT FROM NEW."unitId" OR OLD."reportedAt" IS DISTINCT FROM NEW."reportedAt") EXECUTE FUNCTION contact_days_case_row();

-- The set-based backfill (after a load with the triggers off) now also rebuilds the rollup.
CREATE OR REPLACE FUNCTION fraud_contact_link_all() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  w bigint\073
  f bigint\073
BEGIN
  INSERT INTO fraud_contacts (id, kind, value)
    SELECT gen_random_uuid(), k, v FROM (
      SELECT DISTINCT fraud_contact_kind("contactChannel") AS k, fraud_contact_norm(fraud_contact_kind("contactChannel"), "contactValue") AS v FROM warnings
      UNION
      SELECT DISTINCT $q$BANK_ACCOUNT$q$::"FraudContactKind", fraud_contact_norm($q$BANK_ACCOUNT$q$, "accountNumber") FROM freeze_requests
    ) s WHERE k IS NOT NULL AND v IS NOT NULL
    ON CONFLICT (kind, value) DO NOTHING\073
  INSERT INTO warning_contacts ("contactId", "warningId")
    SELECT c.id, x.id FROM (SELECT id, fraud_contact_kind("contactChannel") AS k, "contactValue" AS v FROM warnings) x
      JOIN fraud_contacts c ON c.kind = x.k AND c.value = fraud_contact_norm(x.k, x.v)
    ON CONFLICT DO NOTHING\073
  GET DIAGNOSTICS w = ROW_COUNT\073
  INSERT INTO case_contacts ("contactId", "caseId")
    SELECT DISTINCT c.id, fr."caseId" FROM freeze_requests fr
      JOIN fraud_contacts c ON c.kind = $q$BANK_ACCOUNT$q$ AND c.value = fraud_contact_norm($q$BANK_ACCOUNT$q$, fr."accountNumber")
    ON CONFLICT DO NOTHING\073
  GET DIAGNOSTICS f = ROW_COUNT\073
  PERFORM contact_days_rebuild()\073
  RETURN w + f\073
END';

-- Backfill.
SELECT contact_days_rebuild();
