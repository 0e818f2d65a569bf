"use client";
// Changes the main fields of an event and its price tiers (renamed, re-priced, added). Buyers'
// orders read the event, so they see new dates at once.
import type { RouterOutputs } from "@openticket/api";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { primaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { EventFields, readEventFields } from "./event-fields";
import { MutationError } from "./mutation-error";
import { PriceTiersEditor, type TierDraft } from "./price-tiers-editor";

type Event = RouterOutputs["organizer"]["events"]["byId"];

export function EditEventForm({ event }: { event: Event }) {
  const t = useTranslations("organizer.eventForm");
  const trpc = useTRPC();
  const router = useRouter();
  const [tiers, setTiers] = useState<TierDraft[]>(
    event.priceTiers.map((tier) => ({
      key: tier.id,
      id: tier.id,
      name: tier.name,
      price: tier.price,
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
          priceTiers: tiers.map((tier) => ({
            id: tier.id,
            name: tier.name.trim(),
            price: tier.price,
          })),
        });
      }}
    >
      <EventFields timeZone={event.venue.timeZone} initial={event} />
      <PriceTiersEditor tiers={tiers} onChange={setTiers} currency={event.currency} />
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
