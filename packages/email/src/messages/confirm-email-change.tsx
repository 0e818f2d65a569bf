/** @jsxRuntime automatic @jsxImportSource react */
// To the address a signed-in user wants to move their account to: the account keeps its old
// address until this link is opened, so a mistyped address never takes the account's mail.
import { Text } from "@react-email/components";
import { formatDateTime } from "../format.ts";
import { ActionButton } from "../parts/action-button.tsx";
import { MailLayout } from "../parts/mail-layout.tsx";
import { styles } from "../parts/styles.ts";
import { accountTimeZone, type ComposeMail } from "./composed-mail.ts";

export const confirmEmailChange: ComposeMail<"confirm-email-change"> = async (data, locale, t) => {
  const m = t.confirmEmailChange;
  const expires = formatDateTime(data.expiresAt, accountTimeZone(data), locale);
  return {
    subject: m.subject,
    body: (
      <MailLayout
        locale={locale}
        t={t}
        preview={m.intro(data.newEmail)}
        heading={m.heading}
        recipientName={data.recipientName}
      >
        <Text style={styles.text}>{m.intro(data.newEmail)}</Text>
        <ActionButton href={data.confirmUrl} label={m.button} t={t} />
        <Text style={styles.text}>{m.expires(expires)}</Text>
        <Text style={styles.text}>{m.signOut}</Text>
        <Text style={styles.small}>{m.ifNotYou}</Text>
      </MailLayout>
    ),
    attachments: [],
  };
};
