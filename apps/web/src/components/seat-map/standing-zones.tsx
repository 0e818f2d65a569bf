"use client";
// Standing zones (issue 15): a floor or 搖滾區 has places, not seats, so buyers say how many and
// the server holds the lowest free numbers (the entry order) — reservation.holdBestAvailable
// with the zone's sectionId. Listed above the map of a mixed venue; an event with no seats at
// all (a talk) shows only this.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { type BuyerTicketType, TicketTypeSelect } from "./ticket-type-select";

export type StandingZone = {
  section: number;
  name: string;
  free: number;
  /** The price of its free places, written out ("NT$1,800", or a range); empty when sold out. */
  prices: string;
  /** The tier of its free places, and the ticket types they may be held as. */
  tier: { name: string; price: number } | undefined;
  types: BuyerTicketType[];
};

type OnAdd = (section: number, quantity: number, ticketTypeId: string | null) => void;

export function StandingZones({
  zones,
  max,
  pending,
  notice,
  onAdd,
  money,
}: {
  zones: StandingZone[];
  /** How many more places the buyer may hold in this order; 0 disables adding. */
  max: number;
  /** The zone whose request is on its way, if any. */
  pending: number | null;
  /** What the last request came to. */
  notice: string | null;
  onAdd: OnAdd;
  money: (amount: number) => string;
}) {
  const t = useTranslations("seats");
  return (
    <section
      aria-labelledby="standing-title"
      data-testid="standing-zones"
      className="rounded-xl border border-slate-200 bg-white p-4"
    >
      <h2 id="standing-title" className="font-semibold">
        {t("standingTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("standingIntro")}</p>
      {notice && (
        <p
          role="status"
          data-testid="standing-notice"
          className="mt-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900"
        >
          {notice}
        </p>
      )}
      <ul className="mt-2 flex flex-col divide-y divide-slate-100">
        {zones.map((zone) => (
          <ZoneRow
            key={zone.section}
            zone={zone}
            max={max}
            busy={pending !== null}
            pending={pending === zone.section}
            onAdd={onAdd}
            money={money}
          />
        ))}
      </ul>
    </section>
  );
}

function ZoneRow({
  zone,
  max,
  busy,
  pending,
  onAdd,
  money,
}: {
  zone: StandingZone;
  max: number;
  busy: boolean;
  pending: boolean;
  onAdd: OnAdd;
  money: (amount: number) => string;
}) {
  const t = useTranslations("seats");
  const id = useId();
  const most = Math.min(max, zone.free);
  const [wanted, setWanted] = useState(1);
  const [chosenType, setTicketTypeId] = useState<string | null>(null);
  // A type chosen before it left the list (its sale ended, its quota ran out) is no choice now.
  const ticketTypeId = zone.types.some((type) => type.id === chosenType) ? chosenType : null;
  const quantity = Math.max(1, Math.min(wanted, most));
  return (
    <li data-zone={zone.section} className="flex flex-wrap items-center gap-3 py-3">
      <span className="flex min-w-0 basis-full flex-col text-sm sm:basis-0 sm:flex-1">
        <span className="font-medium text-slate-900">{zone.name}</span>
        <span className="text-slate-600">
          {t("placesFree", { count: zone.free })}
          {zone.prices && ` · ${zone.prices}`}
        </span>
      </span>
      <span className="flex items-center gap-2 text-sm">
        <label htmlFor={id} className="text-slate-700">
          {t("places")}
        </label>
        <select
          id={id}
          data-testid="zone-quantity"
          value={quantity}
          disabled={most === 0}
          onChange={(event) => setWanted(Number(event.target.value))}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
        >
          {Array.from({ length: Math.max(most, 1) }, (_, i) => i + 1).map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </select>
      </span>
      {zone.types.length > 0 && zone.tier && (
        <TicketTypeSelect
          types={zone.types}
          tier={zone.tier}
          value={ticketTypeId}
          onChange={setTicketTypeId}
          disabled={busy || most === 0}
          money={money}
          label={t("ticketTypeIn", { zone: zone.name })}
        />
      )}
      <button
        type="button"
        data-testid="zone-add"
        aria-label={t("addPlacesLabel", { count: quantity, zone: zone.name })}
        disabled={busy || most === 0}
        onClick={() => onAdd(zone.section, quantity, ticketTypeId)}
        className="shrink-0 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
      >
        {pending ? t("bestHolding") : t("addPlaces", { count: quantity })}
      </button>
    </li>
  );
}
