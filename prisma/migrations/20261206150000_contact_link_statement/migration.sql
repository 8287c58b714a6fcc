-- Ingestion inserts warnings in batches of up to 5,000: the fraud-contact link of new warnings
-- becomes one statement-level trigger over the inserted rows (two set-based statements per batch)
-- instead of a claim and a link per row. Updates of a warning contact stay row-level
-- (fraud_contact_link_warning, rare and one row at a time).
-- NOTE as in fraud_contacts: PL/pgSQL bodies are E-quoted strings with \073 for each semicolon.

CREATE FUNCTION fraud_contact_link_new_warnings() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO fraud_contacts (id, kind, value)
    SELECT gen_random_uuid(), k, v FROM (
      SELECT DISTINCT fraud_contact_kind("contactChannel") AS k, fraud_contact_norm(fraud_contact_kind("contactChannel"), "contactValue") AS v FROM new_rows
    ) s WHERE k IS NOT NULL AND v IS NOT NULL
    ORDER BY k, v
    ON CONFLICT (kind, value) DO NOTHING\073
  INSERT INTO warning_contacts ("contactId", "warningId")
    SELECT c.id, x.id FROM (
      SELECT id, fraud_contact_kind("contactChannel") AS k, fraud_contact_norm(fraud_contact_kind("contactChannel"), "contactValue") AS v FROM new_rows
    ) x JOIN fraud_contacts c ON c.kind = x.k AND c.value = x.v
    ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';

DROP TRIGGER fraud_contact_insert ON "warnings";
CREATE TRIGGER fraud_contact_insert AFTER INSERT ON "warnings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fraud_contact_link_new_warnings();
