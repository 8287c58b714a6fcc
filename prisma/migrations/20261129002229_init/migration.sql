-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('CITY', 'CENTER', 'BRANCH', 'PRECINCT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'AUDITOR', 'DISPATCHER', 'OFFICER', 'INVESTIGATOR', 'LEADER');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "WarningSource" AS ENUM ('NATIONAL', 'PROVINCIAL', 'BANK', 'CARRIER', 'LOCAL_MODEL', 'HOTLINE', 'WALK_IN');

-- CreateEnum
CREATE TYPE "FraudType" AS ENUM ('REBATE_TASK', 'FAKE_INVESTMENT', 'FAKE_LOAN', 'FAKE_CUSTOMER_SERVICE', 'IMPERSONATE_OFFICIAL', 'IMPERSONATE_ACQUAINTANCE', 'FAKE_CREDIT', 'ROMANCE', 'GAME_TRADING', 'ONLINE_SHOPPING', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('PHONE', 'SMS', 'WECHAT', 'QQ', 'URL', 'APP', 'BANK_ACCOUNT', 'OTHER');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "WarningStatus" AS ENUM ('PENDING', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED');

-- CreateEnum
CREATE TYPE "WarningOutcome" AS ENUM ('DISSUADED', 'ALREADY_DEFRAUDED', 'UNREACHABLE', 'FALSE_POSITIVE');

-- CreateEnum
CREATE TYPE "RoutedBy" AS ENUM ('UNIT_CODE', 'ADDRESS', 'FALLBACK', 'MANUAL');

-- CreateEnum
CREATE TYPE "SlaStep" AS ENUM ('ACK', 'CONTACT', 'RESOLVE');

-- CreateEnum
CREATE TYPE "ActionKind" AS ENUM ('HOTLINE_CALL', 'SMS', 'ROBOT_CALL', 'VIDEO_CALL', 'HOME_VISIT', 'COUNTER_INTERCEPT', 'RELATIVE_CONTACT', 'LINE_RESTRICTION');

-- CreateEnum
CREATE TYPE "ActionResult" AS ENUM ('CONNECTED', 'UNANSWERED', 'DISSUADED', 'REFUSED', 'ALREADY_PAID', 'NOT_FOUND', 'NOT_FRAUD');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('REPORTED', 'PENDING_APPROVAL', 'FILED', 'INVESTIGATING', 'SOLVED', 'PROSECUTED', 'CLOSED', 'NOT_FILED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "CaseSource" AS ENUM ('WARNING', 'HOTLINE_110', 'HOTLINE_96110', 'WALK_IN', 'ONLINE');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "FreezeKind" AS ENUM ('STOP_PAYMENT', 'FREEZE');

-- CreateEnum
CREATE TYPE "FreezeStatus" AS ENUM ('REQUESTED', 'EXECUTED', 'PARTIAL', 'FAILED', 'EXPIRED', 'RELEASED');

-- CreateEnum
CREATE TYPE "SuspectStatus" AS ENUM ('WANTED', 'ARRESTED', 'DETAINED', 'PROSECUTED', 'RELEASED');

-- CreateEnum
CREATE TYPE "SeizedItemType" AS ENUM ('SIM_CARD', 'BANK_CARD', 'POS', 'GOIP', 'PHONE', 'COMPUTER', 'CASH', 'OTHER');

-- CreateEnum
CREATE TYPE "Disposition" AS ENUM ('HELD', 'RETURNED', 'CONFISCATED', 'DESTROYED', 'TRANSFERRED');

-- CreateEnum
CREATE TYPE "RecoveryMethod" AS ENUM ('FROZEN_FUNDS', 'SEIZED_CASH', 'VOLUNTARY', 'COURT_ORDER', 'OTHER');

-- CreateEnum
CREATE TYPE "PublicityKind" AS ENUM ('LECTURE', 'CAMPUS', 'COMMUNITY', 'ENTERPRISE', 'ELDERLY', 'ONLINE', 'MEDIA', 'OTHER');

-- CreateEnum
CREATE TYPE "TargetGroup" AS ENUM ('STUDENTS', 'ELDERLY', 'ENTERPRISE_STAFF', 'RESIDENTS', 'RURAL', 'OTHER');

-- CreateEnum
CREATE TYPE "DailyMetric" AS ENUM ('APP_REGISTRATIONS', 'CONSULTATION_CALLS');

-- CreateEnum
CREATE TYPE "CountSource" AS ENUM ('MANUAL', 'IMPORT');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('ADMIN_DETENTION', 'FINE', 'CONFISCATION', 'SUSPEND_NON_COUNTER', 'RECEIVE_ONLY', 'RESTRICT_CALLS', 'RESTRICT_NEW_CARDS');

-- CreateEnum
CREATE TYPE "CampaignKind" AS ENUM ('COMMUNITY', 'VILLAGE', 'SCHOOL', 'ENTERPRISE', 'ORGANIZATION');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'CERTIFIED', 'SUSPENDED');

-- CreateTable
CREATE TABLE "units" (
    "id" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "parentId" UUID,
    "path" VARCHAR(255) NOT NULL,
    "population" INTEGER,
    "addressKeywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "username" VARCHAR(32) NOT NULL,
    "displayName" VARCHAR(64) NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "grants" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "unitId" UUID NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "totpLastStep" INTEGER,
    "recoveryCodeHashes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lastLoginAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_sessions" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "sessionVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" VARCHAR(64),
    "userAgent" VARCHAR(256),

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttles" (
    "key" VARCHAR(80) NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "keyHash" VARCHAR(64) NOT NULL,
    "unitId" UUID NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_settings" (
    "key" VARCHAR(64) NOT NULL,
    "value" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "sla_policies" (
    "riskLevel" "RiskLevel" NOT NULL,
    "ackMinutes" INTEGER NOT NULL,
    "contactMinutes" INTEGER NOT NULL,
    "resolveMinutes" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sla_policies_pkey" PRIMARY KEY ("riskLevel")
);

-- CreateTable
CREATE TABLE "warnings" (
    "id" UUID NOT NULL,
    "source" "WarningSource" NOT NULL,
    "externalId" VARCHAR(64) NOT NULL,
    "riskLevel" "RiskLevel" NOT NULL,
    "fraudType" "FraudType" NOT NULL,
    "status" "WarningStatus" NOT NULL DEFAULT 'PENDING',
    "outcome" "WarningOutcome",
    "priority" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "repeatCount" INTEGER NOT NULL DEFAULT 0,
    "victimName" VARCHAR(64),
    "victimPhone" VARCHAR(20) NOT NULL,
    "victimIdNumber" VARCHAR(18),
    "victimAge" SMALLINT,
    "victimGender" "Gender",
    "victimAddress" VARCHAR(255),
    "contactChannel" "ContactChannel" NOT NULL,
    "contactValue" VARCHAR(128) NOT NULL,
    "amountAtRisk" DECIMAL(14,2),
    "note" VARCHAR(2000),
    "unitId" UUID NOT NULL,
    "routedBy" "RoutedBy" NOT NULL,
    "assigneeId" UUID,
    "dispatchedAt" TIMESTAMP(3),
    "ackDueAt" TIMESTAMP(3) NOT NULL,
    "contactDueAt" TIMESTAMP(3) NOT NULL,
    "resolveDueAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "firstContactAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "slaDueAt" TIMESTAMP(3),
    "caseId" UUID,
    "apiKeyId" UUID,
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "warnings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warning_transitions" (
    "id" UUID NOT NULL,
    "warningId" UUID NOT NULL,
    "fromStatus" "WarningStatus",
    "toStatus" "WarningStatus" NOT NULL,
    "outcome" "WarningOutcome",
    "note" VARCHAR(2000),
    "actorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warning_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_breaches" (
    "id" UUID NOT NULL,
    "warningId" UUID NOT NULL,
    "step" "SlaStep" NOT NULL,
    "unitId" UUID NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "breachedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_breaches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dissuasion_actions" (
    "id" UUID NOT NULL,
    "warningId" UUID,
    "unitId" UUID NOT NULL,
    "actorId" UUID,
    "kind" "ActionKind" NOT NULL,
    "result" "ActionResult" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "durationSeconds" INTEGER,
    "amountProtected" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "fraudType" "FraudType",
    "personFound" BOOLEAN,
    "appRegistered" BOOLEAN NOT NULL DEFAULT false,
    "relativesContacted" BOOLEAN NOT NULL DEFAULT false,
    "note" VARCHAR(2000),
    "followUpOn" DATE,
    "followUpDoneAt" TIMESTAMP(3),
    "bankName" VARCHAR(64),
    "bankBranch" VARCHAR(128),
    "customerName" VARCHAR(64),
    "customerIdNumber" VARCHAR(18),
    "customerPhone" VARCHAR(20),
    "idempotencyKey" VARCHAR(80),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dissuasion_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "caseNumber" VARCHAR(32) NOT NULL,
    "unitId" UUID NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'REPORTED',
    "source" "CaseSource" NOT NULL,
    "fraudType" "FraudType" NOT NULL,
    "summary" VARCHAR(4000) NOT NULL,
    "lossAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "lossAt" TIMESTAMP(3),
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "submittedById" UUID,
    "filedAt" TIMESTAMP(3),
    "approvedById" UUID,
    "solvedAt" TIMESTAMP(3),
    "prosecutedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_victims" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "phone" VARCHAR(20),
    "idNumber" VARCHAR(18),
    "gender" "Gender",
    "age" SMALLINT,
    "address" VARCHAR(255),
    "lossAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_victims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_approvals" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decision" "ApprovalDecision",
    "note" VARCHAR(2000),

    CONSTRAINT "case_approvals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_transfers" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "fromUnitId" UUID NOT NULL,
    "toUnitId" UUID NOT NULL,
    "reason" VARCHAR(2000),
    "actorId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_transfers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_events" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" VARCHAR(48) NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "actorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "freeze_requests" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "FreezeKind" NOT NULL,
    "status" "FreezeStatus" NOT NULL DEFAULT 'REQUESTED',
    "bankName" VARCHAR(64) NOT NULL,
    "accountName" VARCHAR(64),
    "accountNumber" VARCHAR(32) NOT NULL,
    "amountRequested" DECIMAL(14,2) NOT NULL,
    "amountHeld" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "executedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "expiryNotifiedAt" TIMESTAMP(3),
    "requestedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "freeze_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "suspects" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "idNumber" VARCHAR(18),
    "phone" VARCHAR(20),
    "gender" "Gender",
    "status" "SuspectStatus" NOT NULL DEFAULT 'WANTED',
    "gangId" UUID,
    "arrestedAt" TIMESTAMP(3),
    "detainedAt" TIMESTAMP(3),
    "prosecutedAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "note" VARCHAR(2000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "suspects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_suspects" (
    "caseId" UUID NOT NULL,
    "suspectId" UUID NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_suspects_pkey" PRIMARY KEY ("caseId","suspectId")
);

-- CreateTable
CREATE TABLE "gangs" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "note" VARCHAR(2000),
    "dismantledAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "gangs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gang_cases" (
    "gangId" UUID NOT NULL,
    "caseId" UUID NOT NULL,

    CONSTRAINT "gang_cases_pkey" PRIMARY KEY ("gangId","caseId")
);

-- CreateTable
CREATE TABLE "seized_items" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "type" "SeizedItemType" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "seizedAt" TIMESTAMP(3) NOT NULL,
    "storage" VARCHAR(128),
    "disposition" "Disposition" NOT NULL DEFAULT 'HELD',
    "note" VARCHAR(2000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "seized_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fund_recoveries" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "recoveredAt" TIMESTAMP(3) NOT NULL,
    "method" "RecoveryMethod" NOT NULL,
    "victimId" UUID,
    "returnedAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "returnedAt" TIMESTAMP(3),
    "note" VARCHAR(2000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fund_recoveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "publicity_events" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "kind" "PublicityKind" NOT NULL,
    "targetGroup" "TargetGroup" NOT NULL,
    "title" VARCHAR(128) NOT NULL,
    "occurredOn" DATE NOT NULL,
    "place" VARCHAR(255),
    "audienceCount" INTEGER NOT NULL,
    "appRegistrations" INTEGER NOT NULL DEFAULT 0,
    "materialsCount" INTEGER NOT NULL DEFAULT 0,
    "volunteers" INTEGER NOT NULL DEFAULT 0,
    "note" VARCHAR(2000),
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "publicity_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_counts" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "metric" "DailyMetric" NOT NULL,
    "count" INTEGER NOT NULL,
    "source" "CountSource" NOT NULL DEFAULT 'MANUAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "daily_counts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disciplinary_measures" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "personName" VARCHAR(64) NOT NULL,
    "personIdNumber" VARCHAR(18),
    "measure" "MeasureKind" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "reason" VARCHAR(2000) NOT NULL,
    "caseId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "disciplinary_measures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prevention_campaigns" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "kind" "CampaignKind" NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'PLANNED',
    "startedOn" DATE,
    "certifiedOn" DATE,
    "note" VARCHAR(2000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "prevention_campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" VARCHAR(48) NOT NULL,
    "dedupeKey" VARCHAR(120) NOT NULL,
    "entityType" VARCHAR(32),
    "entityId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "key" VARCHAR(120) NOT NULL,
    "principal" VARCHAR(64) NOT NULL,
    "requestHash" VARCHAR(64) NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorName" VARCHAR(64),
    "role" "Role",
    "unitId" UUID,
    "ip" VARCHAR(64),
    "action" VARCHAR(64) NOT NULL,
    "entityType" VARCHAR(32),
    "entityId" VARCHAR(64),
    "success" BOOLEAN NOT NULL,
    "requestId" VARCHAR(64),
    "details" JSONB NOT NULL DEFAULT '{}',
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "units_code_key" ON "units"("code");

-- CreateIndex
CREATE INDEX "units_parentId_idx" ON "units"("parentId");

-- CreateIndex
CREATE INDEX "units_path_idx" ON "units"("path");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE INDEX "users_unitId_idx" ON "users"("unitId");

-- CreateIndex
CREATE INDEX "user_sessions_userId_revokedAt_idx" ON "user_sessions"("userId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_keyHash_key" ON "api_keys"("keyHash");

-- CreateIndex
CREATE INDEX "warnings_unitId_status_slaDueAt_idx" ON "warnings"("unitId", "status", "slaDueAt");

-- CreateIndex
CREATE INDEX "warnings_receivedAt_idx" ON "warnings"("receivedAt");

-- CreateIndex
CREATE INDEX "warnings_victimPhone_contactValue_idx" ON "warnings"("victimPhone", "contactValue");

-- CreateIndex
CREATE INDEX "warnings_caseId_idx" ON "warnings"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "warnings_source_externalId_key" ON "warnings"("source", "externalId");

-- CreateIndex
CREATE INDEX "warning_transitions_warningId_at_idx" ON "warning_transitions"("warningId", "at");

-- CreateIndex
CREATE INDEX "sla_breaches_unitId_breachedAt_idx" ON "sla_breaches"("unitId", "breachedAt");

-- CreateIndex
CREATE UNIQUE INDEX "sla_breaches_warningId_step_key" ON "sla_breaches"("warningId", "step");

-- CreateIndex
CREATE UNIQUE INDEX "dissuasion_actions_idempotencyKey_key" ON "dissuasion_actions"("idempotencyKey");

-- CreateIndex
CREATE INDEX "dissuasion_actions_warningId_occurredAt_idx" ON "dissuasion_actions"("warningId", "occurredAt");

-- CreateIndex
CREATE INDEX "dissuasion_actions_unitId_occurredAt_idx" ON "dissuasion_actions"("unitId", "occurredAt");

-- CreateIndex
CREATE INDEX "dissuasion_actions_unitId_followUpOn_idx" ON "dissuasion_actions"("unitId", "followUpOn");

-- CreateIndex
CREATE UNIQUE INDEX "cases_caseNumber_key" ON "cases"("caseNumber");

-- CreateIndex
CREATE INDEX "cases_unitId_status_reportedAt_idx" ON "cases"("unitId", "status", "reportedAt");

-- CreateIndex
CREATE INDEX "cases_reportedAt_idx" ON "cases"("reportedAt");

-- CreateIndex
CREATE INDEX "cases_filedAt_idx" ON "cases"("filedAt");

-- CreateIndex
CREATE INDEX "cases_solvedAt_idx" ON "cases"("solvedAt");

-- CreateIndex
CREATE INDEX "case_victims_caseId_idx" ON "case_victims"("caseId");

-- CreateIndex
CREATE INDEX "case_victims_phone_idx" ON "case_victims"("phone");

-- CreateIndex
CREATE INDEX "case_approvals_caseId_idx" ON "case_approvals"("caseId");

-- CreateIndex
CREATE INDEX "case_approvals_decidedAt_idx" ON "case_approvals"("decidedAt");

-- CreateIndex
CREATE INDEX "case_transfers_caseId_idx" ON "case_transfers"("caseId");

-- CreateIndex
CREATE INDEX "case_events_caseId_at_idx" ON "case_events"("caseId", "at");

-- CreateIndex
CREATE INDEX "freeze_requests_caseId_idx" ON "freeze_requests"("caseId");

-- CreateIndex
CREATE INDEX "freeze_requests_status_expiresAt_idx" ON "freeze_requests"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "freeze_requests_accountNumber_idx" ON "freeze_requests"("accountNumber");

-- CreateIndex
CREATE INDEX "suspects_unitId_arrestedAt_idx" ON "suspects"("unitId", "arrestedAt");

-- CreateIndex
CREATE INDEX "suspects_gangId_idx" ON "suspects"("gangId");

-- CreateIndex
CREATE INDEX "case_suspects_suspectId_idx" ON "case_suspects"("suspectId");

-- CreateIndex
CREATE INDEX "gangs_unitId_dismantledAt_idx" ON "gangs"("unitId", "dismantledAt");

-- CreateIndex
CREATE INDEX "gang_cases_caseId_idx" ON "gang_cases"("caseId");

-- CreateIndex
CREATE INDEX "seized_items_caseId_idx" ON "seized_items"("caseId");

-- CreateIndex
CREATE INDEX "seized_items_unitId_seizedAt_idx" ON "seized_items"("unitId", "seizedAt");

-- CreateIndex
CREATE INDEX "fund_recoveries_caseId_idx" ON "fund_recoveries"("caseId");

-- CreateIndex
CREATE INDEX "fund_recoveries_unitId_recoveredAt_idx" ON "fund_recoveries"("unitId", "recoveredAt");

-- CreateIndex
CREATE INDEX "publicity_events_unitId_occurredOn_idx" ON "publicity_events"("unitId", "occurredOn");

-- CreateIndex
CREATE INDEX "publicity_events_occurredOn_idx" ON "publicity_events"("occurredOn");

-- CreateIndex
CREATE INDEX "daily_counts_metric_day_idx" ON "daily_counts"("metric", "day");

-- CreateIndex
CREATE UNIQUE INDEX "daily_counts_unitId_metric_day_key" ON "daily_counts"("unitId", "metric", "day");

-- CreateIndex
CREATE INDEX "disciplinary_measures_unitId_endsOn_idx" ON "disciplinary_measures"("unitId", "endsOn");

-- CreateIndex
CREATE INDEX "prevention_campaigns_unitId_status_idx" ON "prevention_campaigns"("unitId", "status");

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_createdAt_idx" ON "notifications"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_userId_dedupeKey_key" ON "notifications"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "idempotency_records_createdAt_idx" ON "idempotency_records"("createdAt");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_actorId_at_idx" ON "audit_log"("actorId", "at");

-- CreateIndex
CREATE INDEX "audit_log_entityType_entityId_idx" ON "audit_log"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_transitions" ADD CONSTRAINT "warning_transitions_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_breaches" ADD CONSTRAINT "sla_breaches_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_breaches" ADD CONSTRAINT "sla_breaches_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissuasion_actions" ADD CONSTRAINT "dissuasion_actions_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissuasion_actions" ADD CONSTRAINT "dissuasion_actions_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissuasion_actions" ADD CONSTRAINT "dissuasion_actions_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_victims" ADD CONSTRAINT "case_victims_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_approvals" ADD CONSTRAINT "case_approvals_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_fromUnitId_fkey" FOREIGN KEY ("fromUnitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_toUnitId_fkey" FOREIGN KEY ("toUnitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "freeze_requests" ADD CONSTRAINT "freeze_requests_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suspects" ADD CONSTRAINT "suspects_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suspects" ADD CONSTRAINT "suspects_gangId_fkey" FOREIGN KEY ("gangId") REFERENCES "gangs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_suspects" ADD CONSTRAINT "case_suspects_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_suspects" ADD CONSTRAINT "case_suspects_suspectId_fkey" FOREIGN KEY ("suspectId") REFERENCES "suspects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gangs" ADD CONSTRAINT "gangs_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gang_cases" ADD CONSTRAINT "gang_cases_gangId_fkey" FOREIGN KEY ("gangId") REFERENCES "gangs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gang_cases" ADD CONSTRAINT "gang_cases_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seized_items" ADD CONSTRAINT "seized_items_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seized_items" ADD CONSTRAINT "seized_items_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fund_recoveries" ADD CONSTRAINT "fund_recoveries_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fund_recoveries" ADD CONSTRAINT "fund_recoveries_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fund_recoveries" ADD CONSTRAINT "fund_recoveries_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "case_victims"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publicity_events" ADD CONSTRAINT "publicity_events_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_counts" ADD CONSTRAINT "daily_counts_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disciplinary_measures" ADD CONSTRAINT "disciplinary_measures_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disciplinary_measures" ADD CONSTRAINT "disciplinary_measures_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prevention_campaigns" ADD CONSTRAINT "prevention_campaigns_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

