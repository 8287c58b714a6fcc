-- The warning funnel's stages, nested by construction: of the warnings received on a day, those
-- signed for (w.f.ack), of those the ones also contacted (w.f.contact), of those the ones also
-- resolved (w.f.resolved), of those the ones dissuaded (w.f.dissuaded). Each stage is a subset of
-- the one before it, whatever order the timestamps were set in (lib/stats/metrics.ts).
-- (No semicolon inside a statement: Prisma's pg adapter splits the file at every one.)

CREATE OR REPLACE FUNCTION stat_contrib_warnings(r warnings) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT x.day, r."unitId", x.metric, x.value FROM (VALUES
    (stat_day(r."receivedAt"), 'w.recv.' || r."riskLevel", 1::numeric),
    (stat_day(r."receivedAt"), 'w.fraud.' || r."fraudType", 1),
    (CASE WHEN r."acknowledgedAt" <= r."ackDueAt" THEN stat_day(r."receivedAt") END, 'w.ack_ok', 1),
    (CASE WHEN r."firstContactAt" IS NOT NULL THEN stat_day(r."receivedAt") END, 'w.contacted', 1),
    (CASE WHEN r.status = 'RESOLVED' AND r.outcome IS NOT NULL THEN stat_day(r."receivedAt") END, 'w.cohort.' || r.outcome, 1),
    (CASE WHEN r.status = 'RESOLVED' THEN stat_day(r."resolvedAt") END, 'w.resolved', 1),
    (CASE WHEN r.status = 'RESOLVED' AND r.outcome IS NOT NULL THEN stat_day(r."resolvedAt") END, 'w.out.' || r.outcome, 1),
    (CASE WHEN r."acknowledgedAt" IS NOT NULL THEN stat_day(r."receivedAt") END, 'w.f.ack', 1),
    (CASE WHEN r."acknowledgedAt" IS NOT NULL AND r."firstContactAt" IS NOT NULL THEN stat_day(r."receivedAt") END, 'w.f.contact', 1),
    (CASE WHEN r."acknowledgedAt" IS NOT NULL AND r."firstContactAt" IS NOT NULL AND r.status = 'RESOLVED' THEN stat_day(r."receivedAt") END, 'w.f.resolved', 1),
    (CASE WHEN r."acknowledgedAt" IS NOT NULL AND r."firstContactAt" IS NOT NULL AND r.status = 'RESOLVED' AND r.outcome = 'DISSUADED' THEN stat_day(r."receivedAt") END, 'w.f.dissuaded', 1)
  ) AS x(day, metric, value)
  WHERE x.day IS NOT NULL
$$;

-- The new stages of the warnings already stored (the other metrics are unchanged). Migrations run
-- before the app starts (npm start), so no warning changes while these are counted.

INSERT INTO stat_daily ("unitId", day, metric, value)
SELECT c."unitId", c.day, c.metric, sum(c.value) FROM warnings r CROSS JOIN LATERAL stat_contrib_warnings(r) c
WHERE starts_with(c.metric, 'w.f.') GROUP BY 1, 2, 3;

INSERT INTO stat_monthly ("unitId", month, metric, value)
SELECT "unitId", date_trunc('month', day)::date, metric, sum(value) FROM stat_daily
WHERE starts_with(metric, 'w.f.') GROUP BY 1, 2, 3;
