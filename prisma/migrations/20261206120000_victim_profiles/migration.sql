-- CreateTable
CREATE TABLE "profile_daily" (
    "unitId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "dim" VARCHAR(12) NOT NULL,
    "key" VARCHAR(48) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "profile_daily_pkey" PRIMARY KEY ("unitId","day","dim","key")
);

-- CreateTable
CREATE TABLE "profile_monthly" (
    "unitId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "dim" VARCHAR(12) NOT NULL,
    "key" VARCHAR(48) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "profile_monthly_pkey" PRIMARY KEY ("unitId","month","dim","key")
);

-- ───────────── victim profile rollup (hand-written, like stat_rollups) ─────────────
-- One warning → one bucket per dimension, on the China day it was received:
--   age_fraud  "<age group>|<fraud type>"    gender  "<Gender>"
--   hour       "<ISO weekday 1-7>|<hour 00-23>" (China time)
--   channel    "<ContactChannel>"            amount  "<amount band>"
-- The bucket catalogue is lib/profiles/dimensions.ts (keep both in step). Counted at the warning's
-- unit AND every ancestor (unitId = the subtree's root), so a city-year read is one unit's rows.
-- A unit moved in the tree needs SELECT profile_rebuild(). Same statement-level trigger pattern and
-- the same semicolon rule as stat_rollups (E'…' bodies, \073 for each semicolon, $q$ inner quotes).

CREATE FUNCTION profile_age_group(age int) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN age IS NULL THEN 'unknown' WHEN age < 18 THEN 'lt18' WHEN age < 30 THEN '18-29'
    WHEN age < 45 THEN '30-44' WHEN age < 60 THEN '45-59' ELSE '60+' END
$$;

CREATE FUNCTION profile_amount_band(amount numeric) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN amount IS NULL OR amount <= 0 THEN 'none' WHEN amount < 1000 THEN 'lt1k'
    WHEN amount < 10000 THEN '1k-10k' WHEN amount < 50000 THEN '10k-50k' WHEN amount < 200000 THEN '50k-200k' ELSE 'ge200k' END
$$;

CREATE FUNCTION profile_contrib(r warnings) RETURNS TABLE (day date, "unitId" uuid, dim text, key text)
LANGUAGE sql STABLE AS $$
  SELECT stat_day(r."receivedAt"), r."unitId", x.dim, x.key FROM (VALUES
    ('age_fraud', profile_age_group(r."victimAge") || '|' || r."fraudType"::text),
    ('gender', coalesce(r."victimGender"::text, 'UNKNOWN')),
    ('hour', extract(isodow FROM r."receivedAt" + interval '8 hours')::int::text || '|' || to_char(r."receivedAt" + interval '8 hours', 'HH24')),
    ('channel', r."contactChannel"::text),
    ('amount', profile_amount_band(r."amountAtRisk"))
  ) AS x(dim, key)
$$;

-- The statement's net change per own unit, spread to every ancestor, added to both tables (daily
-- first, then monthly, each in key order, so concurrent writers lock rows in the same order).
CREATE FUNCTION profile_apply_rollup() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  added text := $q$SELECT c.day, c."unitId", c.dim, c.key, 1 AS n FROM new_rows r CROSS JOIN LATERAL profile_contrib(r::warnings) c$q$\073
  removed text := $q$SELECT c.day, c."unitId", c.dim, c.key, -1 AS n FROM old_rows r CROSS JOIN LATERAL profile_contrib(r::warnings) c$q$\073
  changes text\073
BEGIN
  changes := CASE TG_OP WHEN $q$INSERT$q$ THEN added WHEN $q$DELETE$q$ THEN removed ELSE added || $q$ UNION ALL $q$ || removed END\073
  EXECUTE format($sql$
    WITH own AS (
      SELECT day, "unitId", dim, key, sum(n) AS n FROM (%s) AS ch (day, "unitId", dim, key, n)
      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
    ), delta AS (
      SELECT o.day, a.id AS "unitId", o.dim, o.key, sum(o.n)::int AS n
      FROM own o JOIN units u ON u.id = o."unitId" JOIN units a ON u.path = a.path OR starts_with(u.path, a.path || $p$/$p$)
      GROUP BY 1, 2, 3, 4 HAVING sum(o.n) <> 0
    ), monthly AS (
      INSERT INTO profile_monthly AS s ("unitId", month, dim, key, count)
      SELECT "unitId", date_trunc($m$month$m$, day)::date, dim, key, sum(n) FROM delta
      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT ("unitId", month, dim, key) DO UPDATE SET count = s.count + EXCLUDED.count
    )
    INSERT INTO profile_daily AS s ("unitId", day, dim, key, count)
    SELECT "unitId", day, dim, key, n FROM delta ORDER BY 1, 2, 3, 4
    ON CONFLICT ("unitId", day, dim, key) DO UPDATE SET count = s.count + EXCLUDED.count
  $sql$, changes)\073
  RETURN NULL\073
END';

CREATE FUNCTION profile_truncate_rollup() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM profile_daily\073
  DELETE FROM profile_monthly\073
  RETURN NULL\073
END';

CREATE TRIGGER profile_rollup_insert AFTER INSERT ON "warnings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_apply_rollup();
CREATE TRIGGER profile_rollup_update AFTER UPDATE ON "warnings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_apply_rollup();
CREATE TRIGGER profile_rollup_delete AFTER DELETE ON "warnings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_apply_rollup();
CREATE TRIGGER profile_rollup_truncate AFTER TRUNCATE ON "warnings" FOR EACH STATEMENT EXECUTE FUNCTION profile_truncate_rollup();

-- Recomputes both tables from the warnings (the backfill below, after a unit move, or a repair).
CREATE FUNCTION profile_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE profile_daily, profile_monthly IN EXCLUSIVE MODE\073
  DELETE FROM profile_daily\073
  DELETE FROM profile_monthly\073
  INSERT INTO profile_daily ("unitId", day, dim, key, count)
  SELECT a.id, o.day, o.dim, o.key, sum(o.n)::int
  FROM (
    SELECT c.day, c."unitId", c.dim, c.key, count(*) AS n FROM warnings r CROSS JOIN LATERAL profile_contrib(r) c GROUP BY 1, 2, 3, 4
  ) o JOIN units u ON u.id = o."unitId" JOIN units a ON u.path = a.path OR starts_with(u.path, a.path || $p$/$p$)
  GROUP BY 1, 2, 3, 4\073
  INSERT INTO profile_monthly ("unitId", month, dim, key, count)
  SELECT "unitId", date_trunc($m$month$m$, day)::date, dim, key, sum(count) FROM profile_daily GROUP BY 1, 2, 3, 4\073
END';

SELECT profile_rebuild();
