/** @jsxRuntime automatic @jsxImportSource react */
// What, when and where: the event as every event message opens with it.
import { Link, Section, Text } from "@react-email/components";
import type { Catalogue } from "../catalogue/index.ts";
import { formatEventTime } from "../format.ts";
import type { Locale, MailEvent } from "../mail-data.ts";
import { colors, styles } from "./styles.ts";

export function EventSummary(props: { event: MailEvent; locale: Locale; t: Catalogue }) {
  const { event, locale, t } = props;
  return (
    <Section
      style={{
        border: `1px solid ${colors.line}`,
        borderRadius: 8,
        margin: "16px 0",
        padding: "4px 16px",
      }}
    >
      <Text style={{ ...styles.subheading, margin: "12px 0" }}>
        <Link href={event.url} style={{ color: colors.ink, textDecoration: "none" }}>
          {event.title}
        </Link>
      </Text>
      <Text style={styles.label}>{t.common.when}</Text>
      <Text style={styles.value}>
        {formatEventTime(event.startsAt, event.endsAt, event.timeZone, locale)}
      </Text>
      <Text style={styles.label}>{t.common.where}</Text>
      <Text style={styles.value}>
        {event.venueName}
        <br />
        {event.address}, {event.city}
      </Text>
    </Section>
  );
}
