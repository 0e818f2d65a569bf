// How web tests read the mail the app sends: every test app server (app-server.ts) sends over
// SMTP to a real SMTP server in the test process (packages/api/test/support/smtp-server.ts), and
// a test finds a message by recipient and kind (the X-OpenTicket-Kind header) and follows its
// link, as a person does from their inbox.
import {
  type ReceivedMail,
  startSmtpServer,
  type TestSmtpServer,
} from "../../../packages/api/test/support/smtp-server";

export type MailKindWithLink = "verify-email" | "password-reset" | "confirm-email-change";

export type MailReader = {
  smtp: TestSmtpServer;
  /** The newest message of `kind` to `to`, waiting up to `timeoutMs` for it to arrive. */
  latest(to: string, kind: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** The link (reset-password or verify-email) in the newest such message's text part. */
  link(to: string, kind: MailKindWithLink, timeoutMs?: number): Promise<string>;
  /** The kinds of every message that arrived for `to`, in order. */
  kindsSentTo(to: string): string[];
};

const kindOf = (mail: ReceivedMail) => String(mail.parsed.headers.get("x-openticket-kind") ?? "");

export async function startMailReader(): Promise<MailReader> {
  const smtp = await startSmtpServer();
  const to = (mail: ReceivedMail, address: string) =>
    mail.to.some((recipient) => recipient.toLowerCase() === address.toLowerCase());
  const reader: MailReader = {
    smtp,
    async latest(address, kind, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = smtp.received.filter((mail) => to(mail, address) && kindOf(mail) === kind);
        const newest = found.at(-1);
        if (newest) return newest;
        if (Date.now() > deadline) {
          throw new Error(`No ${kind} message arrived for ${address} in ${timeoutMs} ms.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async link(address, kind, timeoutMs) {
      const mail = await reader.latest(address, kind, timeoutMs);
      const path = kind === "password-reset" ? "reset-password" : "verify-email";
      const match = new RegExp(`https?://\\S+/${path}\\?token=[\\w-]+`).exec(
        mail.parsed.text ?? "",
      );
      if (!match) throw new Error(`The ${kind} message to ${address} has no ${path} link.`);
      return match[0];
    },
    kindsSentTo(address) {
      return smtp.received.filter((mail) => to(mail, address)).map(kindOf);
    },
  };
  return reader;
}
