-- AlterTable
ALTER TABLE "warning_contacts" ADD COLUMN     "receivedAt" TIMESTAMP(3),
ADD COLUMN     "unitId" UUID;


-- ───────────── a contact's newest warnings by index (hand-written, issue 17) ─────────────
-- A cluster of a contact that tens of thousands of warnings carry was served cut at its newest
-- 1,000: the planner walked every warning by receivedAt and probed its links (68 k warnings for a
-- 74 k contact on the city-year, 1.35 s). The link now carries the warning's time and unit, so the
-- newest links of the units are one range of ("contactId", "receivedAt").
-- Kept by triggers: the links of new warnings take them from the inserted rows, any other link
-- from its warning (BEFORE INSERT, when not given), and a warning moved to another unit or time
-- moves its links. warning_contacts_fill() sets them set-based (links loaded with the triggers
-- off: the city-year seed) and backfills here.
-- NOTE as in fraud_contacts: PL/pgSQL bodies are E-quoted strings with \073 for each semicolon,
-- and no comment holds a semicolon.

CREATE OR REPLACE FUNCTION fraud_contact_link_new_warnings() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO fraud_contacts (id, kind, value)
    SELECT gen_random_uuid(), k, v FROM (
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

CREATE FUNCTION warning_contact_time_fill() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  SELECT w."receivedAt", w."unitId" INTO NEW."receivedAt", NEW."unitId" FROM warnings w WHERE w.id = NEW."warningId"\073
  RETURN NEW\073
END';

CREATE FUNCTION warning_contact_time_follow() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE warning_contacts SET "receivedAt" = NEW."receivedAt", "unitId" = NEW."unitId" WHERE "warningId" = NEW.id\073
  RETURN NULL\073
END';

CREATE TRIGGER warning_contact_time BEFORE INSERT ON "warning_contacts" FOR EACH ROW
  WHEN (NEW."receivedAt" IS NULL OR NEW."unitId" IS NULL) EXECUTE FUNCTION warning_contact_time_fill();
CREATE TRIGGER warning_contact_time AFTER UPDATE OF "receivedAt", "unitId" ON "warnings" FOR EACH ROW
  WHEN (OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt" OR OLD."unitId" IS DISTINCT FROM NEW."unitId")
  EXECUTE FUNCTION warning_contact_time_follow();

-- Returns the links it changed.
CREATE FUNCTION warning_contacts_fill() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE
  n bigint\073
BEGIN
  UPDATE warning_contacts wc SET "receivedAt" = w."receivedAt", "unitId" = w."unitId" FROM warnings w
   WHERE w.id = wc."warningId" AND (wc."receivedAt" IS DISTINCT FROM w."receivedAt" OR wc."unitId" IS DISTINCT FROM w."unitId")\073
  GET DIAGNOSTICS n = ROW_COUNT\073
  RETURN n\073
END';

SELECT warning_contacts_fill();

CREATE INDEX "warning_contacts_contactId_receivedAt_idx" ON "warning_contacts" ("contactId", "receivedAt" DESC) INCLUDE ("unitId");
