-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('RECEIVED', 'UNDER_REVIEW', 'UPHELD', 'REVOKED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "disciplinary_measures" ADD COLUMN     "revokedOn" DATE;

-- CreateTable
CREATE TABLE "appeals" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "appellantName" VARCHAR(64) NOT NULL,
    "appellantPhone" VARCHAR(20),
    "appellantIdNumber" VARCHAR(18),
    "grounds" VARCHAR(4000) NOT NULL,
    "evidence" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "receivedOn" DATE NOT NULL,
    "deadlineOn" DATE NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'RECEIVED',
    "registeredById" UUID NOT NULL,
    "registeredByName" VARCHAR(64) NOT NULL,
    "reviewerId" UUID,
    "reviewerName" VARCHAR(64),
    "decisionReason" VARCHAR(2000),
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "appeals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "appeals_measureId_idx" ON "appeals"("measureId");

-- CreateIndex
CREATE INDEX "appeals_status_deadlineOn_idx" ON "appeals"("status", "deadlineOn");

-- AddForeignKey
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "disciplinary_measures"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

