"use client";
// Which ticket type a held seat (or the places about to be held) is bought as (issue 15): the
// tier's own price, or a type the organizer offers for that tier — Student, Early bird… The
// server holds the seat again as the chosen type and its price is then fixed for checkout.
import { useTranslations } from "next-intl";
import { useId } from "react";

export type BuyerTicketType = {
  id: string;
  name: string;
  price: number;
  tierId: string | null;
  note: string;
  onSale: boolean;
  /** Null: no quota. */
  left: number | null;
};

/** The types a seat of this tier may be held as, now. */
export function typesForTier(types: readonly BuyerTicketType[], tierId: string | undefined) {
  return types.filter((type) => type.onSale && (type.tierId === null || type.tierId === tierId));
}

export function TicketTypeSelect({
  types,
  tier,
  value,
  onChange,
  disabled,
  money,
  label,
}: {
  types: readonly BuyerTicketType[];
  /** The tier's own price: the choice of no type. */
  tier: { name: string; price: number };
  /** The type chosen now; null: the tier's price. */
  value: string | null;
  onChange: (ticketTypeId: string | null) => void;
  disabled?: boolean;
  money: (amount: number) => string;
  /** What the select is for, for screen readers ("Ticket type for A-12"). */
  label: string;
}) {
  const t = useTranslations("seats");
  const id = useId();
  const chosen = types.find((type) => type.id === value);
  return (
    <span className="flex flex-col gap-0.5">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        data-testid="ticket-type"
        value={value ?? ""}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value || null)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        <option value="">
          {tier.name} · {money(tier.price)}
        </option>
        {types.map((type) => (
          <option key={type.id} value={type.id} disabled={type.left === 0 && type.id !== value}>
            {type.name} · {money(type.price)}
            {type.left === 0
              ? ` (${t("typeSoldOutShort")})`
              : type.left !== null && type.left <= 20
                ? ` (${t("typeLeft", { count: type.left })})`
                : ""}
          </option>
        ))}
      </select>
      {chosen?.note && <span className="text-xs text-slate-600">{chosen.note}</span>}
    </span>
  );
}
