-- CreateEnum
CREATE TYPE "RevisitStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RevisitOutcome" AS ENUM ('CONFIRMED', 'TEMP_UNREACHABLE', 'UNREACHABLE', 'INFO_MISMATCH', 'DUPLICATE', 'DEFRAUDED');

-- CreateTable
CREATE TABLE "revisits" (
    "id" UUID NOT NULL,
    "warningId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "officerId" UUID,
    "sequence" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "dueOn" DATE NOT NULL,
    "status" "RevisitStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" "RevisitOutcome",
    "note" VARCHAR(2000),
    "doneAt" TIMESTAMP(3),
    "doneById" UUID,
    "cancelledAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "revisits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "revisits_unitId_status_dueOn_idx" ON "revisits"("unitId", "status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "revisits_warningId_sequence_attempt_key" ON "revisits"("warningId", "sequence", "attempt");

-- AddForeignKey
ALTER TABLE "revisits" ADD CONSTRAINT "revisits_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisits" ADD CONSTRAINT "revisits_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisits" ADD CONSTRAINT "revisits_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisits" ADD CONSTRAINT "revisits_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ───────────── statistics (hand-written, as in 20261129030000_stats_rollups) ─────────────
-- Revisits add to the rollups on the day they are due (a China calendar day already):
--   r.due     revisits due that day (cancelled ones are not due)
--   r.done    …of those, done (any outcome)
--   r.ontime  …of those, done by the end of their due day
-- Revisit rate = r.done ÷ r.due, timeliness = r.ontime ÷ r.due (lib/stats/rankings.ts).
-- (No semicolon inside a statement: Prisma's pg adapter splits the file at every one.)

CREATE FUNCTION stat_contrib_revisits(r revisits) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT x.day, r."unitId", x.metric, x.value FROM (VALUES
    (CASE WHEN r.status <> 'CANCELLED' THEN r."dueOn" END, 'r.due', 1::numeric),
    (CASE WHEN r.status = 'DONE' THEN r."dueOn" END, 'r.done', 1),
    (CASE WHEN r.status = 'DONE' AND stat_day(r."doneAt") <= r."dueOn" THEN r."dueOn" END, 'r.ontime', 1)
  ) AS x(day, metric, value)
  WHERE x.day IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION stat_sources() RETURNS TABLE (tbl text, prefix text) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('warnings', 'w.'), ('sla_breaches', 'b.'), ('dissuasion_actions', 'a.'), ('cases', 'c.'), ('gangs', 'g.'),
    ('suspects', 's.'), ('seized_items', 'si.'), ('fund_recoveries', 'fr.'), ('publicity_events', 'p.'), ('daily_counts', 'd.'),
    ('revisits', 'r.')
$$;

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "revisits" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_revisits');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "revisits" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_revisits');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "revisits" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_revisits');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "revisits" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('r.');
