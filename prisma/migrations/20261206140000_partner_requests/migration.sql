-- CreateEnum
CREATE TYPE "PartnerRequestKind" AS ENUM ('STOP_PAYMENT', 'FREEZE', 'SUSPEND', 'VERIFY');

-- CreateEnum
CREATE TYPE "PartnerRequestStatus" AS ENUM ('SENT', 'ACCEPTED', 'REJECTED', 'UNDELIVERED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutboundChannel" ADD VALUE 'BANK';
ALTER TYPE "OutboundChannel" ADD VALUE 'CARRIER';

-- AlterTable
ALTER TABLE "outbound_messages" ADD COLUMN     "partnerRequestId" UUID,
ALTER COLUMN "recipient" SET DATA TYPE VARCHAR(64),
ALTER COLUMN "body" SET DATA TYPE VARCHAR(2000);

-- CreateTable
CREATE TABLE "partner_requests" (
    "id" UUID NOT NULL,
    "docNumber" VARCHAR(48) NOT NULL,
    "kind" "PartnerRequestKind" NOT NULL,
    "status" "PartnerRequestStatus" NOT NULL DEFAULT 'SENT',
    "unitId" UUID NOT NULL,
    "caseId" UUID,
    "warningId" UUID,
    "partnerName" VARCHAR(64) NOT NULL,
    "target" VARCHAR(32) NOT NULL,
    "holderName" VARCHAR(64),
    "amount" DECIMAL(14,2),
    "legalBasis" VARCHAR(300) NOT NULL,
    "reason" VARCHAR(500),
    "requestingAuthority" VARCHAR(64) NOT NULL,
    "handlerId" UUID,
    "handlerName" VARCHAR(64) NOT NULL,
    "approverName" VARCHAR(64) NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "deadlineAt" TIMESTAMP(3),
    "followsId" UUID,
    "lapseFlaggedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answerReason" VARCHAR(300),
    "amountStopped" DECIMAL(14,2),
    "amountProtected" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "partner_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "partner_requests_docNumber_key" ON "partner_requests"("docNumber");

-- CreateIndex
CREATE INDEX "partner_requests_unitId_requestedAt_idx" ON "partner_requests"("unitId", "requestedAt");

-- CreateIndex
CREATE INDEX "partner_requests_caseId_idx" ON "partner_requests"("caseId");

-- CreateIndex
CREATE INDEX "partner_requests_warningId_idx" ON "partner_requests"("warningId");

-- CreateIndex
CREATE INDEX "partner_requests_kind_status_deadlineAt_idx" ON "partner_requests"("kind", "status", "deadlineAt");

-- CreateIndex
CREATE INDEX "partner_requests_target_idx" ON "partner_requests"("target");

-- CreateIndex
CREATE INDEX "outbound_messages_partnerRequestId_idx" ON "outbound_messages"("partnerRequestId");

-- AddForeignKey
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_partnerRequestId_fkey" FOREIGN KEY ("partnerRequestId") REFERENCES "partner_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_requests" ADD CONSTRAINT "partner_requests_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_requests" ADD CONSTRAINT "partner_requests_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_requests" ADD CONSTRAINT "partner_requests_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_requests" ADD CONSTRAINT "partner_requests_followsId_fkey" FOREIGN KEY ("followsId") REFERENCES "partner_requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ───────────── losses stopped (hand-written) ─────────────
-- A request adds its amountProtected (what it held beyond the request it follows) to 止损 on the
-- China-local day of the partner's answer. lib/stats/figures.ts adds pr.protected to a.protected.
CREATE FUNCTION stat_contrib_partner_requests(r partner_requests) RETURNS TABLE (day date, "unitId" uuid, metric text, value numeric)
LANGUAGE sql STABLE AS $$
  SELECT stat_day(r."answeredAt"), r."unitId", 'pr.protected', r."amountProtected"
   WHERE r."answeredAt" IS NOT NULL AND r."amountProtected" <> 0
$$;

CREATE OR REPLACE FUNCTION stat_sources() RETURNS TABLE (tbl text, prefix text) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('warnings', 'w.'), ('sla_breaches', 'b.'), ('dissuasion_actions', 'a.'), ('cases', 'c.'), ('gangs', 'g.'),
    ('suspects', 's.'), ('seized_items', 'si.'), ('fund_recoveries', 'fr.'), ('publicity_events', 'p.'), ('daily_counts', 'd.'),
    ('revisits', 'r.'), ('app_followups', 'app.'), ('partner_requests', 'pr.')
$$;

CREATE TRIGGER stat_rollup_insert AFTER INSERT ON "partner_requests" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_partner_requests');
CREATE TRIGGER stat_rollup_update AFTER UPDATE ON "partner_requests" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_partner_requests');
CREATE TRIGGER stat_rollup_delete AFTER DELETE ON "partner_requests" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_apply_rollup('stat_contrib_partner_requests');
CREATE TRIGGER stat_rollup_truncate AFTER TRUNCATE ON "partner_requests" FOR EACH STATEMENT EXECUTE FUNCTION stat_truncate_rollup('pr.');
