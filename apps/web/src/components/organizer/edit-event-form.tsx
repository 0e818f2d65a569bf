"use client";
// Changes the main fields of an event and its price tiers (renamed, re-priced, added). Buyers'
// orders read the event, so they see new dates at once.
import type { RouterOutputs } from "@openticket/api";
import { fromMinorUnits } from "@openticket/db/currencies";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { primaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { CurrencySelect } from "./currency-select";
import { EventFields, readEventFields } from "./event-fields";
import { MutationError } from "./mutation-error";
import { PriceTiersEditor, type TierDraft, tierPrices } from "./price-tiers-editor";

type Event = RouterOutputs["organizer"]["events"]["byId"];

export function EditEventForm({ event }: { event: Event }) {
  const t = useTranslations("organizer.eventForm");
  const trpc = useTRPC();
  const router = useRouter();
  const [currency, setCurrency] = useState(event.currency);
  const [tiers, setTiers] = useState<TierDraft[]>(
    event.priceTiers.map((tier) => ({
      key: tier.id,
      id: tier.id,
      name: tier.name,
      price: fromMinorUnits(tier.price, event.currency),
    })),
  );
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.organizer.events.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  return (
    <form
      aria-label={t("editTitle")}
      className="flex flex-col gap-5"
      onSubmit={(submit) => {
        submit.preventDefault();
        setSaved(false);
        update.mutate({
          eventId: event.id,
          ...readEventFields(new FormData(submit.currentTarget), event.venue.timeZone),
          currency,
          priceTiers: tierPrices(tiers, currency),
        });
      }}
    >
      <EventFields timeZone={event.venue.timeZone} initial={event} />
      <div className="grid gap-4 sm:grid-cols-2">
        <CurrencySelect value={currency} onChange={setCurrency} />
      </div>
      <PriceTiersEditor tiers={tiers} onChange={setTiers} currency={currency} />
      <MutationError error={update.error} />
      {saved && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("saved")}
        </p>
      )}
      <div>
        <button type="submit" disabled={update.isPending} className={primaryButton}>
          {update.isPending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
