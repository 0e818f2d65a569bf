// The reminder the day before: every holder of a live ticket for an event that starts within
// the next 24 hours gets one `event-reminder`, keyed by event and holder, so the hourly job
// (jobs/job-queue.ts) that runs this 24 times over an event's last day records each once.
// Set-based: one statement however many events and holders.
import type { Db } from "@openticket/db";

const REMIND_WITHIN_MS = 24 * 3600_000;

export async function queueEventReminders(db: Db, now: Date = new Date()) {
  const [row] = await db.$queryRaw<{ queued: number }[]>`
    WITH holders AS (
      SELECT DISTINCT e.id AS event_id, u.id AS user_id, u.email, u.locale
      FROM events e
      JOIN orders o ON o.event_id = e.id AND o.status = 'PAID'
      JOIN tickets t ON t.order_id = o.id AND t.status IN ('VALID', 'CHECKED_IN')
      JOIN users u ON u.id = o.user_id
      WHERE e.status = 'PUBLISHED'
        AND e.starts_at > ${now} AND e.starts_at <= ${new Date(now.getTime() + REMIND_WITHIN_MS)}
    ), recorded AS (
      INSERT INTO mail_outbox (id, key, kind, user_id, to_address, locale, payload)
      SELECT gen_random_uuid(), 'event-reminder:' || event_id || ':' || user_id, 'event-reminder',
             user_id, email, locale,
             jsonb_build_object('kind', 'event-reminder', 'eventId', event_id::text)
      FROM holders
      ON CONFLICT (key) DO NOTHING
      RETURNING id
    )
    SELECT count(*)::int AS queued FROM recorded`;
  return row?.queued ?? 0;
}
