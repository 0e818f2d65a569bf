// The mail outbox (issue 14): a message is recorded in the same transaction as the change that
// causes it — order paid, order refunded, event changed or cancelled, a password reset asked
// for — and the job queue sends it later (send-mail.ts), with retries and backoff. So a message
// exists exactly when its change committed, and a crash loses none.
//
// `key` names the message: recording it again (a retried request, a replayed webhook, a second
// run of the same job) keeps the first and queues nothing more. What is stored is what the
// template needs to be built at send time, by kind (QueuedMail); a field under `secret` (a link
// carrying a one-time token) is erased from the row once the message is sent.
import type { Db, Tx } from "@openticket/db";

export type MailLocale = "en" | "zh-TW";

/** The event's date and place as a buyer saw it, before or after an organizer's change. */
export type EventWhenWhere = {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  address: string;
  city: string;
};

/** What is stored per message kind; send-mail.ts turns it into @openticket/email's MailData. */
export type QueuedMail =
  | { kind: "order-confirmation"; orderId: string }
  | { kind: "refund-receipt"; orderId: string; paymentId: string }
  | { kind: "event-changed"; eventId: string; before: EventWhenWhere; after: EventWhenWhere }
  | { kind: "event-cancelled"; eventId: string; orderIds: string[] }
  | { kind: "event-reminder"; eventId: string }
  | { kind: "password-reset"; expiresAt: string; secret: { url: string } }
  | { kind: "verify-email"; expiresAt: string; secret: { url: string } }
  | { kind: "sign-up-attempt"; signInUrl: string; resetUrl: string }
  | { kind: "confirm-email-change"; newEmail: string; expiresAt: string; secret: { url: string } }
  | { kind: "email-changed"; newEmail: string; changedAt: string }
  | { kind: "email-change-attempt"; signInUrl: string };

export type MailKind = QueuedMail["kind"];

export type MailToQueue = {
  /** Names the message; the same key again is ignored (e.g. `order-confirmation:<orderId>`). */
  key: string;
  to: string;
  userId: string | null;
  locale: MailLocale;
  mail: QueuedMail;
};

/**
 * The job that sends one message (send-mail.ts). The database queues it for every row recorded
 * in mail_outbox (a trigger: prisma/migrations/20261203000001_mail_outbox_queues_its_job), so
 * recording a message is all a caller does.
 */
export const SEND_MAIL_JOB = "send-mail";

/**
 * Records messages in the caller's transaction; the database queues one `send-mail` job for
 * each new one (job key `mail:<key>`). One round trip: it runs inside checkout settlement and
 * other hot paths. Returns how many were new.
 */
export async function queueMail(tx: Tx | Db, messages: MailToQueue | MailToQueue[]) {
  const list = Array.isArray(messages) ? messages : [messages];
  if (list.length === 0) return 0;
  const [row] = await tx.$queryRaw<{ queued: number }[]>`
    WITH recorded AS (
      INSERT INTO mail_outbox (id, key, kind, user_id, to_address, locale, payload)
      SELECT gen_random_uuid(), m.key, m.kind, m.user_id::uuid, m.to_address, m.locale, m.payload
        FROM jsonb_to_recordset(${JSON.stringify(
          list.map((m) => ({
            key: m.key,
            kind: m.mail.kind,
            user_id: m.userId,
            to_address: m.to,
            locale: m.locale,
            payload: m.mail,
          })),
        )}::jsonb) AS m(key text, kind text, user_id text, to_address text, locale text, payload jsonb)
      ON CONFLICT (key) DO NOTHING
      RETURNING id
    )
    SELECT count(*)::int AS queued FROM recorded`;
  return row?.queued ?? 0;
}

export type MailToUser = { key: string; userId: string; mail: QueuedMail };

/**
 * queueMail for users of this OpenTicket: each message goes to the user's address, in the
 * user's language, both read in the same statement. One round trip however many.
 */
export async function queueMailToUsers(tx: Tx | Db, messages: MailToUser[]) {
  if (messages.length === 0) return 0;
  const [row] = await tx.$queryRaw<{ queued: number }[]>`
    WITH recorded AS (
      INSERT INTO mail_outbox (id, key, kind, user_id, to_address, locale, payload)
      SELECT gen_random_uuid(), m.key, m.payload->>'kind', u.id, u.email, u.locale, m.payload
        FROM jsonb_to_recordset(${JSON.stringify(
          messages.map((m) => ({ key: m.key, user_id: m.userId, payload: m.mail })),
        )}::jsonb) AS m(key text, user_id uuid, payload jsonb)
        JOIN users u ON u.id = m.user_id
      ON CONFLICT (key) DO NOTHING
      RETURNING id
    )
    SELECT count(*)::int AS queued FROM recorded`;
  return row?.queued ?? 0;
}
