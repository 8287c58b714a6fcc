-- CreateTable
CREATE TABLE "stat_daily" (
    "unitId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "metric" VARCHAR(40) NOT NULL,
    "value" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "stat_daily_pkey" PRIMARY KEY ("unitId","metric","day")
);

-- CreateTable
CREATE TABLE "stat_monthly" (
    "unitId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "metric" VARCHAR(40) NOT NULL,
    "value" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "stat_monthly_pkey" PRIMARY KEY ("unitId","metric","month")
);

-- ───────────── rollup maintenance (hand-written, not in the Prisma schema) ─────────────
-- Every source table has a contribution function: one source row → the (day, unit, metric, value)
-- it adds to the rollups. Statement-level triggers with transition tables add the contributions of
-- the new rows and subtract those of the old rows, once per statement, so a bulk insert of 20,000
-- rows costs one grouped upsert. Each table owns a metric prefix (w. b. a. c. g. s. si. fr. p. d.),
-- which lets TRUNCATE clear exactly its share. The metric catalogue is lib/stats/metrics.ts.
--
-- NOTE Prisma's pg adapter runs a migration by splitting it at every semicolon, quoted or not.
-- So this file has no semicolon inside a statement: multi-statement (PL/pgSQL) bodies are E'…'
-- strings that write each semicolon as the octal escape \073 and quote inner strings with $q$.

-- The China-local calendar day of a UTC timestamp (China has no daylight saving time).
CREATE FUNCTION stat_day(ts timestamp) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (ts + interval '8 hours')::date $$;

CREATE FUNCTION stat_contrib_warnings(r warnings) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT x.day, r."unitId", x.metric, x.value FROM (VALUES
    (stat_day(r."receivedAt"), 'w.recv.' || r."riskLevel", 1::numeric),
    (stat_day(r."receivedAt"), 'w.fraud.' || r."fraudType", 1),
    (CASE WHEN r."acknowledgedAt" <= r."ackDueAt" THEN stat_day(r."receivedAt") END, 'w.ack_ok', 1),
    (CASE WHEN r."firstContactAt" IS NOT NULL THEN stat_day(r."receivedAt") END, 'w.contacted', 1),
    (CASE WHEN r.status = 'RESOLVED' AND r.outcome IS NOT NULL THEN stat_day(r."receivedAt") END, 'w.cohort.' || r.outcome, 1),
    (CASE WHEN r.status = 'RESOLVED' THEN stat_day(r."resolvedAt") END, 'w.resolved', 1),
    (CASE WHEN r.status = 'RESOLVED' AND r.outcome IS NOT NULL THEN stat_day(r."resolvedAt") END, 'w.out.' || r.outcome, 1)
  ) AS x(day, metric, value)
  WHERE x.day IS NOT NULL
$$;

CREATE FUNCTION stat_contrib_sla_breaches(r sla_breaches) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT stat_day(r."dueAt"), r."unitId", 'b.' || r.step, 1::numeric
$$;

CREATE FUNCTION stat_contrib_dissuasion_actions(r dissuasion_actions) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT x.day, r."unitId", x.metric, x.value FROM (VALUES
    (stat_day(r."occurredAt"), 'a.kind.' || r.kind, 1::numeric),
    (CASE WHEN r."amountProtected" <> 0 THEN stat_day(r."occurredAt") END, 'a.protected', r."amountProtected"),
    (CASE WHEN r.kind = 'COUNTER_INTERCEPT' AND r.result = 'DISSUADED' AND r."warningId" IS NULL THEN stat_day(r."occurredAt") END, 'a.intercept', 1)
  ) AS x(day, metric, value)
  WHERE x.day IS NOT NULL
$$;

