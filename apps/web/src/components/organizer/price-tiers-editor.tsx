"use client";
// The event's price tiers as an editable list: a name and a price (in the currency's minor
// unit; dollars for TWD) each. Tiers that exist keep their id, so editing renames or re-prices
// them; tiers are added but never dropped here, since seats may be priced by them.
import { useTranslations } from "next-intl";
import { fieldInput, fieldLabel, secondaryButton } from "~/components/ui/styles";

export type TierDraft = { key: string; id?: string; name: string; price: number };

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
        <div key={tier.key} data-testid="tier-row" className="grid grid-cols-[1fr_8rem_auto] gap-2">
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
              value={Number.isNaN(tier.price) ? "" : tier.price}
              required
              min={0}
              onChange={(event) => update(tier.key, { price: event.target.valueAsNumber })}
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
          onClick={() =>
            onChange([...tiers, { key: crypto.randomUUID(), name: "", price: Number.NaN }])
          }
          disabled={tiers.length >= 20}
          className={secondaryButton}
        >
          {t("addTier")}
        </button>
      </div>
    </fieldset>
  );
}
