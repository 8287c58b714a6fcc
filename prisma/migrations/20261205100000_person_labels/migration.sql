-- CreateEnum
CREATE TYPE "PersonLabelKind" AS ENUM ('ELDERLY_ALONE', 'STUDENT', 'REPEAT_WARNINGS', 'PAST_VICTIM', 'CARD_SELLING_SUSPECT');

-- CreateEnum
CREATE TYPE "LabelSource" AS ENUM ('MANUAL', 'IMPORT');

-- CreateEnum
CREATE TYPE "OutreachStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OutreachOutcome" AS ENUM ('VISITED', 'NOT_FOUND', 'REFUSED', 'MOVED');

-- CreateTable
CREATE TABLE "person_labels" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "label" "PersonLabelKind" NOT NULL,
    "unitId" UUID NOT NULL,
    "source" "LabelSource" NOT NULL,
    "name" VARCHAR(64),
    "phone" VARCHAR(20),
    "idNumber" VARCHAR(18),
    "address" VARCHAR(255),
    "community" VARCHAR(128),
    "note" VARCHAR(2000),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_labels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outreach_campaigns" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "label" "PersonLabelKind" NOT NULL,
    "notContactedDays" INTEGER NOT NULL,
    "title" VARCHAR(128) NOT NULL,
    "taskCount" INTEGER NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "publicityEventId" UUID,

    CONSTRAINT "outreach_campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outreach_tasks" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "status" "OutreachStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" "OutreachOutcome",
    "note" VARCHAR(2000),
    "doneAt" TIMESTAMP(3),
    "doneById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outreach_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "person_labels_unitId_label_idx" ON "person_labels"("unitId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "person_labels_personId_label_unitId_key" ON "person_labels"("personId", "label", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "outreach_campaigns_publicityEventId_key" ON "outreach_campaigns"("publicityEventId");

-- CreateIndex
CREATE INDEX "outreach_campaigns_unitId_createdAt_idx" ON "outreach_campaigns"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "outreach_tasks_unitId_status_idx" ON "outreach_tasks"("unitId", "status");

-- CreateIndex
CREATE INDEX "outreach_tasks_personId_doneAt_idx" ON "outreach_tasks"("personId", "doneAt");

-- CreateIndex
CREATE UNIQUE INDEX "outreach_tasks_campaignId_personId_key" ON "outreach_tasks"("campaignId", "personId");

-- AddForeignKey
ALTER TABLE "person_labels" ADD CONSTRAINT "person_labels_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_labels" ADD CONSTRAINT "person_labels_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_labels" ADD CONSTRAINT "person_labels_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outreach_campaigns" ADD CONSTRAINT "outreach_campaigns_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outreach_campaigns" ADD CONSTRAINT "outreach_campaigns_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outreach_tasks" ADD CONSTRAINT "outreach_tasks_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "outreach_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outreach_tasks" ADD CONSTRAINT "outreach_tasks_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outreach_tasks" ADD CONSTRAINT "outreach_tasks_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outreach_tasks" ADD CONSTRAINT "outreach_tasks_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ───────────── person labels follow person merges (hand-written) ─────────────
-- person_merge (migration person_file) moves every record of a phone-only person to the ID
-- number's person: recorded labels and outreach tasks move with them (a label already held by
-- the target person in that unit is dropped instead of duplicated).
CREATE OR REPLACE FUNCTION person_merge(src uuid, dst uuid, tbl text, rid uuid) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  UPDATE person_identifiers SET "personId" = dst WHERE "personId" = src\073
  UPDATE warnings SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$warnings$q$ AND id = rid)\073
  UPDATE warning_sightings SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$warning_sightings$q$ AND id = rid)\073
  UPDATE dissuasion_actions SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$dissuasion_actions$q$ AND id = rid)\073
  UPDATE case_victims SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$case_victims$q$ AND id = rid)\073
  UPDATE disciplinary_measures SET "personId" = dst WHERE "personId" = src AND NOT (tbl = $q$disciplinary_measures$q$ AND id = rid)\073
  DELETE FROM person_labels s WHERE s."personId" = src
    AND EXISTS (SELECT 1 FROM person_labels d WHERE d."personId" = dst AND d.label = s.label AND d."unitId" = s."unitId")\073
  UPDATE person_labels SET "personId" = dst WHERE "personId" = src\073
  DELETE FROM outreach_tasks s WHERE s."personId" = src
    AND EXISTS (SELECT 1 FROM outreach_tasks d WHERE d."personId" = dst AND d."campaignId" = s."campaignId")\073
  UPDATE outreach_tasks SET "personId" = dst WHERE "personId" = src\073
  DELETE FROM persons WHERE id = src\073
END';