CREATE FUNCTION stat_contrib_cases(r cases) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT x.day, r."unitId", x.metric, x.value FROM (VALUES
    (stat_day(r."reportedAt"), 'c.reported', 1::numeric),
    (stat_day(r."filedAt"), 'c.filed', 1),
    (stat_day(r."filedAt"), 'c.fraud.' || r."fraudType", 1),
    (stat_day(r."solvedAt"), 'c.solved', 1),
    (stat_day(r."prosecutedAt"), 'c.prosecuted', 1),
    (stat_day(r."submittedAt"), 'c.submit.n', 1),
    (stat_day(r."submittedAt"), 'c.submit.min', round(extract(epoch FROM r."submittedAt" - r."reportedAt") / 60, 2)),
    (CASE WHEN r."submittedAt" IS NOT NULL THEN stat_day(r."filedAt") END, 'c.approve.n', 1),
    (CASE WHEN r."submittedAt" IS NOT NULL THEN stat_day(r."filedAt") END, 'c.approve.min', round(extract(epoch FROM r."filedAt" - r."submittedAt") / 60, 2))
  ) AS x(day, metric, value)
  WHERE x.day IS NOT NULL
$$;

CREATE FUNCTION stat_contrib_gangs(r gangs) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT stat_day(r."dismantledAt"), r."unitId", 'g.dismantled', 1::numeric WHERE r."dismantledAt" IS NOT NULL
$$;

CREATE FUNCTION stat_contrib_suspects(r suspects) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT stat_day(r."arrestedAt"), r."unitId", 's.arrested', 1::numeric WHERE r."arrestedAt" IS NOT NULL
$$;

CREATE FUNCTION stat_contrib_seized_items(r seized_items) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT stat_day(r."seizedAt"), r."unitId", 'si.' || r.type, r.quantity::numeric
$$;

CREATE FUNCTION stat_contrib_fund_recoveries(r fund_recoveries) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT stat_day(r."recoveredAt"), r."unitId", 'fr.amount', r.amount::numeric
$$;

CREATE FUNCTION stat_contrib_publicity_events(r publicity_events) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT r."occurredOn", r."unitId", x.metric, x.value FROM (VALUES
    ('p.events', 1::numeric), ('p.audience', r."audienceCount"::numeric), ('p.app', r."appRegistrations"::numeric)
  ) AS x(metric, value)
$$;

CREATE FUNCTION stat_contrib_daily_counts(r daily_counts) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT r.day, r."unitId", 'd.' || r.metric, r.count::numeric
$$;

-- The statement's net change, added to the daily and the monthly rollup. Rows are upserted in key
-- order (daily first, then monthly) so concurrent writers lock them in the same order.
CREATE FUNCTION stat_apply_rollup() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  contrib text := quote_ident(TG_ARGV[0])\073
  added text := format($q$SELECT c.day, c."unitId", c.metric, c.value FROM new_rows r CROSS JOIN LATERAL %s(r::%I) c$q$, contrib, TG_TABLE_NAME)\073
  removed text := format($q$SELECT c.day, c."unitId", c.metric, -c.value FROM old_rows r CROSS JOIN LATERAL %s(r::%I) c$q$, contrib, TG_TABLE_NAME)\073
  changes text\073
BEGIN
  changes := CASE TG_OP WHEN $q$INSERT$q$ THEN added WHEN $q$DELETE$q$ THEN removed ELSE added || $q$ UNION ALL $q$ || removed END\073
  EXECUTE format($sql$
    WITH delta AS (
      SELECT day, "unitId", metric, sum(value) AS value FROM (%s) AS ch (day, "unitId", metric, value)
      GROUP BY 1, 2, 3 HAVING sum(value) <> 0
    ), monthly AS (
      INSERT INTO stat_monthly AS s ("unitId", month, metric, value)
      SELECT "unitId", date_trunc($m$month$m$, day)::date, metric, sum(value) FROM delta
      GROUP BY 1, 2, 3 HAVING sum(value) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT ("unitId", month, metric) DO UPDATE SET value = s.value + EXCLUDED.value
    )
    INSERT INTO stat_daily AS s ("unitId", day, metric, value)
    SELECT "unitId", day, metric, value FROM delta ORDER BY 1, 2, 3
    ON CONFLICT ("unitId", day, metric) DO UPDATE SET value = s.value + EXCLUDED.value
  $sql$, changes)\073
  RETURN NULL\073
