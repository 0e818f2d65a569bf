/** @jsxRuntime automatic @jsxImportSource react */
// A link proving the reader owns this address (at sign-up and when the address changes).
import { Text } from "@react-email/components";
import { formatDateTime } from "../format.ts";
import { ActionButton } from "../parts/action-button.tsx";
import { MailLayout } from "../parts/mail-layout.tsx";
import { styles } from "../parts/styles.ts";
import { accountTimeZone, type ComposeMail } from "./composed-mail.ts";

export const verifyEmail: ComposeMail<"verify-email"> = async (data, locale, t) => {
  const m = t.verifyEmail;
  const expires = formatDateTime(data.expiresAt, accountTimeZone(data), locale);
  return {
    subject: m.subject,
    body: (
      <MailLayout
        locale={locale}
        t={t}
        preview={m.intro}
        heading={m.heading}
        recipientName={data.recipientName}
      >
        <Text style={styles.text}>{m.intro}</Text>
        <ActionButton href={data.verifyUrl} label={m.button} t={t} />
        <Text style={styles.text}>{m.expires(expires)}</Text>
        <Text style={styles.small}>{m.ifNotYou}</Text>
      </MailLayout>
    ),
    attachments: [],
  };
};
