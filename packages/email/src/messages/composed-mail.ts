// What each message module hands back: render-mail.ts turns the body into HTML and text.
import type { ReactElement } from "react";
import type { Catalogue } from "../catalogue/index.ts";
import type { Locale, MailAttachment, MailData } from "../mail-data.ts";

export type ComposedMail = { subject: string; body: ReactElement; attachments: MailAttachment[] };

export type ComposeMail<K extends MailData["kind"]> = (
  data: Extract<MailData, { kind: K }>,
  locale: Locale,
  t: Catalogue,
) => Promise<ComposedMail>;

/**
 * Account mails have no event to take a zone from: they show the zone the sender names, else
 * the platform's (events happen in Asia/Taipei), and always say which zone it is.
 */
export function accountTimeZone(data: { timeZone?: string }): string {
  return data.timeZone ?? "Asia/Taipei";
}
