-- CreateEnum
CREATE TYPE "MapCrs" AS ENUM ('WGS84', 'GCJ02');

-- CreateTable
CREATE TABLE "map_boundary_sets" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "crs" "MapCrs" NOT NULL,
    "fileName" VARCHAR(200),
    "bytes" INTEGER NOT NULL,
    "featureCount" INTEGER NOT NULL,
    "features" JSONB NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,

    CONSTRAINT "map_boundary_sets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "map_boundary_sets_unitId_createdAt_idx" ON "map_boundary_sets"("unitId", "createdAt");

-- AddForeignKey
ALTER TABLE "map_boundary_sets" ADD CONSTRAINT "map_boundary_sets_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

