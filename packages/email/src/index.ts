export type {
  Locale,
  MailAttachment,
  MailData,
  MailEvent,
  MailTicket,
  Money,
  RenderedMail,
  WhenWhere,
} from "./mail-data.ts";
export { renderMail } from "./render-mail.ts";