END';

-- TRUNCATE removes every row of a source table, hence every contribution it made.
CREATE FUNCTION stat_truncate_rollup() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM stat_daily WHERE starts_with(metric, TG_ARGV[0])\073
  DELETE FROM stat_monthly WHERE starts_with(metric, TG_ARGV[0])\073
  RETURN NULL\073
END';

-- The sources and their metric prefixes (a function, not a table: the schema stays Prisma's).
CREATE FUNCTION stat_sources() RETURNS TABLE (tbl text, prefix text) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('warnings', 'w.'), ('sla_breaches', 'b.'), ('dissuasion_actions', 'a.'), ('cases', 'c.'), ('gangs', 'g.'),
    ('suspects', 's.'), ('seized_items', 'si.'), ('fund_recoveries', 'fr.'), ('publicity_events', 'p.'), ('daily_counts', 'd.')
$$;

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "warnings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_warnings');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "warnings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_warnings');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "warnings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_warnings');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "warnings" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('w.');

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "sla_breaches" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_sla_breaches');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "sla_breaches" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_sla_breaches');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "sla_breaches" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_sla_breaches');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "sla_breaches" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('b.');

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "dissuasion_actions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_dissuasion_actions');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "dissuasion_actions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_dissuasion_actions');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "dissuasion_actions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_dissuasion_actions');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "dissuasion_actions" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('a.');

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "cases" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_cases');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "cases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_cases');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "cases" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_cases');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "cases" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('c.');

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "gangs" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_gangs');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "gangs" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_gangs');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "gangs" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_gangs');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "gangs" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('g.');

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "suspects" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_suspects');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "suspects" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_suspects');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "suspects" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_suspects');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "suspects" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('s.');

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "seized_items" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_seized_items');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "seized_items" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_seized_items');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "seized_items" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_seized_items');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "seized_items" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('si.');

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "fund_recoveries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_fund_recoveries');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "fund_recoveries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_fund_recoveries');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "fund_recoveries" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_fund_recoveries');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "fund_recoveries" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('fr.');

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "publicity_events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_publicity_events');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "publicity_events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_publicity_events');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "publicity_events" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_publicity_events');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "publicity_events" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('p.');

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "daily_counts" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_daily_counts');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "daily_counts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_daily_counts');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "daily_counts" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_daily_counts');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "daily_counts" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('d.');

-- Recomputes both rollups from the source tables (the backfill below, or a repair after a restore
-- that bypassed triggers). Writers wait while it runs, so no change slips between recount and lock.
CREATE FUNCTION stat_rebuild() RETURNS void LANGUAGE plpgsql AS E'
DECLARE src record\073
BEGIN
  LOCK TABLE stat_daily, stat_monthly IN EXCLUSIVE MODE\073
  DELETE FROM stat_daily\073
  DELETE FROM stat_monthly\073
  FOR src IN SELECT tbl FROM stat_sources() LOOP
    EXECUTE format($sql$
      INSERT INTO stat_daily ("unitId", day, metric, value)
      SELECT c."unitId", c.day, c.metric, sum(c.value) FROM %I r CROSS JOIN LATERAL %I(r) c
      GROUP BY 1, 2, 3 HAVING sum(c.value) <> 0
    $sql$, src.tbl, $q$stat_contrib_$q$ || src.tbl)\073
  END LOOP\073
  INSERT INTO stat_monthly ("unitId", month, metric, value)
  SELECT "unitId", date_trunc($m$month$m$, day)::date, metric, sum(value) FROM stat_daily GROUP BY 1, 2, 3\073
END';

SELECT stat_rebuild();
