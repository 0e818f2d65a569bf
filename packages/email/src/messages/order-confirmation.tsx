/** @jsxRuntime automatic @jsxImportSource react */
// The buyer's tickets once the order is paid: inline QR codes, the PDF, the calendar entry.
import { Section, Text } from "@react-email/components";
import { calendarEntry } from "../attachments/calendar-entry.ts";
import { ticketPdf } from "../attachments/ticket-pdf.ts";
import { ticketQrCodes } from "../attachments/ticket-qr-codes.ts";
import { formatMoney } from "../format.ts";
import { ActionButton } from "../parts/action-button.tsx";
import { EventSummary } from "../parts/event-summary.tsx";
import { MailLayout } from "../parts/mail-layout.tsx";
import { styles } from "../parts/styles.ts";
import { TicketList } from "../parts/ticket-list.tsx";
import type { ComposeMail } from "./composed-mail.ts";

export const orderConfirmation: ComposeMail<"order-confirmation"> = async (data, locale, t) => {
  const m = t.orderConfirmation;
  const qr = await ticketQrCodes(data.tickets);
  const pdf = await ticketPdf({
    event: data.event,
    orderId: data.orderId,
    tickets: data.tickets.map((ticket, i) => ({ ticket, qrPng: qr.images[i] as Buffer })),
    locale,
    t,
  });
  return {
    subject: m.subject(data.event.title),
    body: (
      <MailLayout
        locale={locale}
        t={t}
        preview={m.preview(data.tickets.length, data.event.title)}
        heading={m.heading}
        recipientName={data.recipientName}
      >
        <Text style={styles.text}>{m.intro(data.event.title)}</Text>
        <EventSummary event={data.event} locale={locale} t={t} />
        <TicketList tickets={qr.shown} locale={locale} t={t} />
        <Section>
          <Text style={{ ...styles.text, fontWeight: 700, textAlign: "right" }}>
            {t.tickets.total(formatMoney(data.total, locale))}
          </Text>
          <Text style={styles.small}>
            {t.common.order} {data.orderId}
          </Text>
          <Text style={styles.small}>{m.pdfNote}</Text>
          <Text style={styles.small}>{t.tickets.calendar}</Text>
        </Section>
        <ActionButton href={data.orderUrl} label={t.tickets.viewOrder} t={t} />
      </MailLayout>
    ),
    attachments: [...qr.attachments, pdf, calendarEntry(data.event, data.event.url)],
  };
};
