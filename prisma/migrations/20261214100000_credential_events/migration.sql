-- ───────────── credential_events: a credential that ends tells its live streams at once (hand-written) ─────────────
-- A live stream ends with the session or API key it was opened with (lib/warnings/sse.ts). It asked
-- only at its 20-second heartbeat, and meanwhile a warning's event could make its page re-render,
-- find the session over and go to the login page, with whatever was typed in it. Every way a
-- credential ends is a row change, so triggers say it, whatever wrote it: a session revoked (signed
-- out, ended by an administrator, found idle or past its 12 hours, a lockout), a user disabled or
-- their role, unit or password changed (sessionVersion), an API key revoked. The announcement goes
-- on the warning bus (channel warning_events) with the user or key id, and only once the change
-- commits: each stream of that user or key asks again at once. The migration runner splits at every
-- semicolon: the body is an E-string (semicolons as octal escape 073, inner strings in dollar quotes).

CREATE FUNCTION credential_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify($q$warning_events$q$, json_build_object($q$kind$q$, $q$credentials$q$, $q$id$q$, to_jsonb(NEW) ->> TG_ARGV[0])::text)\073
  RETURN NULL\073
END';

CREATE TRIGGER user_session_ended AFTER UPDATE OF "revokedAt" ON user_sessions
  FOR EACH ROW WHEN (OLD."revokedAt" IS NULL AND NEW."revokedAt" IS NOT NULL)
  EXECUTE FUNCTION credential_changed('userId');

CREATE TRIGGER user_credentials_changed AFTER UPDATE OF "sessionVersion", active ON users
  FOR EACH ROW WHEN (OLD."sessionVersion" IS DISTINCT FROM NEW."sessionVersion" OR OLD.active IS DISTINCT FROM NEW.active)
  EXECUTE FUNCTION credential_changed('id');

CREATE TRIGGER api_key_revoked AFTER UPDATE OF "revokedAt" ON api_keys
  FOR EACH ROW WHEN (OLD."revokedAt" IS NULL AND NEW."revokedAt" IS NOT NULL)
  EXECUTE FUNCTION credential_changed('id');
