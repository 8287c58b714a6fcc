-- CreateEnum
CREATE TYPE "WarningTransferStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'RETURNED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "WarningOutcome" ADD VALUE 'TRANSFERRED_OUT';

-- CreateTable
CREATE TABLE "warning_transfers" (
    "id" UUID NOT NULL,
    "warningId" UUID NOT NULL,
    "fromUnitId" UUID NOT NULL,
    "toUnitId" UUID NOT NULL,
    "external" BOOLEAN NOT NULL DEFAULT false,
    "destination" VARCHAR(128),
    "reason" VARCHAR(2000) NOT NULL,
    "status" "WarningTransferStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedById" UUID NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "returnReason" VARCHAR(2000),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "warning_transfers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "warning_transfers_warningId_proposedAt_idx" ON "warning_transfers"("warningId", "proposedAt");

-- CreateIndex
CREATE INDEX "warning_transfers_toUnitId_status_idx" ON "warning_transfers"("toUnitId", "status");

-- CreateIndex
CREATE INDEX "warning_transfers_fromUnitId_status_idx" ON "warning_transfers"("fromUnitId", "status");

-- AddForeignKey
ALTER TABLE "warning_transfers" ADD CONSTRAINT "warning_transfers_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_transfers" ADD CONSTRAINT "warning_transfers_fromUnitId_fkey" FOREIGN KEY ("fromUnitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_transfers" ADD CONSTRAINT "warning_transfers_toUnitId_fkey" FOREIGN KEY ("toUnitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One open transfer per warning at a time (Prisma's schema cannot declare a partial index).
CREATE UNIQUE INDEX "warning_transfers_one_open" ON "warning_transfers"("warningId") WHERE status = 'PROPOSED';
