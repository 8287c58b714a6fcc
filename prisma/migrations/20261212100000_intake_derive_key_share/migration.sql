-- ───────────── intake_derive: its persons locked without their keys (hand-written, issue 18 item 8) ─────────────
-- A follow-up locked its persons FOR UPDATE while recomputing their dates, which also blocks the
-- foreign-key check (FOR KEY SHARE) of every new warning naming one of them. So a batch writing,
-- under the ingestion lock, a warning of a person an earlier batch's follow-up held waited for
-- that follow-up, while the follow-up waited for a person the batch had updated (a repeat's
-- sighting): a deadlock, seen under six concurrent full batches. FOR NO KEY UPDATE still
-- serialises two follow-ups on a person (and a merge's DELETE), and lets foreign-key checks by.
-- CREATE OR REPLACE drops the function's settings: the generic plans are asked for again.

CREATE OR REPLACE FUNCTION intake_derive(ids uuid[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS E'
DECLARE
  pids uuid[] := ARRAY(SELECT DISTINCT "personId" FROM warnings WHERE id = ANY(ids) AND "personId" IS NOT NULL)\073
BEGIN
  PERFORM fraud_contact_link_warnings(ids)\073
  PERFORM 1 FROM persons WHERE id = ANY(pids) ORDER BY id FOR NO KEY UPDATE\073
  PERFORM person_warned_refresh(pids)\073
END';
