-- ───────────── ids the database makes, in time order (hand-written, issue 18 item 8) ─────────────
-- The app makes every id as a UUIDv7 (time first, lib/ids.ts), so a new row's primary key and the
-- indexes that carry it grow at their right edge. The ids PostgreSQL made itself were random
-- (gen_random_uuid): a person created on first sight, its identifiers and a new fraud contact each
-- went to a random leaf of indexes of millions of entries (persons, person_identifiers and its
-- personId index, warnings' (personId, receivedAt), fraud_contacts, warning_contacts), a page
-- read and dirtied per entry once those indexes outgrow shared buffers.
-- uuid_time() is a UUIDv7 made in SQL (PostgreSQL 18 has uuidv7(), the platform runs on 15 too):
-- 48 bits of milliseconds over a random UUID, its version nibble set to 7.
-- NOTE as in person_file: no semicolon inside a statement (\073 in the E'…' bodies).

CREATE FUNCTION uuid_time() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
           PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;

CREATE OR REPLACE FUNCTION person_claim(k "IdentifierKind", v text, owner uuid) RETURNS uuid LANGUAGE plpgsql AS E'
DECLARE
  pid uuid\073
BEGIN
  SELECT "personId" INTO pid FROM person_identifiers WHERE kind = k AND value = v COLLATE "default"\073
  IF FOUND THEN RETURN pid\073 END IF\073
  pid := coalesce(owner, uuid_time())\073
  IF owner IS NULL THEN INSERT INTO persons (id) VALUES (pid)\073 END IF\073
  INSERT INTO person_identifiers (id, "personId", kind, value, tail4) VALUES (uuid_time(), pid, k, v, right(v, 4))
    ON CONFLICT (kind, value) DO NOTHING\073
  IF FOUND THEN RETURN pid\073 END IF\073
  -- Another transaction claimed it first: its person holds it.
  IF owner IS NULL THEN DELETE FROM persons WHERE id = pid\073 END IF\073
  SELECT "personId" INTO pid FROM person_identifiers WHERE kind = k AND value = v COLLATE "default"\073
  RETURN pid\073
END';

CREATE OR REPLACE FUNCTION fraud_contact_claim(k "FraudContactKind", v text) RETURNS uuid LANGUAGE plpgsql AS E'
DECLARE
  n text := fraud_contact_norm(k, v)\073
  cid uuid\073
BEGIN
  IF k IS NULL OR n IS NULL THEN RETURN NULL\073 END IF\073
  SELECT id INTO cid FROM fraud_contacts WHERE kind = k AND value = n\073
  IF FOUND THEN RETURN cid\073 END IF\073
  INSERT INTO fraud_contacts (id, kind, value) VALUES (uuid_time(), k, n) ON CONFLICT (kind, value) DO NOTHING RETURNING id INTO cid\073
  IF cid IS NOT NULL THEN RETURN cid\073 END IF\073
  SELECT id INTO cid FROM fraud_contacts WHERE kind = k AND value = n\073
  RETURN cid\073
END';

CREATE OR REPLACE FUNCTION fraud_contact_link_new_warnings() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO fraud_contacts (id, kind, value)
    SELECT uuid_time(), k, v FROM (
      SELECT DISTINCT fraud_contact_kind("contactChannel") AS k, fraud_contact_norm(fraud_contact_kind("contactChannel"), "contactValue") AS v FROM new_rows
    ) s WHERE k IS NOT NULL AND v IS NOT NULL
    ORDER BY k, v
    ON CONFLICT (kind, value) DO NOTHING\073
  INSERT INTO warning_contacts ("contactId", "warningId", "receivedAt", "unitId")
    SELECT c.id, x.id, x."receivedAt", x."unitId" FROM (
      SELECT id, "receivedAt", "unitId", fraud_contact_kind("contactChannel") AS k, fraud_contact_norm(fraud_contact_kind("contactChannel"), "contactValue") AS v FROM new_rows
    ) x JOIN fraud_contacts c ON c.kind = x.k AND c.value = x.v
    ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';

-- ───────────── a new identifier: the derived labels asked only when a suspect holds it ─────────────
-- person_derived_insert was a statement trigger with a transition table, and person_claim inserts
-- one identifier per statement: every person created on first sight paid for a tuplestore and a
-- PL/pgSQL call to learn that no suspect holds the number (city-year: 2,000 new mobiles linked in
-- 4.1–4.3 s with it, 1.9 s without). A row trigger whose WHEN asks the suspects' expression
-- indexes fires only for a suspect's number. Updates and deletes (merges, corrections: rare, and
-- set-based) keep their statement triggers.
CREATE FUNCTION person_derived_identifier_row() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM person_derived_refresh(ARRAY[NEW."personId"])\073
  RETURN NULL\073
END';

DROP TRIGGER person_derived_insert ON "person_identifiers";
CREATE TRIGGER person_derived_insert AFTER INSERT ON "person_identifiers" FOR EACH ROW
  WHEN (person_identifier_suspect(NEW.kind, NEW.value)) EXECUTE FUNCTION person_derived_identifier_row();
