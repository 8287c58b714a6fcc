-- Audit trail protection (SECURITY.md E21, 等保 8.1.4.3): the audit log is append-only.
-- Hand-written (no Prisma schema change): triggers and grants are outside what the schema describes.
--
-- 1. No UPDATE, ever, by anyone short of the table owner disabling the trigger.
-- 2. DELETE only of records older than 180 days: the retention job (lib/audit/retention.ts) removes
--    the oldest records in id order, never younger ones, so the chain stays verifiable from the
--    first remaining record.
-- 3. When the app connects as the separate role fanzha_app (README, Production database roles),
--    that role may only SELECT and INSERT audit rows. The retention job runs as the owner.
--
-- NOTE The migration runner splits this file at every semicolon and does not know comments or
-- quotes: PL/pgSQL bodies are E-strings that write each semicolon as the octal escape 073 and quote
-- inner strings with dollar quotes, and these comments hold no quote characters.
-- The column at is a timestamp without time zone holding UTC, hence now() AT TIME ZONE UTC.

CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $q$UPDATE$q$ THEN
    RAISE EXCEPTION $q$audit_log is append-only: record % cannot be changed$q$, OLD.id USING ERRCODE = $q$42501$q$\073
  END IF\073
  IF OLD."at" >= (now() AT TIME ZONE $q$UTC$q$) - interval $q$180 days$q$ THEN
    RAISE EXCEPTION $q$audit_log: record % is younger than 180 days and cannot be deleted$q$, OLD.id USING ERRCODE = $q$42501$q$\073
  END IF\073
  RETURN OLD\073
END';

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_retention_only BEFORE DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_guard();

DO E'
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $q$fanzha_app$q$) THEN
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "audit_log" FROM fanzha_app\073
    GRANT SELECT, INSERT ON TABLE "audit_log" TO fanzha_app\073
    GRANT USAGE, SELECT ON SEQUENCE "audit_log_id_seq" TO fanzha_app\073
  END IF\073
END';
