-- Issue 16 item 3 - every rung of the dissuasion ladder on the warning timeline, its firing and its result
-- (the SMS, the flash SMS and each robot call as the gateway takes them and as their receipts say, the
-- 96110 human call task and the home visit task as they are handed over and as a person takes them up)

-- CreateEnum
CREATE TYPE "LadderEventKind" AS ENUM ('FIRED', 'RESULT', 'STOPPED');

-- CreateTable
CREATE TABLE "dissuasion_ladder_events" (
    "id" UUID NOT NULL,
    "warningId" UUID NOT NULL,
    "rung" VARCHAR(32) NOT NULL,
    "event" "LadderEventKind" NOT NULL,
    "result" VARCHAR(64),
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dissuasion_ladder_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dissuasion_ladder_events_warningId_at_idx" ON "dissuasion_ladder_events"("warningId", "at");

-- AddForeignKey
ALTER TABLE "dissuasion_ladder_events" ADD CONSTRAINT "dissuasion_ladder_events_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
