-- CreateTable
CREATE TABLE "contact_units" (
    "contactId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "warnings" INTEGER NOT NULL DEFAULT 0,
    "cases" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "contact_units_pkey" PRIMARY KEY ("contactId","unitId")
);

-- CreateTable
CREATE TABLE "contact_window" (
    "scopeId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "kind" "FraudContactKind" NOT NULL,
    "warnings" INTEGER NOT NULL,
    "cases" INTEGER NOT NULL,
    "records" INTEGER NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "contact_window_pkey" PRIMARY KEY ("scopeId","contactId")
);

-- CreateTable
CREATE TABLE "contact_window_dirty" (
    "id" BIGSERIAL NOT NULL,
    "contactId" UUID NOT NULL,

    CONSTRAINT "contact_window_dirty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_window_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "fromDay" DATE NOT NULL,
    "toDay" DATE NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "contact_window_state_pkey" PRIMARY KEY ("id")
);


-- ───────────── the 串并案 list at city scale (hand-written, issue 17) ─────────────
-- The list (lib/contacts/queries.ts) summed the 90 days of contact_days of the reader's units on
-- every request (258 k rows at the centre on the city-year) and each shown contact's every day for
-- its all-time figure (the dozen busiest contacts hold 286 k day rows). Two summaries instead:
--   contact_units    per contact and unit, all time: the deltas contact_days_apply already
--                    computes, without the day, so the all-time figure is a few primary-key rows,
--   contact_window   the default list (the last 90 China days) of every unit's subtree, the
--                    contacts with at least two records there, computed by contact_window_refresh()
--                    which the scheduler runs (lib/scheduler/start.ts). It writes only the rows
--                    that changed, so a refresh between two warnings writes next to nothing.
--   contact_window_dirty  one row per contact_days change since the refresh (contact_days_apply
--                    writes it, the refresh clears what it has seen). The list reads contact_window
--                    but sums the changed contacts from contact_days on request: exact at any time,
--                    however old the refresh, as long as it covers the asked days.
-- NOTE as in contact_days: PL/pgSQL bodies are E-quoted strings with \073 for each semicolon, and
-- no comment holds a semicolon (the migration is split on them).

-- contact_days_apply (migration contact_days) with contact_units beside contact_days.
CREATE OR REPLACE FUNCTION contact_days_apply(sign int, links jsonb) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO contact_days AS r ("contactId", "unitId", day, warnings, cases, "lastAt")
    SELECT cid, uid, stat_day(at), sign * count(*) FILTER (WHERE NOT k), sign * count(*) FILTER (WHERE k), max(at)
      FROM jsonb_to_recordset(links) AS x(cid uuid, uid uuid, at timestamp, k boolean)
     GROUP BY cid, uid, stat_day(at) ORDER BY 1, 2, 3
    ON CONFLICT ("contactId", "unitId", day) DO UPDATE
      SET warnings = r.warnings + EXCLUDED.warnings, cases = r.cases + EXCLUDED.cases,
          "lastAt" = CASE WHEN sign > 0 THEN GREATEST(r."lastAt", EXCLUDED."lastAt") ELSE r."lastAt" END\073
  INSERT INTO contact_units AS r ("contactId", "unitId", warnings, cases, "lastAt")
    SELECT cid, uid, sign * count(*) FILTER (WHERE NOT k), sign * count(*) FILTER (WHERE k), max(at)
      FROM jsonb_to_recordset(links) AS x(cid uuid, uid uuid, at timestamp, k boolean)
     GROUP BY cid, uid ORDER BY 1, 2
    ON CONFLICT ("contactId", "unitId") DO UPDATE
      SET warnings = r.warnings + EXCLUDED.warnings, cases = r.cases + EXCLUDED.cases,
          "lastAt" = CASE WHEN sign > 0 THEN GREATEST(r."lastAt", EXCLUDED."lastAt") ELSE r."lastAt" END\073
  INSERT INTO contact_window_dirty ("contactId") SELECT DISTINCT cid FROM jsonb_to_recordset(links) AS x(cid uuid)\073
  IF sign < 0 THEN
    DELETE FROM contact_days r USING (SELECT DISTINCT cid, uid, stat_day(at) AS d FROM jsonb_to_recordset(links) AS x(cid uuid, uid uuid, at timestamp)) x
     WHERE r."contactId" = x.cid AND r."unitId" = x.uid AND r.day = x.d AND r.warnings <= 0 AND r.cases <= 0\073
    DELETE FROM contact_units r USING (SELECT DISTINCT cid, uid FROM jsonb_to_recordset(links) AS x(cid uuid, uid uuid)) x
     WHERE r."contactId" = x.cid AND r."unitId" = x.uid AND r.warnings <= 0 AND r.cases <= 0\073
  END IF\073
