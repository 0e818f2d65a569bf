/** @jsxRuntime automatic @jsxImportSource react */
// The receipt for money sent back: how much, where to, when.
import { Text } from "@react-email/components";
import { formatDateTime, formatMoney } from "../format.ts";
import { ActionButton } from "../parts/action-button.tsx";
import { Facts } from "../parts/facts.tsx";
import { MailLayout } from "../parts/mail-layout.tsx";
import { styles } from "../parts/styles.ts";
import type { ComposeMail } from "./composed-mail.ts";

export const refundReceipt: ComposeMail<"refund-receipt"> = async (data, locale, t) => {
  const m = t.refundReceipt;
  const amount = formatMoney(data.amount, locale);
  return {
    subject: m.subject(amount, data.event.title),
    body: (
      <MailLayout
        locale={locale}
        t={t}
        preview={m.intro(amount, data.event.title)}
        heading={m.heading}
        recipientName={data.recipientName}
      >
        <Text style={styles.text}>{m.intro(amount, data.event.title)}</Text>
        <Facts
          facts={[
            [m.amount, amount],
            [m.method, data.method],
            [m.when, formatDateTime(data.refundedAt, data.event.timeZone, locale)],
            [t.common.order, data.orderId],
          ]}
        />
        <Text style={styles.small}>{m.note}</Text>
        <ActionButton href={data.orderUrl} label={t.tickets.viewOrder} t={t} />
      </MailLayout>
    ),
    attachments: [],
  };
};
