-- CreateEnum
CREATE TYPE "FraudContactKind" AS ENUM ('PHONE', 'URL', 'APP', 'WECHAT', 'QQ', 'BANK_ACCOUNT');

-- CreateEnum
CREATE TYPE "CaseLinkStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'REJECTED');

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "groupId" UUID;

-- CreateTable
CREATE TABLE "fraud_contacts" (
    "id" UUID NOT NULL,
    "kind" "FraudContactKind" NOT NULL,
    "value" VARCHAR(128) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fraud_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warning_contacts" (
    "contactId" UUID NOT NULL,
    "warningId" UUID NOT NULL,

    CONSTRAINT "warning_contacts_pkey" PRIMARY KEY ("contactId","warningId")
);

-- CreateTable
CREATE TABLE "case_contacts" (
    "contactId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_contacts_pkey" PRIMARY KEY ("contactId","caseId")
);

-- CreateTable
CREATE TABLE "case_link_proposals" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "otherCaseId" UUID NOT NULL,
    "reason" VARCHAR(2000) NOT NULL,
    "status" "CaseLinkStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedById" UUID NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" VARCHAR(2000),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "case_link_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "fraud_contacts_kind_value_key" ON "fraud_contacts"("kind", "value");

-- CreateIndex
CREATE INDEX "warning_contacts_warningId_idx" ON "warning_contacts"("warningId");

-- CreateIndex
CREATE INDEX "case_contacts_caseId_idx" ON "case_contacts"("caseId");

-- CreateIndex
CREATE INDEX "case_link_proposals_caseId_idx" ON "case_link_proposals"("caseId");

-- CreateIndex
CREATE INDEX "case_link_proposals_otherCaseId_idx" ON "case_link_proposals"("otherCaseId");

-- CreateIndex
CREATE INDEX "case_link_proposals_status_proposedAt_idx" ON "case_link_proposals"("status", "proposedAt");

-- CreateIndex
CREATE INDEX "cases_groupId_idx" ON "cases"("groupId");

-- AddForeignKey
ALTER TABLE "warning_contacts" ADD CONSTRAINT "warning_contacts_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "fraud_contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_contacts" ADD CONSTRAINT "warning_contacts_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "warnings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_contacts" ADD CONSTRAINT "case_contacts_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "fraud_contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_contacts" ADD CONSTRAINT "case_contacts_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_link_proposals" ADD CONSTRAINT "case_link_proposals_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_link_proposals" ADD CONSTRAINT "case_link_proposals_otherCaseId_fkey" FOREIGN KEY ("otherCaseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ───────────── fraud contacts (hand-written, not in the Prisma schema) ─────────────
-- 串并案: a fraudster contact is one row per (kind, normalised value). Warnings link to their
-- contact (contactChannel/contactValue) and cases to the accounts of their freezes by trigger, so COPY,
-- raw SQL and Prisma writes all link alike - fraud_contact_link_all() is the set-based backfill
-- (this migration, and the city-year seed after loading with triggers off).
-- The normalisation is lib/contacts/normalize.ts, value for value (tests/unit/fraud-contacts.test.ts
-- and tests/integration/fraud-contacts.test.ts compare them):
--   PHONE         digits only, a leading 0086 or 86 (before a mobile) dropped, 5–20 digits
--   URL           lower case, no scheme, no query or fragment, no trailing slash
--   APP           trimmed, inner spaces collapsed, lower case, no control characters
--   WECHAT        no spaces, lower case, 3–64 of [a-z0-9_-]
--   QQ            digits only, 5–12 digits not starting with 0
--   BANK_ACCOUNT  digits only, 8–30 digits
-- NOTE as in person_file: no semicolon inside a statement (PL/pgSQL bodies are E-quoted strings with
-- \073 for each semicolon).

CREATE FUNCTION fraud_contact_norm(k "FraudContactKind", v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN k = 'PHONE' THEN (SELECT p FROM (SELECT CASE WHEN d LIKE '0086%' THEN substr(d, 5) WHEN d ~ '^861[3-9]\d{9}$' THEN substr(d, 3) ELSE d END AS p
                                          FROM (SELECT regexp_replace(v, '\D', '', 'g') AS d) x) y WHERE p ~ '^\d{5,20}$')
    WHEN k = 'URL' THEN (SELECT u FROM (SELECT regexp_replace(regexp_replace(regexp_replace(lower(btrim(v)), '^[a-z][a-z0-9+.-]*://', ''), '[?#].*$', ''), '/+$', '') AS u) x
                         WHERE u ~ '^\S{3,128}$')
    WHEN k = 'APP' THEN (SELECT a FROM (SELECT lower(regexp_replace(btrim(v), '\s+', ' ', 'g')) AS a) x WHERE length(a) BETWEEN 1 AND 128 AND a !~ '[[:cntrl:]]')
    WHEN k = 'WECHAT' THEN (SELECT w FROM (SELECT lower(regexp_replace(v, '\s', '', 'g')) AS w) x WHERE w ~ '^[a-z0-9_-]{3,64}$')
    WHEN k = 'QQ' THEN (SELECT q FROM (SELECT regexp_replace(v, '\D', '', 'g') AS q) x WHERE q ~ '^[1-9]\d{4,11}$')
    WHEN k = 'BANK_ACCOUNT' THEN (SELECT b FROM (SELECT regexp_replace(v, '\D', '', 'g') AS b) x WHERE b ~ '^\d{8,30}$')
  END
$$;

-- The contact kind the channel of a warning names (SMS is a phone number, OTHER names none).
CREATE FUNCTION fraud_contact_kind(ch "ContactChannel") RETURNS "FraudContactKind" LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE WHEN ch = 'SMS' THEN 'PHONE' WHEN ch = 'OTHER' THEN NULL ELSE ch::text END)::"FraudContactKind"
$$;