END';

-- contact_days_rebuild() rebuilds contact_units too (the truncate triggers and the city-year seed call it).
ALTER FUNCTION contact_days_rebuild() RENAME TO contact_days_rebuild_days;
CREATE FUNCTION contact_days_rebuild() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  n bigint := contact_days_rebuild_days()\073
BEGIN
  LOCK TABLE contact_units IN EXCLUSIVE MODE\073
  DELETE FROM contact_units\073
  INSERT INTO contact_units ("contactId", "unitId", warnings, cases, "lastAt")
    SELECT "contactId", "unitId", sum(warnings), sum(cases), max("lastAt") FROM contact_days GROUP BY 1, 2\073
  RETURN n\073
END';

INSERT INTO contact_units ("contactId", "unitId", warnings, cases, "lastAt")
  SELECT "contactId", "unitId", sum(warnings), sum(cases), max("lastAt") FROM contact_days GROUP BY 1, 2;

-- The default list of every unit's subtree for the China days d_from … d_to. Returns the rows it
-- wrote, or -1 when another refresh is running.
CREATE FUNCTION contact_window_refresh(d_from date, d_to date) RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  n bigint\073
BEGIN
  IF NOT pg_try_advisory_xact_lock(7961301) THEN RETURN -1\073 END IF\073
  -- First, in its own (earlier) snapshot: a change committed after it keeps its row, a change
  -- committed before it is in the sums below, whose snapshot is later.
  DELETE FROM contact_window_dirty\073
  WITH scopes AS (SELECT u.id AS uid, s.id AS scope FROM units u JOIN units s ON u.path = s.path OR u.path LIKE s.path || $q$/%$q$),
  d AS (SELECT "contactId" AS cid, "unitId" AS uid, sum(warnings) AS w, sum(cases) AS c, max("lastAt") AS last
          FROM contact_days WHERE day BETWEEN d_from AND d_to GROUP BY 1, 2),
  fresh AS MATERIALIZED (SELECT s.scope, d.cid, sum(d.w)::int AS w, sum(d.c)::int AS c, max(d.last) AS last
          FROM d JOIN scopes s ON s.uid = d.uid GROUP BY s.scope, d.cid HAVING sum(d.w + d.c) >= 2),
  gone AS (DELETE FROM contact_window x WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.scope = x."scopeId" AND f.cid = x."contactId"))
  INSERT INTO contact_window AS x ("scopeId", "contactId", kind, warnings, cases, records, "lastAt")
    SELECT f.scope, f.cid, c.kind, f.w, f.c, f.w + f.c, f.last FROM fresh f JOIN fraud_contacts c ON c.id = f.cid
    ON CONFLICT ("scopeId", "contactId") DO UPDATE SET warnings = EXCLUDED.warnings, cases = EXCLUDED.cases, records = EXCLUDED.records, "lastAt" = EXCLUDED."lastAt"
    WHERE (x.warnings, x.cases, x."lastAt") IS DISTINCT FROM (EXCLUDED.warnings, EXCLUDED.cases, EXCLUDED."lastAt")\073
  GET DIAGNOSTICS n = ROW_COUNT\073
  INSERT INTO contact_window_state (id, "fromDay", "toDay", "computedAt") VALUES (1, d_from, d_to, now() AT TIME ZONE $q$UTC$q$)
    ON CONFLICT (id) DO UPDATE SET "fromDay" = EXCLUDED."fromDay", "toDay" = EXCLUDED."toDay", "computedAt" = EXCLUDED."computedAt"\073
  RETURN n\073
END';

-- The list of a scope in its order, with or without a kind.
CREATE INDEX "contact_window_list_idx" ON "contact_window" ("scopeId", records DESC, "lastAt" DESC, "contactId") INCLUDE (kind, warnings, cases);
CREATE INDEX "contact_window_kind_idx" ON "contact_window" ("scopeId", kind, records DESC, "lastAt" DESC, "contactId") INCLUDE (warnings, cases);
