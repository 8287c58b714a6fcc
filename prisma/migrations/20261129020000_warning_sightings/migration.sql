-- CreateTable
CREATE TABLE "warning_sightings" (
    "id" UUID NOT NULL,
    "warningId" UUID NOT NULL,
    "source" "WarningSource" NOT NULL,
    "externalId" VARCHAR(64) NOT NULL,
    "riskLevel" "RiskLevel" NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warning_sightings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "warning_sightings_warningId_receivedAt_idx" ON "warning_sightings"("warningId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "warning_sightings_source_externalId_key" ON "warning_sightings"("source", "externalId");

-- AddForeignKey
ALTER TABLE "warning_sightings" ADD CONSTRAINT "warning_sightings_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
