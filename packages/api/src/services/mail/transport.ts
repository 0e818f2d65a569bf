// How a rendered message leaves: over SMTP (nodemailer) when SMTP_URL is set, otherwise into the
// local mailbox, a table an admin reads at /admin/mail, so the zero-setup run loses no mail
// (a newcomer can follow a password reset end to end on their own machine).
import type { Db } from "@openticket/db";
import type { MailAttachment } from "@openticket/email";
import nodemailer from "nodemailer";
import type { Settings } from "../../context.ts";
import { logger } from "../../observability/logger.ts";

export type OutgoingMail = {
  outboxId: string;
  /** The message's kind (queue-mail.ts), sent as the X-OpenTicket-Kind header for filters. */
  kind: string;
  /** `<…@…>`, stable for the message (send-mail.ts): a resend carries the same one. */
  messageId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
};

export type MailTransport = {
  /** "smtp" or "local-mailbox", for logs and the admin page. */
  name: string;
  /** Resolves once the server accepted the message (SMTP 250); throws otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    name: "smtp",
    async send(mail) {
      const info = await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        headers: { "X-OpenTicket-Kind": mail.kind },
        attachments: mail.attachments.map((attachment) => ({
          filename: attachment.filename,
          content: attachment.content,
          contentType: attachment.contentType,
          ...(attachment.cid && { cid: attachment.cid }),
        })),
      });
      // One recipient per message: refused means not sent.
      if (info.rejected.length > 0) {
        throw new Error(`The SMTP server refused ${mail.to}: ${info.response}`);
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * Delivery into the local_mailbox table. A second delivery of the same Message-ID keeps the
 * first, so this transport never duplicates a message, even when the sender dies right after.
 */
export function localMailboxTransport(db: Db, from: string): MailTransport {
  return {
    name: "local-mailbox",
    async send(mail) {
      const attachments = mail.attachments.map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        ...(attachment.cid && { cid: attachment.cid }),
        size: attachment.content.length,
        base64: attachment.content.toString("base64"),
      }));
      await db.$executeRaw`
        INSERT INTO local_mailbox (id, message_id, outbox_id, from_address, to_address, subject,
                                   html, text, attachments)
        VALUES (gen_random_uuid(), ${mail.messageId}, ${mail.outboxId}::uuid, ${from}, ${mail.to},
                ${mail.subject}, ${mail.html}, ${mail.text}, ${JSON.stringify(attachments)}::jsonb)
        ON CONFLICT (message_id) DO NOTHING`;
    },
    close: () => {},
  };
}

let toldWhereMailGoes = false;

/** The transport the settings ask for; says once, in the log, where local mail can be read. */
export function mailTransportFor(
  db: Db,
  settings: Pick<Settings, "smtpUrl" | "mailFrom" | "publicUrl">,
) {
  if (settings.smtpUrl) return smtpTransport(settings.smtpUrl, settings.mailFrom);
  if (!toldWhereMailGoes) {
    toldWhereMailGoes = true;
    logger.info(
      `No SMTP_URL set: mail goes to the local mailbox. An admin reads it at ${settings.publicUrl}/admin/mail`,
    );
  }
  return localMailboxTransport(db, settings.mailFrom);
}