-- The contact (kind, v normalised), created on first sight. Null for a value that names none.
CREATE FUNCTION fraud_contact_claim(k "FraudContactKind", v text) RETURNS uuid LANGUAGE plpgsql AS E'
DECLARE
  n text := fraud_contact_norm(k, v)\073
  cid uuid\073
BEGIN
  IF k IS NULL OR n IS NULL THEN RETURN NULL\073 END IF\073
  SELECT id INTO cid FROM fraud_contacts WHERE kind = k AND value = n\073
  IF FOUND THEN RETURN cid\073 END IF\073
  INSERT INTO fraud_contacts (id, kind, value) VALUES (gen_random_uuid(), k, n) ON CONFLICT (kind, value) DO NOTHING RETURNING id INTO cid\073
  IF cid IS NOT NULL THEN RETURN cid\073 END IF\073
  SELECT id INTO cid FROM fraud_contacts WHERE kind = k AND value = n\073
  RETURN cid\073
END';

-- A warning links to the contact of its channel and value - a changed value moves that link
-- (links added otherwise, e.g. an ingested item extra fraudContacts, stay).
CREATE FUNCTION fraud_contact_link_warning() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  cid uuid\073
BEGIN
  IF TG_OP = $q$UPDATE$q$ THEN
    DELETE FROM warning_contacts wc USING fraud_contacts c
     WHERE wc."warningId" = NEW.id AND c.id = wc."contactId"
       AND c.kind = fraud_contact_kind(OLD."contactChannel") AND c.value = fraud_contact_norm(fraud_contact_kind(OLD."contactChannel"), OLD."contactValue")\073
  END IF\073
  cid := fraud_contact_claim(fraud_contact_kind(NEW."contactChannel"), NEW."contactValue")\073
  IF cid IS NOT NULL THEN
    INSERT INTO warning_contacts ("contactId", "warningId") VALUES (cid, NEW.id) ON CONFLICT DO NOTHING\073
  END IF\073
  RETURN NULL\073
END';

-- A case links to every account it asked a bank to stop or freeze.
CREATE FUNCTION fraud_contact_link_freeze() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  cid uuid := fraud_contact_claim($q$BANK_ACCOUNT$q$, NEW."accountNumber")\073
BEGIN
  IF cid IS NOT NULL THEN
    INSERT INTO case_contacts ("contactId", "caseId") VALUES (cid, NEW."caseId") ON CONFLICT DO NOTHING\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER fraud_contact_insert AFTER INSERT ON "warnings" FOR EACH ROW EXECUTE FUNCTION fraud_contact_link_warning();
CREATE TRIGGER fraud_contact_update AFTER UPDATE OF "contactChannel", "contactValue" ON "warnings" FOR EACH ROW
  WHEN (OLD."contactChannel" IS DISTINCT FROM NEW."contactChannel" OR OLD."contactValue" IS DISTINCT FROM NEW."contactValue") EXECUTE FUNCTION fraud_contact_link_warning();
CREATE TRIGGER fraud_contact_insert AFTER INSERT ON "freeze_requests" FOR EACH ROW EXECUTE FUNCTION fraud_contact_link_freeze();
CREATE TRIGGER fraud_contact_update AFTER UPDATE OF "accountNumber" ON "freeze_requests" FOR EACH ROW
  WHEN (OLD."accountNumber" IS DISTINCT FROM NEW."accountNumber") EXECUTE FUNCTION fraud_contact_link_freeze();

-- The backfill, set-based: every warning and freeze contact, linked as the triggers would.
-- Returns the links it added.
CREATE FUNCTION fraud_contact_link_all() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  w bigint\073
  f bigint\073
BEGIN
  INSERT INTO fraud_contacts (id, kind, value)
    SELECT gen_random_uuid(), k, v FROM (
      SELECT DISTINCT fraud_contact_kind("contactChannel") AS k, fraud_contact_norm(fraud_contact_kind("contactChannel"), "contactValue") AS v FROM warnings
      UNION
      SELECT DISTINCT $q$BANK_ACCOUNT$q$::"FraudContactKind", fraud_contact_norm($q$BANK_ACCOUNT$q$, "accountNumber") FROM freeze_requests
    ) s WHERE k IS NOT NULL AND v IS NOT NULL
    ON CONFLICT (kind, value) DO NOTHING\073
  INSERT INTO warning_contacts ("contactId", "warningId")
    SELECT c.id, x.id FROM (SELECT id, fraud_contact_kind("contactChannel") AS k, "contactValue" AS v FROM warnings) x
      JOIN fraud_contacts c ON c.kind = x.k AND c.value = fraud_contact_norm(x.k, x.v)
    ON CONFLICT DO NOTHING\073
  GET DIAGNOSTICS w = ROW_COUNT\073
  INSERT INTO case_contacts ("contactId", "caseId")
    SELECT DISTINCT c.id, fr."caseId" FROM freeze_requests fr
      JOIN fraud_contacts c ON c.kind = $q$BANK_ACCOUNT$q$ AND c.value = fraud_contact_norm($q$BANK_ACCOUNT$q$, fr."accountNumber")
    ON CONFLICT DO NOTHING\073
  GET DIAGNOSTICS f = ROW_COUNT\073
  RETURN w + f\073
END';

SELECT fraud_contact_link_all();
