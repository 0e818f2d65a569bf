// How a message shows times and money to its reader: in the event's own time zone with that
// zone named (a buyer abroad must not mistake the start time), and money in the currency's
// unit as OpenTicket stores it, with a symbol nobody can confuse with another dollar.
import type { Locale, Money } from "./mail-data.ts";

// Amounts are integers in the currency's minor unit as OpenTicket uses it (apps/web's
// formatMoney does the same, from @openticket/db/currencies): TWD is priced in whole dollars, so
// its minor unit is the dollar.
const MINOR_UNIT_DIGITS: Record<string, number> = {
  TWD: 0,
  JPY: 0,
  KRW: 0,
  USD: 2,
  EUR: 2,
  HKD: 2,
};

export function formatMoney(money: Money, locale: Locale): string {
  const digits = MINOR_UNIT_DIGITS[money.currency] ?? 2;
  const parts = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).formatToParts(money.amount / 10 ** digits);
  // In its home locale a dollar is a bare "$" (zh-TW prints TWD as "$4,800"); a ticket price
  // must say which dollar, so borrow the unambiguous symbol ("NT$") English uses for it.
  return parts
    .map((part) =>
      part.type === "currency" && part.value === "$" && money.currency !== "USD"
        ? englishSymbol(money.currency)
        : part.value,
    )
    .join("");
}

function englishSymbol(currency: string): string {
  const part = new Intl.NumberFormat("en", { style: "currency", currency })
    .formatToParts(0)
    .find((p) => p.type === "currency");
  return part?.value ?? currency;
}

/** The zone's name as the reader's language says it, e.g. "Taipei Standard Time", "台北標準時間". */
export function zoneName(iso: string, timeZone: string, locale: Locale): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "long" })
    .formatToParts(new Date(iso))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

const dateOptions: Intl.DateTimeFormatOptions = {
  weekday: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
};
const timeOptions: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };

/** "Saturday, December 12, 2026" in the zone. */
export function formatDate(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone }).format(new Date(iso));
}

/** "Sat, Dec 12, 2026": short enough for a subject line. */
export function formatShortDate(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone,
  }).format(new Date(iso));
}

/** A single instant with its zone: "Saturday, December 12, 2026 at 7:30 PM (Taipei Standard Time)". */
export function formatDateTime(iso: string, timeZone: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale, { ...dateOptions, ...timeOptions, timeZone }).format(
    new Date(iso),
  );
  return withZone(text, zoneName(iso, timeZone, locale), locale);
}

/**
 * When an event happens: its date, then "7:30 – 10:00 PM", then the zone. An event that ends
 * on another day shows both dates in full.
 */
export function formatEventTime(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  locale: Locale,
): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const zone = zoneName(startsAt, timeZone, locale);
  const day = (d: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(d);
  if (day(start) === day(end)) {
    const date = formatDate(startsAt, timeZone, locale);
    const times = new Intl.DateTimeFormat(locale, { ...timeOptions, timeZone }).formatRange(
      start,
      end,
    );
    return withZone(`${date}${locale === "zh-TW" ? " " : ", "}${times}`, zone, locale);
  }
  const range = new Intl.DateTimeFormat(locale, {
    ...dateOptions,
    ...timeOptions,
    timeZone,
  }).formatRange(start, end);
  return withZone(range, zone, locale);
}

function withZone(text: string, zone: string, locale: Locale): string {
  return locale === "zh-TW" ? `${text}（${zone}）` : `${text} (${zone})`;
}

/** "Sat, Dec 19, 2026, 7:30 PM": a start time short enough for a subject line. */
export function formatShortDateTime(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(new Date(iso));
}
