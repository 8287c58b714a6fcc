-- CreateTable
CREATE TABLE "handovers" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "outgoingId" UUID NOT NULL,
    "shiftStart" TIMESTAMP(3) NOT NULL,
    "shiftEnd" TIMESTAMP(3) NOT NULL,
    "note" VARCHAR(2000),
    "openCount" INTEGER NOT NULL,
    "pendingCount" INTEGER NOT NULL,
    "overdueCount" INTEGER NOT NULL,
    "criticalCount" INTEGER NOT NULL,
    "promisedCount" INTEGER NOT NULL,
    "missedCount" INTEGER NOT NULL,
    "signedCount" INTEGER NOT NULL,
    "dispatchedCount" INTEGER NOT NULL,
    "resolvedCount" INTEGER NOT NULL,
    "callCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedById" UUID,
    "acknowledgedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "handovers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "handovers_unitId_createdAt_idx" ON "handovers"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "handovers_outgoingId_acknowledgedAt_idx" ON "handovers"("outgoingId", "acknowledgedAt");

-- AddForeignKey
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_outgoingId_fkey" FOREIGN KEY ("outgoingId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

