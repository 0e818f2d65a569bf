/** @jsxRuntime automatic @jsxImportSource react */
// An address change does not say the address is taken (that would tell anyone who has an
// account); the owner of the address hears of it instead, as with sign-up-attempt.
import { Text } from "@react-email/components";
import { ActionButton } from "../parts/action-button.tsx";
import { MailLayout } from "../parts/mail-layout.tsx";
import { styles } from "../parts/styles.ts";
import type { ComposeMail } from "./composed-mail.ts";

export const emailChangeAttempt: ComposeMail<"email-change-attempt"> = async (data, locale, t) => {
  const m = t.emailChangeAttempt;
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
        <ActionButton href={data.signInUrl} label={m.signIn} t={t} />
        <Text style={styles.small}>{m.ifNotYou}</Text>
      </MailLayout>
    ),
    attachments: [],
  };
};
