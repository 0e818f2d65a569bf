"use client";
// A new event at one of the organizer's venues: it is created as a draft, with its price tiers
// and which tier each section of the venue sells at, and then opened for a last look before
// publishing.
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { card, fieldInput, fieldLabel, primaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { CurrencySelect } from "./currency-select";
import { EventFields, readEventFields } from "./event-fields";
import { MutationError } from "./mutation-error";
import { PriceTiersEditor, type TierDraft, tierPrices } from "./price-tiers-editor";

export function CreateEventForm({
  venues,
}: {
  venues: { id: string; name: string; city: string; timeZone: string; seatCount: number }[];
}) {
  const t = useTranslations("organizer.eventForm");
  const trpc = useTRPC();
  const router = useRouter();
  const [venueId, setVenueId] = useState(venues[0]?.id ?? "");
  const [currency, setCurrency] = useState("TWD");
  const [tiers, setTiers] = useState<TierDraft[]>([
    { key: "first", name: t("defaultTier"), price: "1000" },
  ]);
  const [sectionTier, setSectionTier] = useState<Record<string, string>>({});
  const venue = venues.find((candidate) => candidate.id === venueId);
  const timeZone = venue?.timeZone ?? "Asia/Taipei";
  const layout = useQuery({
    ...trpc.organizer.venues.byId.queryOptions({ venueId }),
    enabled: Boolean(venueId),
  });
  const sections = (layout.data?.sections ?? []).filter((section) => section.seats.length > 0);
  const tierNames = tiers.map((tier) => tier.name.trim()).filter(Boolean);
  const create = useMutation(
    trpc.organizer.events.create.mutationOptions({
      onSuccess: (event) => router.push(`/organizer/events/${event.id}`),
    }),
  );

  if (venues.length === 0) {
    return (
      <p className={`${card} text-sm text-slate-700`}>
        {t("noVenues")}{" "}
        <Link href="/organizer/venues/new" className="font-medium text-brand-700 hover:underline">
          {t("createVenue")}
        </Link>
      </p>
    );
  }
  return (
    <form
      className={`${card} flex flex-col gap-5`}
      onSubmit={(event) => {
        event.preventDefault();
        const fields = readEventFields(new FormData(event.currentTarget), timeZone);
        create.mutate({
          ...fields,
          venueId,
          currency,
          priceTiers: tierPrices(tiers, currency).map(({ name, price }) => ({ name, price })),
          sectionTiers: sections.map((section) => ({
            sectionId: section.id,
            tier: tierNames.includes(sectionTier[section.id] ?? "")
              ? (sectionTier[section.id] ?? "")
              : (tierNames[0] ?? ""),
          })),
        });
      }}
    >
      <label className={fieldLabel}>
        {t("venue")}
        <select
          name="venueId"
          value={venueId}
          onChange={(event) => setVenueId(event.target.value)}
          className={fieldInput}
        >
          {venues.map((option) => (
            <option key={option.id} value={option.id}>
              {t("venueOption", { name: option.name, city: option.city, seats: option.seatCount })}
            </option>
          ))}
        </select>
      </label>
      <EventFields timeZone={timeZone} />
      <div className="grid gap-4 sm:grid-cols-2">
        <CurrencySelect value={currency} onChange={setCurrency} />
      </div>
      <PriceTiersEditor tiers={tiers} onChange={setTiers} currency={currency} />
      {sections.length > 0 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-semibold text-slate-800">{t("sectionTiers")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {sections.map((section) => (
              <label key={section.id} className={fieldLabel}>
                {t("sectionTier", { section: section.name, seats: section.seats.length })}
                <select
                  value={
                    tierNames.includes(sectionTier[section.id] ?? "")
                      ? sectionTier[section.id]
                      : tierNames[0]
                  }
                  onChange={(event) =>
                    setSectionTier((current) => ({
                      ...current,
                      [section.id]: event.target.value,
                    }))
                  }
                  className={fieldInput}
                >
                  {tierNames.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {layout.data && sections.length === 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("venueHasNoSeats")}
        </p>
      )}
      <MutationError error={create.error} />
      <div>
        <button type="submit" disabled={create.isPending} className={primaryButton}>
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
