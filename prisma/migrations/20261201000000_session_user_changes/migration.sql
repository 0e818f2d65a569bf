-- Announces every change to what a session check reads of a user (role, suspension, session
-- version, username) on the "session_user_changes" channel, with the user's id, so app
-- instances that cache session checks (packages/api/src/services/auth/session-cache.ts) drop
-- theirs. A trigger rather than the services: every path that changes a user is covered, and
-- NOTIFY is delivered on commit only, so a cache never hears of a change that rolled back.
CREATE FUNCTION "session_user_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('session_user_changes', OLD."id"::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "session_user_updated" AFTER UPDATE OF "role", "suspended_at", "session_version", "username"
  ON "users" FOR EACH ROW
  WHEN (OLD."role" IS DISTINCT FROM NEW."role"
        OR OLD."suspended_at" IS DISTINCT FROM NEW."suspended_at"
        OR OLD."session_version" IS DISTINCT FROM NEW."session_version"
        OR OLD."username" IS DISTINCT FROM NEW."username")
  EXECUTE FUNCTION "session_user_changed"();

CREATE TRIGGER "session_user_deleted" AFTER DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "session_user_changed"();
