-- ───────────── a batch's persons, set-based (hand-written, issue 18 item 8) ─────────────
-- Ingestion linked each new warning to its person in a BEFORE INSERT row trigger: a PL/pgSQL call
-- and two or three statements per row (city-year: 1.2–1.7 s of a 5,000-row batch's 2.9 s).
-- person_link_rows applies person_link's rule to a batch's rows, in their order, with a few
-- statements for the whole batch. Ingestion asks it under its lock and writes each warning with
-- its personId. The row trigger now links only the rows that arrive without one. Every other
-- writer (Prisma, raw SQL, COPY without the column) links as before, by the same rule.
-- The rule applied at once gives what applying it row by row gives: a mobile first seen with an
-- ID number (its earliest such row) joins that ID's person, a phone-only person already holding
-- it is merged into that person, the remaining mobiles make phone-only persons. Only the
-- persons a row-by-row pass would have made and merged away at once are never made.
-- NOTE as in person_file: no semicolon inside a statement (\073 in the E'…' bodies).

-- A person for each of these values of kind k that nobody holds yet, in time-ordered ids.
CREATE FUNCTION person_claim_all(k "IdentifierKind", vals text[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  fresh text[]\073
  pids uuid[]\073
  n bigint\073
BEGIN
  SELECT array_agg(v ORDER BY v), array_agg(uuid_time() ORDER BY v) INTO fresh, pids
    FROM (SELECT DISTINCT v FROM unnest(vals) AS u(v) WHERE v IS NOT NULL) d
   WHERE NOT EXISTS (SELECT 1 FROM person_identifiers i WHERE i.kind = k AND i.value = d.v)\073
  IF fresh IS NULL THEN RETURN\073 END IF\073
  INSERT INTO persons (id) SELECT unnest(pids)\073
  INSERT INTO person_identifiers (id, "personId", kind, value, tail4)
    SELECT uuid_time(), p, k, v, right(v, 4) FROM unnest(fresh, pids) AS t(v, p)
    ON CONFLICT (kind, value) DO NOTHING\073
  GET DIAGNOSTICS n = ROW_COUNT\073
  -- Another transaction claimed some first: its persons hold them.
  IF n < cardinality(fresh) THEN
    DELETE FROM persons p WHERE p.id = ANY(pids) AND NOT EXISTS (SELECT 1 FROM person_identifiers i WHERE i."personId" = p.id)\073
  END IF\073
END';

-- The persons the rows (phones[i], id_numbers[i]) name, in their order (null: none).
CREATE FUNCTION person_link_rows(phones text[], id_numbers text[]) RETURNS uuid[] LANGUAGE plpgsql AS E'
DECLARE
  ms text[]\073
  ns text[]\073
  pm text[]\073
  pn text[]\073
  r record\073
BEGIN
  SELECT array_agg(person_norm_mobile(p) ORDER BY o), array_agg(person_norm_id(n) ORDER BY o) INTO ms, ns
    FROM unnest(phones, id_numbers) WITH ORDINALITY AS u(p, n, o)\073
  PERFORM person_claim_all($q$ID_NUMBER$q$, ns)\073
  -- Mobiles seen with an ID number, each with the ID of its earliest such row.
  SELECT array_agg(m ORDER BY o), array_agg(n ORDER BY o) INTO pm, pn FROM (
    SELECT DISTINCT ON (m) m, n, o FROM unnest(ms, ns) WITH ORDINALITY AS u(m, n, o)
     WHERE m IS NOT NULL AND n IS NOT NULL ORDER BY m, o) f\073
  IF pm IS NOT NULL THEN
    INSERT INTO person_identifiers (id, "personId", kind, value, tail4)
      SELECT uuid_time(), i."personId", $q$MOBILE$q$, f.m, right(f.m, 4)
        FROM unnest(pm, pn) WITH ORDINALITY AS f(m, n, o) JOIN person_identifiers i ON i.kind = $q$ID_NUMBER$q$ AND i.value = f.n
      ORDER BY f.o
      ON CONFLICT (kind, value) DO NOTHING\073
    -- A phone-only person holding such a mobile already: merged into the ID''s person (rare).
    FOR r IN SELECT h."personId" AS src, i."personId" AS dst
               FROM unnest(pm, pn) WITH ORDINALITY AS f(m, n, o)
               JOIN person_identifiers h ON h.kind = $q$MOBILE$q$ AND h.value = f.m
               JOIN person_identifiers i ON i.kind = $q$ID_NUMBER$q$ AND i.value = f.n
              WHERE h."personId" <> i."personId"
                AND NOT EXISTS (SELECT 1 FROM person_identifiers x WHERE x."personId" = h."personId" AND x.kind = $q$ID_NUMBER$q$)
              ORDER BY f.o LOOP
      -- An earlier merge of this loop may have moved it already.
      IF EXISTS (SELECT 1 FROM persons WHERE id = r.src)
         AND NOT EXISTS (SELECT 1 FROM person_identifiers x WHERE x."personId" = r.src AND x.kind = $q$ID_NUMBER$q$) THEN
        PERFORM person_merge(r.src, r.dst, $q$$q$, NULL)\073
      END IF\073
    END LOOP\073
  END IF\073
  PERFORM person_claim_all($q$MOBILE$q$, ms)\073
  RETURN ARRAY(
    SELECT coalesce(ii."personId", im."personId") FROM unnest(ms, ns) WITH ORDINALITY AS u(m, n, o)
      LEFT JOIN person_identifiers ii ON ii.kind = $q$ID_NUMBER$q$ AND ii.value = u.n
      LEFT JOIN person_identifiers im ON im.kind = $q$MOBILE$q$ AND im.value = u.m
     ORDER BY u.o)\073
END';

-- Rows that arrive linked (ingestion, by person_link_rows) keep their person.
DROP TRIGGER person_link_insert ON "warnings";
CREATE TRIGGER person_link_insert BEFORE INSERT ON "warnings" FOR EACH ROW
  WHEN (NEW."personId" IS NULL) EXECUTE FUNCTION person_link_warning();

-- ───────────── fraud_contact_norm inlined ─────────────
-- Its sub-selects kept the planner from inlining it: each call ran as a function of its own,
-- ~24 µs, three per new warning (city-year: ~360 ms of a 5,000-row batch). The same rules as
-- one expression (a CASE on the kind, a validating regexp_match per kind) are inlined into the
-- statements that call it (~5 µs). The values are the same (lib/contacts/normalize.ts and the
-- tests that hold both to the same cases).
CREATE OR REPLACE FUNCTION fraud_contact_norm(k "FraudContactKind", v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE k
    WHEN 'PHONE' THEN (regexp_match(regexp_replace(regexp_replace(v, '\D', '', 'g'), '^0086|^86(?=1[3-9]\d{9}$)', ''), '^(\d{5,20})$'))[1]
    WHEN 'URL' THEN (regexp_match(regexp_replace(regexp_replace(regexp_replace(lower(btrim(v)), '^[a-z][a-z0-9+.-]*://', ''), '[?#].*$', ''), '/+$', ''), '^(\S{3,128})$'))[1]
    WHEN 'APP' THEN (regexp_match(lower(regexp_replace(btrim(v), '\s+', ' ', 'g')), '^([^[:cntrl:]]{1,128})$'))[1]
    WHEN 'WECHAT' THEN (regexp_match(lower(regexp_replace(v, '\s', '', 'g')), '^([a-z0-9_-]{3,64})$'))[1]
    WHEN 'QQ' THEN (regexp_match(regexp_replace(v, '\D', '', 'g'), '^([1-9]\d{4,11})$'))[1]
    WHEN 'BANK_ACCOUNT' THEN (regexp_match(regexp_replace(v, '\D', '', 'g'), '^(\d{8,30})$'))[1]
  END
$$;

-- ───────────── the open queue's own index ─────────────
-- The queue's first page read every open warning and sorted them (city-year with 40 k open
-- warnings: 378 ms): the statistics, taken when nearly every warning was resolved, made the
-- planner expect one open row and take the (unitId, status) index, and a generic plan (the
-- statuses as parameters) cannot prove a partial index on the status. A warning has a queue rank
-- exactly until it is resolved (its next SLA step), and the queue asks for "queueRank" IS NOT
-- NULL: the page is this index's first rows (0.4 ms, generic plan), whatever the statistics say.
CREATE INDEX "warnings_open_queue_idx" ON "warnings" ("queueRank", priority DESC, id) WHERE "queueRank" IS NOT NULL;

-- ───────────── whether a suspect holds a number, with a kept plan ─────────────
-- person_identifier_suspect is asked for every new identifier (the derived labels' row trigger's
-- WHEN). As a SQL function with sub-selects it was run as a function of its own each time
-- (5,000 numbers: 205 ms, 40 % of inserting their identifiers), in PL/pgSQL its two probes of the
-- suspects' expression indexes keep their plans (24 ms). Same answer.
CREATE OR REPLACE FUNCTION person_identifier_suspect(k "IdentifierKind", v text) RETURNS boolean LANGUAGE plpgsql STABLE AS E'
BEGIN
  IF k = $q$ID_NUMBER$q$ THEN RETURN EXISTS (SELECT 1 FROM suspects s WHERE person_norm_id(s."idNumber") = v)\073 END IF\073
  IF k = $q$MOBILE$q$ THEN RETURN EXISTS (SELECT 1 FROM suspects s WHERE person_norm_mobile(s.phone) = v)\073 END IF\073
  RETURN false\073
END';
