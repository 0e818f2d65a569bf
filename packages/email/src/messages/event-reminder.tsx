/** @jsxRuntime automatic @jsxImportSource react */
// The day before: the same tickets and calendar entry, so nobody digs for the first mail.
import { Text } from "@react-email/components";
import { calendarEntry } from "../attachments/calendar-entry.ts";
import { ticketQrCodes } from "../attachments/ticket-qr-codes.ts";
import { formatShortDate } from "../format.ts";
import { ActionButton } from "../parts/action-button.tsx";
import { EventSummary } from "../parts/event-summary.tsx";
import { MailLayout } from "../parts/mail-layout.tsx";
import { styles } from "../parts/styles.ts";
import { TicketList } from "../parts/ticket-list.tsx";
import type { ComposeMail } from "./composed-mail.ts";

export const eventReminder: ComposeMail<"event-reminder"> = async (data, locale, t) => {
  const m = t.eventReminder;
  const date = formatShortDate(data.event.startsAt, data.event.timeZone, locale);
  const qr = await ticketQrCodes(data.tickets);
  return {
    subject: m.subject(data.event.title, date),
    body: (
      <MailLayout
        locale={locale}
        t={t}
        preview={m.subject(data.event.title, date)}
        heading={m.heading}
        recipientName={data.recipientName}
      >
        <Text style={styles.text}>{m.intro(data.event.title)}</Text>
        <EventSummary event={data.event} locale={locale} t={t} />
        <TicketList tickets={qr.shown} locale={locale} t={t} />
        <Text style={styles.small}>{t.tickets.calendar}</Text>
        <ActionButton href={data.orderUrl} label={t.tickets.viewOrder} t={t} />
      </MailLayout>
    ),
    attachments: [...qr.attachments, calendarEntry(data.event, data.event.url)],
  };
};
