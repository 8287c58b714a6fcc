-- ───────────── ingestion's follow-up: what new warnings derive, out of the ingestion lock (hand-written, issue 18 item 8) ─────────────
-- Ingestion writes one batch at a time under its lock, and the batch's statement triggers derived,
-- inside that lock, the warnings' fraud-contact links (with their day rollups) and their persons'
-- dates (city-year: ~0.7 s and ~0.3 s of a 5,000-row batch's ~1.8 s in the database), so every
-- other batch waited for them. Neither is read by ingestion itself (duplicates, repeats, persons,
-- the queue, the ladder, the statistics). Now ingestion marks its transaction (SET LOCAL
-- fanzha.intake_deferred), those two triggers stand aside for it, and the batch writes a row of
-- intake_followups naming its new warnings. Right after its commit, outside the lock, the same
-- request derives them (intake_derive) and deletes the row in one transaction, before it answers.
-- A row left by an instance that stopped in between is done by the scheduler. Every other writer
-- of warnings derives in its own statement, as before, by the same functions.
-- NOTE as in person_file: no semicolon inside a statement (\073 in the E'…' bodies).

CREATE TABLE "intake_followups" (
    "id" UUID NOT NULL,
    "warningIds" UUID[],
    "contacts" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "intake_followups_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "intake_followups_createdAt_idx" ON "intake_followups"("createdAt");

-- Whether this transaction is ingestion's, which derives after its commit.
CREATE FUNCTION intake_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('fanzha.intake_deferred', true), '') = 'on'
$$;

-- The fraud-contact links of these warnings' own channel and value (the rule of
-- fraud_contact_link_new_warnings, which now asks it for the statement's rows).
CREATE FUNCTION fraud_contact_link_warnings(ids uuid[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO fraud_contacts (id, kind, value)
    SELECT uuid_time(), k, v FROM (
      SELECT DISTINCT fraud_contact_kind("contactChannel") AS k, fraud_contact_norm(fraud_contact_kind("contactChannel"), "contactValue") AS v
        FROM warnings WHERE id = ANY(ids)
    ) s WHERE k IS NOT NULL AND v IS NOT NULL
    ORDER BY k, v
    ON CONFLICT (kind, value) DO NOTHING\073
  INSERT INTO warning_contacts ("contactId", "warningId", "receivedAt", "unitId")
    SELECT c.id, x.id, x."receivedAt", x."unitId" FROM (
      SELECT id, "receivedAt", "unitId", fraud_contact_kind("contactChannel") AS k, fraud_contact_norm(fraud_contact_kind("contactChannel"), "contactValue") AS v
        FROM warnings WHERE id = ANY(ids)
    ) x JOIN fraud_contacts c ON c.kind = x.k AND c.value = x.v
    ON CONFLICT DO NOTHING\073
END';

CREATE OR REPLACE FUNCTION fraud_contact_link_new_warnings() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM fraud_contact_link_warnings(ARRAY(SELECT id FROM new_rows))\073
  RETURN NULL\073
END';

-- What ingestion's follow-up derives for its new warnings: the links of their own contacts and
-- their persons' dates (the extra contacts an item carried are linked by the app beside it).
-- Follow-ups of two instances run at once, outside the ingestion lock: each locks its persons
-- first, in id order, so that a person's dates are computed by one at a time, each from a snapshot
-- taken after the other committed (a follow-up that computed from an older one would overwrite
-- the dates of a newer warning).
CREATE FUNCTION intake_derive(ids uuid[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  pids uuid[] := ARRAY(SELECT DISTINCT "personId" FROM warnings WHERE id = ANY(ids) AND "personId" IS NOT NULL)\073
BEGIN
  PERFORM fraud_contact_link_warnings(ids)\073
  PERFORM 1 FROM persons WHERE id = ANY(pids) ORDER BY id FOR UPDATE\073
  PERFORM person_warned_refresh(pids)\073
END';

-- The two derivations stand aside for ingestion's transaction, which does them in its follow-up.
DROP TRIGGER fraud_contact_insert ON "warnings";
CREATE TRIGGER fraud_contact_insert AFTER INSERT ON "warnings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT WHEN (NOT intake_deferred()) EXECUTE FUNCTION fraud_contact_link_new_warnings();
DROP TRIGGER person_state_insert ON "warnings";
CREATE TRIGGER person_state_insert AFTER INSERT ON "warnings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT WHEN (NOT intake_deferred()) EXECUTE FUNCTION person_state_warned_stmt();
