/** @jsxRuntime automatic @jsxImportSource react */
// Every ticket of the message with its QR code inline (a `cid:` image attached to the mail, so
// it shows without loading anything from the web), its seat, tier, price and code.
import { Column, Img, Row, Section, Text } from "@react-email/components";
import type { Catalogue } from "../catalogue/index.ts";
import { formatMoney } from "../format.ts";
import type { Locale, MailTicket } from "../mail-data.ts";
import { colors, styles } from "./styles.ts";

export type ShownTicket = { ticket: MailTicket; qrCid: string };

export function TicketList(props: { tickets: ShownTicket[]; locale: Locale; t: Catalogue }) {
  const { t, locale } = props;
  return (
    <Section>
      <Text style={styles.subheading}>{t.tickets.heading}</Text>
      <Text style={styles.small}>{t.tickets.showQr}</Text>
      {props.tickets.map(({ ticket, qrCid }) => (
        <Section
          key={ticket.code}
          style={{
            border: `1px solid ${colors.line}`,
            borderRadius: 8,
            margin: "12px 0",
            padding: 12,
          }}
        >
          <Row>
            <Column style={{ width: 150, verticalAlign: "top" }}>
              <Img
                src={`cid:${qrCid}`}
                width={140}
                height={140}
                alt={t.tickets.qrAlt(ticket.code)}
              />
            </Column>
            <Column style={{ verticalAlign: "top", paddingLeft: 12 }}>
              <Text style={{ ...styles.value, fontSize: 17, fontWeight: 700, margin: "4px 0" }}>
                {t.tickets.place(ticket.section, ticket.row, ticket.seat)}
              </Text>
              <Text style={{ ...styles.value, margin: "2px 0" }}>
                {ticket.ticketType ?? ticket.tier} · {formatMoney(ticket.price, locale)}
              </Text>
              <Text style={{ ...styles.small, margin: "10px 0 0" }}>{t.tickets.code}</Text>
              <Text
                style={{
                  ...styles.value,
                  fontFamily: "monospace",
                  fontSize: "11px",
                  wordBreak: "break-all",
                  margin: 0,
                }}
              >
                {ticket.code}
              </Text>
            </Column>
          </Row>
        </Section>
      ))}
    </Section>
  );
}
