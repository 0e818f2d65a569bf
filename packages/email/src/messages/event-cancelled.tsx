/** @jsxRuntime automatic @jsxImportSource react */
// The event will not happen: what this holder gets back, over all their orders.
import { Text } from "@react-email/components";
import { formatMoney } from "../format.ts";
import { ActionButton } from "../parts/action-button.tsx";
import { EventSummary } from "../parts/event-summary.tsx";
import { MailLayout } from "../parts/mail-layout.tsx";
import { styles } from "../parts/styles.ts";
import type { ComposeMail } from "./composed-mail.ts";

export const eventCancelled: ComposeMail<"event-cancelled"> = async (data, locale, t) => {
  const m = t.eventCancelled;
  const refund = data.refund.amount > 0 ? m.refund(formatMoney(data.refund, locale)) : m.noRefund;
  return {
    subject: m.subject(data.event.title),
    body: (
      <MailLayout
        locale={locale}
        t={t}
        preview={refund}
        heading={m.heading}
        recipientName={data.recipientName}
      >
        <Text style={styles.text}>{m.intro(data.event.title)}</Text>
        <EventSummary event={data.event} locale={locale} t={t} />
        <Text style={{ ...styles.text, fontWeight: 700 }}>{refund}</Text>
        <ActionButton href={data.ordersUrl} label={m.viewOrders} t={t} />
      </MailLayout>
    ),
    attachments: [],
  };
};
