-- ───────────── audit_append: one audit record in one statement (hand-written, issue 18 item 4) ─────────────
-- An audit record took three statements: the chain lock, the last record's hash, the insert with
-- the hash computed in the app. Every round trip inside a write transaction waits for the app's
-- event loop to come back to it, and under load that wait, not the work, is what a write holds its
-- locks for (ingestion's lock among them). The function does the three in one call: it takes the
-- lock, stamps the record's time (after the lock: the chain's order is its time order, however long
-- the caller's transaction ran), reads the last hash (a statement of a volatile function sees a
-- fresh snapshot in READ COMMITTED, so it sees a record committed by whoever held the lock before),
-- and stores hash = sha256(previous hash followed by the canonical record). The app makes the
-- canonical record (lib/audit/hash.ts, which also verifies the chain) as the text before and after
-- the time, which goes in between as an ISO instant in milliseconds, as JavaScript writes it.
-- The lock key 7961100 is the chain's alone (the app took it by hand before). The migration runner splits at every semicolon: the
-- body is an E-string (semicolons as octal escape 073, inner strings in dollar quotes), and these
-- comments hold no quote characters.

CREATE FUNCTION audit_append(
  rec_actor_id uuid, rec_actor_name text, rec_role "Role", rec_unit_id uuid, rec_ip text, rec_action text, rec_entity_type text,
  rec_entity_id text, rec_success boolean, rec_request_id text, rec_details jsonb, rec_body_head text, rec_body_tail text
) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  prev text\073
  rec_at timestamp(3)\073
BEGIN
  PERFORM pg_advisory_xact_lock(7961100)\073
  rec_at := clock_timestamp() AT TIME ZONE $q$UTC$q$\073
  SELECT hash INTO prev FROM audit_log ORDER BY id DESC LIMIT 1\073
  prev := coalesce(prev, repeat($q$0$q$, 64))\073
  INSERT INTO audit_log (at, "actorId", "actorName", role, "unitId", ip, action, "entityType", "entityId", success, "requestId", details, "prevHash", hash)
  VALUES (rec_at, rec_actor_id, rec_actor_name, rec_role, rec_unit_id, rec_ip, rec_action, rec_entity_type, rec_entity_id, rec_success,
          rec_request_id, rec_details, prev,
          encode(sha256(convert_to(prev || rec_body_head || $q$"$q$ || to_char(rec_at, $q$YYYY-MM-DD"T"HH24:MI:SS.MS"Z"$q$) || $q$"$q$ || rec_body_tail, $q$UTF8$q$)), $q$hex$q$))\073
END';
