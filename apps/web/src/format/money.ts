// Amounts are integers in the currency's minor unit as OpenTicket uses it
// (@openticket/db/currencies): TWD is priced in whole dollars, so its minor unit is the dollar.
import { minorUnitDigits } from "@openticket/db/currencies";

/**
 * The symbol a currency is shown with whatever the language. zh-TW writes its own dollar as a
 * bare "$", which on a platform that also sells in USD is ambiguous: "NT$" is what the tickets
 * and the bank statement say.
 */
const SYMBOLS: Record<string, string> = { TWD: "NT$" };

export function formatMoney(amount: number, currency: string, locale: string) {
  const digits = minorUnitDigits(currency);
  const parts = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).formatToParts(amount / 10 ** digits);
  const symbol = SYMBOLS[currency];
  return parts.map((part) => (part.type === "currency" && symbol ? symbol : part.value)).join("");
}
