// The send-mail job: sends one message of the outbox (queue-mail.ts) and records what became of
// it. graphile-worker runs it, one job per message, and retries a thrown error with backoff.
//
//   claim     QUEUED/SENDING → SENDING, attempts + 1 (a SENT or FAILED row is left alone, so a
//             job that runs again after its message went out sends nothing)
//   build     the message's data from the database now (mail-data/), rendered in the
//             recipient's language by @openticket/email
//   send      the transport (transport.ts) with a Message-ID derived from the message's key
//   mark SENT one autocommit UPDATE right after the server's answer; the one-time secret a
//             password-reset or verification link carries is erased from the stored payload
//
// Exactly once, and the one window where it is not: a crash before the SMTP server answers
// leaves the row SENDING and the job locked; the job runs again and sends again, which is the
// only way to know it arrived (a server that had already accepted it delivers a second copy with
// the same Message-ID, which mail clients fold into one). A crash after the 250 and before the
// UPDATE is the only window in which a message is accepted twice; it is one statement long.
// The local mailbox has no such window: its insert is keyed by the same Message-ID.
import { createHash } from "node:crypto";
import type { Db } from "@openticket/db";
import { type Locale, renderMail } from "@openticket/email";
import type { Settings } from "../../context.ts";
import { metrics } from "../../observability/metrics.ts";
import { crashPoint } from "../crash-point.ts";
import { loadMailData } from "./mail-data/load-mail-data.ts";
import type { QueuedMail } from "./queue-mail.ts";
import type { MailTransport } from "./transport.ts";

export type SendOutcome = "sent" | "not-queued" | "retrying" | "failed";

/** `<hash of the key@the From domain>`: the same message always carries the same Message-ID. */
export function messageIdFor(key: string, mailFrom: string) {
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? "openticket.invalid";
  return `<${createHash("sha256").update(key).digest("hex").slice(0, 40)}@${domain}>`;
}

export async function sendQueuedMail(
  db: Db,
  outboxId: string,
  deps: { transport: MailTransport; settings: Pick<Settings, "mailFrom" | "publicUrl"> },
  /** The job's try and how many it gets (graphile-worker's attempts / max_attempts). */
  attempt: { number: number; max: number },
): Promise<SendOutcome> {
  const [row] = await db.$queryRaw<
    {
      key: string;
      user_id: string | null;
      to_address: string;
      locale: Locale;
      payload: QueuedMail;
      display_name: string | null;
    }[]
  >`
    WITH claimed AS (
      UPDATE mail_outbox SET status = 'SENDING', attempts = attempts + 1
      WHERE id = ${outboxId}::uuid AND status IN ('QUEUED', 'SENDING')
      RETURNING key, user_id, to_address, locale, payload
    )
    SELECT c.key, c.user_id::text, c.to_address, c.locale, c.payload, u.display_name
    FROM claimed c LEFT JOIN users u ON u.id = c.user_id`;
  if (!row) return "not-queued";

  const messageId = messageIdFor(row.key, deps.settings.mailFrom);
  try {
    const data = await loadMailData(
      db,
      row.payload,
      {
        name: row.display_name ?? row.to_address.split("@")[0] ?? row.to_address,
        locale: row.locale,
        userId: row.user_id,
      },
      deps.settings.publicUrl,
    );
    const rendered = await renderMail(data, row.locale);
    crashPoint("mail:before-send");
    await deps.transport.send({
      outboxId,
      kind: row.payload.kind,
      messageId,
      to: row.to_address,
      ...rendered,
    });
  } catch (error) {
    const exhausted = attempt.number >= attempt.max;
    await db.$executeRaw`
      UPDATE mail_outbox
      SET status = ${exhausted ? "FAILED" : "QUEUED"}::"MailStatus",
          last_error = ${String(error).slice(0, 1000)}
      WHERE id = ${outboxId}::uuid AND status = 'SENDING'`;
    metrics.mails.inc({ outcome: exhausted ? "failed" : "retry" });
    // FAILED ends the job; an admin may queue it again (retry-mail.ts).
    if (exhausted) return "failed";
    throw error;
  }
  metrics.mails.inc({ outcome: "sent" });
  // The duplicate window: the server has the message, the row does not say so yet.
  crashPoint("mail:after-send");
  await db.$executeRaw`
    UPDATE mail_outbox
    SET status = 'SENT', sent_at = now(), message_id = ${messageId}, last_error = NULL,
        payload = payload - 'secret'
    WHERE id = ${outboxId}::uuid`;
  return "sent";
}
