-- DropIndex
DROP INDEX "warnings_source_externalId_key";

-- DropIndex
DROP INDEX "warning_sightings_source_externalId_key";

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "sources" "WarningSource"[] DEFAULT ARRAY[]::"WarningSource"[];

-- AlterTable
ALTER TABLE "warning_sightings" ADD COLUMN     "amountAtRisk" DECIMAL(14,2),
ADD COLUMN     "apiKeyId" UUID,
ADD COLUMN     "contactChannel" "ContactChannel",
ADD COLUMN     "contactValue" VARCHAR(128),
ADD COLUMN     "createdById" UUID,
ADD COLUMN     "fraudType" "FraudType",
ADD COLUMN     "note" VARCHAR(2000),
ADD COLUMN     "unitCode" VARCHAR(16),
ADD COLUMN     "victimAddress" VARCHAR(255),
ADD COLUMN     "victimAge" SMALLINT,
ADD COLUMN     "victimGender" "Gender",
ADD COLUMN     "victimIdNumber" VARCHAR(18),
ADD COLUMN     "victimName" VARCHAR(64),
ADD COLUMN     "victimPhone" VARCHAR(20);

-- AlterTable
ALTER TABLE "dissuasion_actions" ADD COLUMN     "idempotencyHash" VARCHAR(64);

-- CreateIndex
CREATE INDEX "warnings_source_externalId_idx" ON "warnings"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "warning_sightings_source_externalId_warningId_key" ON "warning_sightings"("source", "externalId", "warningId");


-- Keys made before keys were bound to sources keep every source, so no feed stops at the upgrade;
-- administrators narrow them in 接口密钥 (SECURITY.md G31). Keys made from now on name their sources.
UPDATE "api_keys" SET "sources" = enum_range(NULL::"WarningSource") WHERE 'warnings:ingest' = ANY("scopes");
