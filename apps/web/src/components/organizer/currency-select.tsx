"use client";
// The currency an event is priced in, from the ones OpenTicket offers, each named in the reader's
// language ("USD · US Dollar", "USD · 美元").
import { EVENT_CURRENCIES } from "@openticket/db/currencies";
import { useLocale, useTranslations } from "next-intl";
import { fieldInput, fieldLabel } from "~/components/ui/styles";

export function CurrencySelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (currency: string) => void;
}) {
  const t = useTranslations("organizer.eventForm");
  const names = new Intl.DisplayNames([useLocale()], { type: "currency" });
  return (
    <label className={fieldLabel}>
      {t("currency")}
      <select
        name="currency"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={fieldInput}
      >
        {EVENT_CURRENCIES.map((code) => (
          <option key={code} value={code}>
            {code} · {names.of(code)}
          </option>
        ))}
      </select>
    </label>
  );
}
