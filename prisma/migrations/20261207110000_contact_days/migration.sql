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
-- links. TRUNCATE of a link table rebuilds. SELECT contact_days_rebuild() repairs, and follows
-- fraud_contact_link_all() after a load with the triggers off (the city-year seed).
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

-- The links of the statement, in either table (warning_contacts or case_contacts), added or subtracted.
CREATE FUNCTION contact_days_links() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  is_case boolean := TG_TABLE_NAME = $q$case_contacts$q$\073
  links jsonb\073
BEGIN
  EXECUTE format($f$SELECT coalesce(jsonb_agg(jsonb_build_object($s$cid$s$, x."contactId", $s$uid$s$, r."unitId", $s$at$s$, r.%I, $s$k$s$, %L::boolean)), $s$[]$s$) FROM %I x JOIN %I r ON r.id = x.%I$f$,
    CASE WHEN is_case THEN $q$reportedAt$q$ ELSE $q$receivedAt$q$ END, is_case,
    CASE WHEN TG_OP = $q$INSERT$q$ THEN $q$new_rows$q$ ELSE $q$old_rows$q$ END,
    CASE WHEN is_case THEN $q$cases$q$ ELSE $q$warnings$q$ END,
    CASE WHEN is_case THEN $q$caseId$q$ ELSE $q$warningId$q$ END) INTO links\073
  PERFORM contact_days_apply(CASE WHEN TG_OP = $q$INSERT$q$ THEN 1 ELSE -1 END, links)\073
  RETURN NULL\073
END';

-- A warning or case deleted or moved (unit, time): its links leave the old bucket (and, moved, join the new one).
CREATE FUNCTION contact_days_record() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  is_case boolean := TG_TABLE_NAME = $q$cases$q$\073
  q text := format($f$SELECT coalesce(jsonb_agg(jsonb_build_object($s$cid$s$, "contactId", $s$uid$s$, $1, $s$at$s$, $2, $s$k$s$, %L::boolean)), $s$[]$s$) FROM %I WHERE %I = $3$f$,
    is_case, CASE WHEN is_case THEN $q$case_contacts$q$ ELSE $q$warning_contacts$q$ END, CASE WHEN is_case THEN $q$caseId$q$ ELSE $q$warningId$q$ END)\073
  links jsonb\073
BEGIN
  IF is_case THEN EXECUTE q INTO links USING OLD."unitId", OLD."reportedAt", OLD.id\073
  ELSE EXECUTE q INTO links USING OLD."unitId", OLD."receivedAt", OLD.id\073
  END IF\073
  PERFORM contact_days_apply(-1, links)\073
  IF TG_OP = $q$DELETE$q$ THEN RETURN OLD\073 END IF\073
  IF is_case THEN EXECUTE q INTO links USING NEW."unitId", NEW."reportedAt", NEW.id\073
  ELSE EXECUTE q INTO links USING NEW."unitId", NEW."receivedAt", NEW.id\073
  END IF\073
  PERFORM contact_days_apply(1, links)\073
  RETURN NULL\073
END';

CREATE FUNCTION contact_days_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM contact_days_rebuild()\073
  RETURN NULL\073
END';

CREATE TRIGGER contact_days_insert AFTER INSERT ON "warning_contacts" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_days_links();
CREATE TRIGGER contact_days_delete AFTER DELETE ON "warning_contacts" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_days_links();
CREATE TRIGGER contact_days_truncate AFTER TRUNCATE ON "warning_contacts" FOR EACH STATEMENT EXECUTE FUNCTION contact_days_truncated();
CREATE TRIGGER contact_days_insert AFTER INSERT ON "case_contacts" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_days_links();
CREATE TRIGGER contact_days_delete AFTER DELETE ON "case_contacts" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_days_links();
CREATE TRIGGER contact_days_truncate AFTER TRUNCATE ON "case_contacts" FOR EACH STATEMENT EXECUTE FUNCTION contact_days_truncated();

CREATE TRIGGER contact_days_delete BEFORE DELETE ON "warnings" FOR EACH ROW EXECUTE FUNCTION contact_days_record();
CREATE TRIGGER contact_days_move AFTER UPDATE OF "unitId", "receivedAt" ON "warnings" FOR EACH ROW
  WHEN (OLD."unitId" IS DISTINCT FROM NEW."unitId" OR OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt") EXECUTE FUNCTION contact_days_record();
CREATE TRIGGER contact_days_delete BEFORE DELETE ON "cases" FOR EACH ROW EXECUTE FUNCTION contact_days_record();
CREATE TRIGGER contact_days_move AFTER UPDATE OF "unitId", "reportedAt" ON "cases" FOR EACH ROW
  WHEN (OLD."unitId" IS DISTINCT FROM NEW."unitId" OR OLD."reportedAt" IS DISTINCT FROM NEW."reportedAt") EXECUTE FUNCTION contact_days_record();


-- Backfill.
SELECT contact_days_rebuild();
