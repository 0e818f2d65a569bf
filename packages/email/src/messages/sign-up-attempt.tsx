/** @jsxRuntime automatic @jsxImportSource react */
// Sign-up does not say an address is taken (that would tell anyone who has an account); the
// owner of the address hears it instead, with the ways back into their account.
import { Text } from "@react-email/components";
import { ActionButton } from "../parts/action-button.tsx";
import { MailLayout } from "../parts/mail-layout.tsx";
import { styles } from "../parts/styles.ts";
import type { ComposeMail } from "./composed-mail.ts";

export const signUpAttempt: ComposeMail<"sign-up-attempt"> = async (data, locale, t) => {
  const m = t.signUpAttempt;
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
        <Text style={styles.text}>{m.forgot}</Text>
        <ActionButton href={data.resetUrl} label={m.reset} t={t} secondary />
        <Text style={styles.small}>{m.ifNotYou}</Text>
      </MailLayout>
    ),
    attachments: [],
  };
};
