"use client";
// The seat map's legend: each price tier, then each seat state, drawn with the very marks the
// map uses, so shape tells the states apart as well as colour (./seat-colors.ts).
import { useTranslations } from "next-intl";
import { SeatSwatch } from "./seat-mark";

const STATES = ["SELECTED", "MINE", "HELD", "SOLD", "BLOCKED"] as const;

export function SeatLegend({ tiers }: { tiers: { id: string; name: string; price: string }[] }) {
  const t = useTranslations("seats");
  return (
    <section
      aria-label={t("legend")}
      data-testid="seat-legend"
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700"
    >
      {tiers.map((tier, index) => (
        <span key={tier.id} className="flex items-center gap-1" data-kind="AVAILABLE">
          <SeatSwatch kind="AVAILABLE" tier={index} /> {tier.name} {tier.price}
        </span>
      ))}
      {STATES.map((state) => (
        <span key={state} className="flex items-center gap-1" data-kind={state}>
          <SeatSwatch kind={state} /> {t(`status.${state}`)}
        </span>
      ))}
    </section>
  );
}
