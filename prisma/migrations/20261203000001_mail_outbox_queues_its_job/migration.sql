-- A message in the mail outbox always has its send-mail job: the database queues it when the
-- row is recorded, and again when an admin moves a FAILED message back to QUEUED. Callers only
-- INSERT (ON CONFLICT (key) DO NOTHING: a message recorded twice fires nothing the second time),
-- instead of each repeating the graphile_worker.add_job call. The job key is per message, so
-- the job is queued once; 25 tries with graphile-worker's exponential backoff span about three
-- days (send-mail.ts marks the message FAILED after the last).
-- graphile_worker's schema is installed by migrate() after these migrations; PL/pgSQL resolves
-- add_job when the trigger first runs.
CREATE FUNCTION "mail_outbox_queue_send"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM graphile_worker.add_job('send-mail', json_build_object('id', NEW.id),
                                  job_key := 'mail:' || NEW.key, max_attempts := 25);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "mail_outbox_queue_send_on_insert"
  AFTER INSERT ON "mail_outbox"
  FOR EACH ROW EXECUTE FUNCTION "mail_outbox_queue_send"();

CREATE TRIGGER "mail_outbox_queue_send_on_retry"
  AFTER UPDATE OF "status" ON "mail_outbox"
  FOR EACH ROW WHEN (OLD."status" = 'FAILED' AND NEW."status" = 'QUEUED')
  EXECUTE FUNCTION "mail_outbox_queue_send"();
