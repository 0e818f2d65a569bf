/** @jsxRuntime automatic @jsxImportSource react */
// To the address an account used to have, once it has moved to another: if the owner did not
// do it, this is the one message that still reaches them.
import { Text } from "@react-email/components";
import { formatDateTime } from "../format.ts";
import { MailLayout } from "../parts/mail-layout.tsx";
import { styles } from "../parts/styles.ts";
import { accountTimeZone, type ComposeMail } from "./composed-mail.ts";

export const emailChanged: ComposeMail<"email-changed"> = async (data, locale, t) => {
  const m = t.emailChanged;
  const at = formatDateTime(data.changedAt, accountTimeZone(data), locale);
  return {
    subject: m.subject,
    body: (
      <MailLayout
        locale={locale}
        t={t}
        preview={m.intro(data.newEmail, at)}
        heading={m.heading}
        recipientName={data.recipientName}
      >
        <Text style={styles.text}>{m.intro(data.newEmail, at)}</Text>
        <Text style={styles.text}>{m.ifNotYou}</Text>
      </MailLayout>
    ),
    attachments: [],
  };
};
