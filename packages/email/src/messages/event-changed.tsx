/** @jsxRuntime automatic @jsxImportSource react */
// The organizer moved the event: old and new side by side with what changed marked, and what
// the holder may do about it.
import { Section, Text } from "@react-email/components";
import type { Catalogue } from "../catalogue/index.ts";
import { formatDateTime, formatEventTime, formatShortDateTime } from "../format.ts";
import type { Locale, MailData, WhenWhere } from "../mail-data.ts";
import { ActionButton } from "../parts/action-button.tsx";
import { MailLayout } from "../parts/mail-layout.tsx";
import { colors, styles } from "../parts/styles.ts";
import type { ComposeMail } from "./composed-mail.ts";

type Comparison = { label: string; before: string; after: string; changed: boolean };

function compare(before: WhenWhere, after: WhenWhere, locale: Locale, t: Catalogue): Comparison[] {
  const time = (w: WhenWhere) => formatEventTime(w.startsAt, w.endsAt, w.timeZone, locale);
  const address = (w: WhenWhere) => `${w.address}, ${w.city}`;
  const m = t.eventChanged;
  return [
    [m.time, time(before), time(after)],
    [m.venue, before.venueName, after.venueName],
    [m.address, address(before), address(after)],
  ].map(([label, b, a]) => ({ label, before: b, after: a, changed: b !== a }) as Comparison);
}

function subject(data: Extract<MailData, { kind: "event-changed" }>, locale: Locale, t: Catalogue) {
  const m = t.eventChanged;
  const { before, after, event } = data;
  const moved = Date.parse(before.startsAt) !== Date.parse(after.startsAt);
  const newVenue = before.venueName !== after.venueName;
  const date = formatShortDateTime(after.startsAt, after.timeZone, locale);
  if (moved && newVenue) return m.subjectDateVenue(event.title, date, after.venueName);
  if (moved) return m.subjectDate(event.title, date);
  if (newVenue) return m.subjectVenue(event.title, after.venueName);
  return m.subjectOther(event.title);
}

const cell = { padding: "10px 8px", verticalAlign: "top", fontSize: 14, lineHeight: "20px" };

export const eventChanged: ComposeMail<"event-changed"> = async (data, locale, t) => {
  const m = t.eventChanged;
  const rows = compare(data.before, data.after, locale, t);
  const rights =
    data.refundableUntil === null
      ? m.notRefundable
      : m.refundable(
          data.refundPercent,
          formatDateTime(data.refundableUntil, data.after.timeZone, locale),
        );
  const mailSubject = subject(data, locale, t);
  return {
    subject: mailSubject,
    body: (
      <MailLayout
        locale={locale}
        t={t}
        preview={mailSubject}
        heading={m.heading}
        recipientName={data.recipientName}
      >
        <Text style={styles.text}>{m.intro(data.event.title)}</Text>
        <Text style={styles.subheading}>{data.event.title}</Text>
        <table
          data-skip-in-text="true"
          width="100%"
          cellPadding={0}
          cellSpacing={0}
          style={{ borderCollapse: "collapse", border: `1px solid ${colors.line}` }}
        >
          <thead>
            <tr style={{ backgroundColor: colors.page, textAlign: "left" }}>
              <th style={{ ...cell, width: "22%" }} />
              <th style={{ ...cell, color: colors.muted }}>{m.before}</th>
              <th style={{ ...cell, color: colors.ink }}>{m.after}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.label}
                style={{
                  borderTop: `1px solid ${colors.line}`,
                  backgroundColor: row.changed ? colors.highlight : undefined,
                }}
              >
                <td style={{ ...cell, color: colors.muted }}>
                  {row.label}
                  {row.changed ? (
                    <>
                      <br />
                      <strong style={{ color: colors.warning }}>{m.changed}</strong>
                    </>
                  ) : null}
                </td>
                <td
                  style={{
                    ...cell,
                    color: colors.muted,
                    textDecoration: row.changed ? "line-through" : undefined,
                  }}
                >
                  {row.before}
                </td>
                <td
                  style={{ ...cell, color: colors.ink, fontWeight: row.changed ? 700 : undefined }}
                >
                  {row.after}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {/* The same comparison for the text part, where a three-column table does not fit a
            line (and Chinese characters break monospace alignment); hidden in the HTML. */}
        <div style={{ display: "none", maxHeight: 0, overflow: "hidden", ...{ msoHide: "all" } }}>
          {rows.map((row) => (
            <p key={row.label}>
              {row.changed ? `${row.label} (${m.changed})` : row.label}
              <br />
              {row.changed ? m.beforeLine(row.before) : row.after}
              {row.changed ? (
                <>
                  <br />
                  {m.afterLine(row.after)}
                </>
              ) : null}
            </p>
          ))}
        </div>
        <Section>
          <Text style={styles.subheading}>{m.rightsHeading}</Text>
          <Text
            style={{
              ...styles.text,
              color: data.refundableUntil === null ? colors.warning : colors.ink,
              fontWeight: data.refundableUntil === null ? 700 : undefined,
            }}
          >
            {rights}
          </Text>
        </Section>
        <ActionButton href={data.ordersUrl} label={m.manage} t={t} />
      </MailLayout>
    ),
    attachments: [],
  };
};
