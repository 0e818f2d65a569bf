/** @jsxRuntime automatic @jsxImportSource react */
// The frame every message shares: the brand bar, the greeting, the footer saying why the
// reader got it. The preview line is what inboxes show beside the subject.
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Catalogue } from "../catalogue/index.ts";
import type { Locale } from "../mail-data.ts";
import { styles } from "./styles.ts";

export function MailLayout(props: {
  locale: Locale;
  t: Catalogue;
  preview: string;
  heading: string;
  recipientName: string;
  children: ReactNode;
}) {
  const { locale, t } = props;
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            <Text style={styles.brand}>{t.common.brand}</Text>
          </Section>
          <Section style={styles.content}>
            <Text style={styles.heading}>{props.heading}</Text>
            <Text style={styles.text}>{t.common.greeting(props.recipientName)}</Text>
            {props.children}
          </Section>
          <Section style={styles.footer}>
            <Hr style={styles.hr} />
            <Text style={styles.small}>{t.common.footer}</Text>
            <Text style={styles.small}>{t.common.automated}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
