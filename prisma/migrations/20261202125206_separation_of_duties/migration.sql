-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('USER_CREATE', 'USER_CHANGE', 'PASSWORD_RESET', 'API_KEY');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'SECURITY_OFFICER' AFTER 'AUDITOR';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "approvalPending" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "approvalPending" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "access_proposals" (
    "id" UUID NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PENDING',
    "approverRole" "Role" NOT NULL,
    "userId" UUID,
    "apiKeyId" UUID,
    "unitId" UUID NOT NULL,
    "change" JSONB,
    "summary" JSONB NOT NULL,
    "proposedById" UUID NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "note" VARCHAR(200),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "access_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "access_proposals_status_approverRole_idx" ON "access_proposals"("status", "approverRole");

-- CreateIndex
CREATE INDEX "access_proposals_userId_idx" ON "access_proposals"("userId");

-- CreateIndex
CREATE INDEX "access_proposals_apiKeyId_idx" ON "access_proposals"("apiKeyId");

-- AddForeignKey
ALTER TABLE "access_proposals" ADD CONSTRAINT "access_proposals_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_proposals" ADD CONSTRAINT "access_proposals_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "api_keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_proposals" ADD CONSTRAINT "access_proposals_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Usernames are unique whatever their case. Hand-written, as Prisma cannot declare an expression
-- index (tests/integration/schema-agreement.test.ts lists it as migration-only). Login looks
-- accounts up by lower(username), which this index serves. No semicolons in these comments: the
-- migration runner splits the file at every one.
CREATE UNIQUE INDEX "users_username_lower_key" ON "users" (lower("username"));
