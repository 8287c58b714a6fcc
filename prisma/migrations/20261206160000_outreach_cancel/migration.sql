-- AlterTable
ALTER TABLE "outreach_campaigns" ADD COLUMN     "cancelledAt" TIMESTAMP(3);
