-- CreateEnum
CREATE TYPE "CallDirection" AS ENUM ('OUTBOUND', 'INBOUND');

-- AlterEnum
ALTER TYPE "OutboundChannel" ADD VALUE 'FEEDBACK';

-- AlterTable
ALTER TABLE "outbound_messages" ADD COLUMN     "dueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "hotline_calls" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "apiKeyId" UUID,
    "callId" VARCHAR(64) NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "callerNumber" VARCHAR(20) NOT NULL,
    "calleeNumber" VARCHAR(20) NOT NULL,
    "agent" VARCHAR(64),
    "ringingAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "durationSeconds" INTEGER,
    "recordingRef" VARCHAR(256),
    "warningId" UUID,
    "actionId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "hotline_calls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbound_messages_channel_createdAt_idx" ON "outbound_messages"("channel", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "hotline_calls_actionId_key" ON "hotline_calls"("actionId");

-- CreateIndex
CREATE INDEX "hotline_calls_warningId_idx" ON "hotline_calls"("warningId");

-- CreateIndex
CREATE INDEX "hotline_calls_unitId_createdAt_idx" ON "hotline_calls"("unitId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "hotline_calls_unitId_callId_key" ON "hotline_calls"("unitId", "callId");

-- AddForeignKey
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE SET NULL ON UPDATE CASCADE;
