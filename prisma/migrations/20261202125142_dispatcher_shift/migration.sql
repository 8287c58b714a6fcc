-- The dispatcher's shift (issue 12): per-user alerts, the dispatch note, the queue's order.

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "alertDesktop" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "alertSound" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "warnings" ADD COLUMN     "dispatchNote" VARCHAR(2000);

-- The queue's order: the next step's due time moved earlier by 6 minutes per priority point above
-- a bare 低危 (priority 10), at most 3 hours (README, "the queue's order"). Generated, so every
-- writer (ingestion's COPY, transitions, repeats, the seeds) keeps it right without knowing of it.
ALTER TABLE "warnings" ADD COLUMN     "queueRank" TIMESTAMP(3)
  GENERATED ALWAYS AS ("slaDueAt" - LEAST(GREATEST("priority" - 10, 0), 30) * interval '6 minutes') STORED;

-- DropIndex
DROP INDEX "warnings_slaDueAt_priority_id_idx";

-- CreateIndex
CREATE INDEX "warnings_queueRank_priority_id_idx" ON "warnings"("queueRank", "priority" DESC, "id");
