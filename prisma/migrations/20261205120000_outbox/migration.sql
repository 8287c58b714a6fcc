-- CreateEnum
CREATE TYPE "OutboundChannel" AS ENUM ('SMS', 'FLASH', 'ROBOT_CALL');

-- CreateEnum
CREATE TYPE "OutboundStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "LadderStatus" AS ENUM ('RUNNING', 'REACHED', 'HANDED_OVER', 'STOPPED');

-- CreateTable
CREATE TABLE "outbound_messages" (
    "id" UUID NOT NULL,
    "warningId" UUID,
    "channel" "OutboundChannel" NOT NULL,
    "status" "OutboundStatus" NOT NULL DEFAULT 'PENDING',
    "recipient" VARCHAR(20) NOT NULL,
    "body" VARCHAR(1000) NOT NULL,
    "rung" VARCHAR(32),
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" VARCHAR(500),
    "sentAt" TIMESTAMP(3),
    "result" VARCHAR(32),
    "resultAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbound_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbound_rate_windows" (
    "channel" "OutboundChannel" NOT NULL,
    "second" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "outbound_rate_windows_pkey" PRIMARY KEY ("channel","second")
);

-- CreateTable
CREATE TABLE "dissuasion_ladders" (
    "warningId" UUID NOT NULL,
    "riskLevel" "RiskLevel" NOT NULL,
    "status" "LadderStatus" NOT NULL DEFAULT 'RUNNING',
    "robotCalls" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dissuasion_ladders_pkey" PRIMARY KEY ("warningId")
);

-- CreateIndex
CREATE INDEX "outbound_messages_warningId_createdAt_idx" ON "outbound_messages"("warningId", "createdAt");

-- CreateIndex
CREATE INDEX "outbound_messages_status_notBefore_idx" ON "outbound_messages"("status", "notBefore");

-- CreateIndex
CREATE INDEX "outbound_messages_createdAt_idx" ON "outbound_messages"("createdAt");

-- CreateIndex
CREATE INDEX "dissuasion_ladders_status_idx" ON "dissuasion_ladders"("status");

-- AddForeignKey
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissuasion_ladders" ADD CONSTRAINT "dissuasion_ladders_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Transactional enqueue: every inserted message gets its graphile-worker job in the inserting
-- transaction, so a message exists exactly when the decision that caused it committed. The job
-- schema is created by the worker on its first start (by the migrations of graphile-worker). Until
-- then messages wait as PENDING, and the start of the worker enqueues them (lib/outbound/worker.ts).
CREATE FUNCTION outbound_enqueue() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF to_regprocedure($q$graphile_worker.add_jobs(graphile_worker.job_spec[],boolean)$q$) IS NOT NULL THEN
    PERFORM graphile_worker.add_jobs(
      ARRAY(SELECT ROW($q$outbound_deliver$q$, json_build_object($q$id$q$, n.id), NULL, n."notBefore" AT TIME ZONE $q$UTC$q$, 5, $q$outbound:$q$ || n.id, 0, NULL)::graphile_worker.job_spec
              FROM new_rows n WHERE n.status = $q$PENDING$q$),
      true)\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER outbound_enqueue AFTER INSERT ON "outbound_messages"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbound_enqueue();
