"use client";
// The event's price tiers as an editable list: a name and a price each, typed in the currency's
// main unit ("12.50" dollars) and sent in its minor unit (@openticket/db/currencies). Tiers that
// exist keep their id, so editing renames or re-prices them; tiers are added but never dropped
// here, since seats may be priced by them.
import { minorUnitDigits, toMinorUnits } from "@openticket/db/currencies";
import { useTranslations } from "next-intl";
import { v4 as uuidv4 } from "uuid";
import { fieldInput, fieldLabel, secondaryButton } from "~/components/ui/styles";

/** `price` as typed, in the currency's main unit. */
export type TierDraft = { key: string; id?: string; name: string; price: string };

/** The tiers as the api takes them; a price that is not a valid amount goes as NaN (refused). */
export function tierPrices(tiers: TierDraft[], currency: string) {
  return tiers.map((tier) => ({
    id: tier.id,
    name: tier.name.trim(),
    price: toMinorUnits(tier.price, currency) ?? Number.NaN,
  }));
}

export function PriceTiersEditor({
  tiers,
  onChange,
  currency,
}: {
  tiers: TierDraft[];
  onChange: (tiers: TierDraft[]) => void;
  currency: string;
}) {
  const t = useTranslations("organizer.eventForm");
  const update = (key: string, change: Partial<TierDraft>) =>
    onChange(tiers.map((tier) => (tier.key === key ? { ...tier, ...change } : tier)));
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{t("tiers")}</legend>
      {tiers.map((tier, index) => (
        <div
          key={tier.key}
          data-testid="tier-row"
          className="grid grid-cols-[minmax(0,1fr)_7rem_auto] gap-2"
        >
          <label className={fieldLabel}>
            {t("tierName", { number: index + 1 })}
            <input
              value={tier.name}
              required
              maxLength={50}
              onChange={(event) => update(tier.key, { name: event.target.value })}
              className={fieldInput}
            />
          </label>
          <label className={fieldLabel}>
            {t("tierPrice", { currency })}
            <input
              type="number"
              inputMode={minorUnitDigits(currency) > 0 ? "decimal" : "numeric"}
              value={tier.price}
              required
              min={0}
              step={10 ** -minorUnitDigits(currency)}
              onChange={(event) => update(tier.key, { price: event.target.value })}
              className={fieldInput}
            />
          </label>
          <div className="flex items-end">
            {!tier.id && tiers.length > 1 && (
              <button
                type="button"
                onClick={() => onChange(tiers.filter((other) => other.key !== tier.key))}
                className="rounded-md px-2 py-2 text-sm text-red-700 hover:bg-red-50"
              >
                {t("removeTier")}
              </button>
            )}
          </div>
        </div>
      ))}
      <div>
        <button
          type="button"
          onClick={() => onChange([...tiers, { key: uuidv4(), name: "", price: "" }])}
          disabled={tiers.length >= 20}
          className={secondaryButton}
        >
          {t("addTier")}
        </button>
      </div>
    </fieldset>
  );
}
