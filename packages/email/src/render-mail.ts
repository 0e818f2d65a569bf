// A message built from its data in the reader's language: subject, HTML, plain text and
// attachments. The sender calls this at send time; everything here is pure formatting.
import { render } from "@react-email/render";
import { catalogues } from "./catalogue/index.ts";
import type { Locale, MailData, RenderedMail } from "./mail-data.ts";
import type { ComposedMail } from "./messages/composed-mail.ts";
import { confirmEmailChange } from "./messages/confirm-email-change.tsx";
import { emailChangeAttempt } from "./messages/email-change-attempt.tsx";
import { emailChanged } from "./messages/email-changed.tsx";
import { eventCancelled } from "./messages/event-cancelled.tsx";
import { eventChanged } from "./messages/event-changed.tsx";
import { eventReminder } from "./messages/event-reminder.tsx";
import { orderConfirmation } from "./messages/order-confirmation.tsx";
import { passwordReset } from "./messages/password-reset.tsx";
import { refundReceipt } from "./messages/refund-receipt.tsx";
import { signUpAttempt } from "./messages/sign-up-attempt.tsx";
import { verifyEmail } from "./messages/verify-email.tsx";
import { oneLine, sanitizeMailData } from "./sanitize.ts";

function compose(data: MailData, locale: Locale): Promise<ComposedMail> {
  const t = catalogues[locale];
  switch (data.kind) {
    case "order-confirmation":
      return orderConfirmation(data, locale, t);
    case "event-reminder":
      return eventReminder(data, locale, t);
    case "refund-receipt":
      return refundReceipt(data, locale, t);
    case "event-changed":
      return eventChanged(data, locale, t);
    case "event-cancelled":
      return eventCancelled(data, locale, t);
    case "password-reset":
      return passwordReset(data, locale, t);
    case "verify-email":
      return verifyEmail(data, locale, t);
    case "sign-up-attempt":
      return signUpAttempt(data, locale, t);
    case "confirm-email-change":
      return confirmEmailChange(data, locale, t);
    case "email-changed":
      return emailChanged(data, locale, t);
    case "email-change-attempt":
      return emailChangeAttempt(data, locale, t);
  }
}

export async function renderMail(data: MailData, locale: Locale): Promise<RenderedMail> {
  const mail = await compose(sanitizeMailData(data), locale);
  const [html, text] = await Promise.all([
    render(mail.body),
    render(mail.body, { plainText: true }),
  ]);
  return {
    // The catalogue's own text is one line; this is the last guard before a header.
    subject: oneLine(mail.subject),
    html,
    text,
    attachments: mail.attachments,
  };
}
