-- ───────────── audit_append: one audit record in one statement (hand-written, issue 18 item 4) ─────────────
-- An audit record took three statements: the chain lock, the last record's hash, the insert with
-- the hash computed in the app. Every round trip inside a write transaction waits for the app's
-- event loop to come back to it, and under load that wait, not the work, is what a write holds its
-- locks for (ingestion's lock among them). The function does the three in one call: it takes the
-- lock, then reads the last hash (a statement of a volatile function sees a fresh snapshot in READ
-- COMMITTED, so it sees a record committed by whoever held the lock before), and stores
-- hash = sha256(previous hash followed by the record), the record as the app made it (canonical
-- JSON, lib/audit/hash.ts, which also verifies the chain). The lock key is lib/audit/write-audit.ts's.
-- The migration runner splits at every semicolon: the body is an E-string (semicolons as octal
-- escape 073, inner strings in dollar quotes), and these comments hold no quote characters.

CREATE FUNCTION audit_append(
  rec_at timestamp, rec_actor_id uuid, rec_actor_name text, rec_role "Role", rec_unit_id uuid, rec_ip text, rec_action text,
  rec_entity_type text, rec_entity_id text, rec_success boolean, rec_request_id text, rec_details jsonb, rec_body text
) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  prev text\073
BEGIN
  PERFORM pg_advisory_xact_lock(7961100)\073
  SELECT hash INTO prev FROM audit_log ORDER BY id DESC LIMIT 1\073
  prev := coalesce(prev, repeat($q$0$q$, 64))\073
  INSERT INTO audit_log (at, "actorId", "actorName", role, "unitId", ip, action, "entityType", "entityId", success, "requestId", details, "prevHash", hash)
  VALUES (rec_at, rec_actor_id, rec_actor_name, rec_role, rec_unit_id, rec_ip, rec_action, rec_entity_type, rec_entity_id, rec_success,
          rec_request_id, rec_details, prev, encode(sha256(convert_to(prev || rec_body, $q$UTF8$q$)), $q$hex$q$))\073
END';
