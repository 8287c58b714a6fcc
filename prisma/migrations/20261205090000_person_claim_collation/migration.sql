-- person_claim looked its value up with a sequential scan whenever it was called from a row
-- trigger: the triggers pass TG_TABLE_NAME (type name, collation "C") to person_link, a PL/pgSQL
-- function takes one collation for all its collatable parameters from its arguments, so the
-- normalised number reached person_claim as COLLATE "C", and `value = v` could not use the
-- (kind, value) index, built with the default collation. Every linked insert read the table:
-- ingestion slowed as the persons grew (3,000 warnings of known persons: 17.8 s before, 0.48 s
-- after, at 112 k identifiers). The comparison now names the index's collation.
-- NOTE as in person_file: no semicolon inside a statement (\073 in the E'…' body).
CREATE OR REPLACE FUNCTION person_claim(k "IdentifierKind", v text, owner uuid) RETURNS uuid LANGUAGE plpgsql AS E'
DECLARE
  pid uuid\073
BEGIN
  SELECT "personId" INTO pid FROM person_identifiers WHERE kind = k AND value = v COLLATE "default"\073
  IF FOUND THEN RETURN pid\073 END IF\073
  pid := coalesce(owner, gen_random_uuid())\073
  IF owner IS NULL THEN INSERT INTO persons (id) VALUES (pid)\073 END IF\073
  INSERT INTO person_identifiers (id, "personId", kind, value, tail4) VALUES (gen_random_uuid(), pid, k, v, right(v, 4))
    ON CONFLICT (kind, value) DO NOTHING\073
  IF FOUND THEN RETURN pid\073 END IF\073
  -- Another transaction claimed it first: its person holds it.
  IF owner IS NULL THEN DELETE FROM persons WHERE id = pid\073 END IF\073
  SELECT "personId" INTO pid FROM person_identifiers WHERE kind = k AND value = v COLLATE "default"\073
  RETURN pid\073
END';
