// The currencies an event may be priced in, and how OpenTicket stores an amount of each: an
// integer count of the currency's minor unit, 10^-digits of it. The digits are ISO 4217's,
// except TWD: ISO says 2, but prices, tickets and payouts are in whole dollars, so NT$1 = 1.
// Read by the api (what events accept, Stripe's units), the web (prices typed and shown) and
// tests; packages/email keeps the same table for its own formatting.

/** What an organizer chooses from, most used first. */
export const EVENT_CURRENCIES = ["TWD", "USD", "JPY", "EUR", "HKD"] as const;
export type EventCurrency = (typeof EVENT_CURRENCIES)[number];

const MINOR_UNIT_DIGITS: Record<string, number> = {
  TWD: 0,
  JPY: 0,
  KRW: 0,
  USD: 2,
  EUR: 2,
  HKD: 2,
};

/** Decimal digits of the stored unit: TWD 0 (NT$1), USD 2 (1¢); 2 for a currency not listed. */
export function minorUnitDigits(currency: string): number {
  return MINOR_UNIT_DIGITS[currency.toUpperCase()] ?? 2;
}

/**
 * A price typed in the currency's main unit ("12.50" dollars) as stored (1250); null when it is
 * not a plain non-negative number with at most the currency's decimals. Exact: no floating point.
 */
export function toMinorUnits(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return null;
  const amount = Number(`${match[1]}${fraction.slice(0, digits).padEnd(digits, "0")}`);
  return Number.isSafeInteger(amount) ? amount : null;
}

/** A stored amount in the main unit, as a form shows it: 1250 USD → "12.50", 800 TWD → "800". */
export function fromMinorUnits(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(amount);
  const text = String(Math.abs(amount)).padStart(digits + 1, "0");
  const sign = amount < 0 ? "-" : "";
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
