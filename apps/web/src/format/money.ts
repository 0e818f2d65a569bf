// Amounts are integers in the currency's minor unit as OpenTicket uses it. TWD is priced in
// whole dollars in practice, so its minor unit is the dollar.
const MINOR_UNIT_DIGITS: Record<string, number> = { TWD: 0, JPY: 0, KRW: 0, USD: 2, EUR: 2 };

export function formatMoney(amount: number, currency: string, locale: string) {
  const digits = MINOR_UNIT_DIGITS[currency] ?? 2;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}
