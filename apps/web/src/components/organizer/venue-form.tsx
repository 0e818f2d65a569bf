"use client";
// A venue's name, city, address and time zone: a new venue is created and opened, where its
// layout is built; an existing one is saved in place (its events follow a new city).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormField } from "~/components/form-field";
import { card, primaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { MutationError } from "./mutation-error";

type VenueDetails = { id: string; name: string; city: string; address: string; timeZone: string };

export function VenueForm({ venue }: { venue?: VenueDetails }) {
  const t = useTranslations("organizer.venueForm");
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const create = useMutation(
    trpc.organizer.venues.create.mutationOptions({
      onSuccess: (created) => router.push(`/organizer/venues/${created.id}`),
    }),
  );
  const update = useMutation(
    trpc.organizer.venues.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const pending = create.isPending || update.isPending;
  return (
    <form
      aria-label={venue ? t("editTitle") : t("title")}
      className={venue ? "flex flex-col gap-4" : `${card} flex flex-col gap-4`}
      onChange={() => setSaved(false)}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const fields = {
          name: String(form.get("name")),
          city: String(form.get("city")),
          address: String(form.get("address")),
          timeZone: String(form.get("timeZone")),
        };
        if (venue) update.mutate({ venueId: venue.id, ...fields });
        else create.mutate(fields);
      }}
    >
      <FormField
        label={t("name")}
        name="name"
        required
        maxLength={120}
        defaultValue={venue?.name}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("city")}
          name="city"
          required
          maxLength={80}
          defaultValue={venue?.city}
        />
        <FormField
          label={t("timeZone")}
          name="timeZone"
          required
          defaultValue={venue?.timeZone ?? "Asia/Taipei"}
          hint={t("timeZoneHint")}
        />
      </div>
      <FormField
        label={t("address")}
        name="address"
        required
        maxLength={300}
        defaultValue={venue?.address}
      />
      <MutationError error={create.error ?? update.error} />
      {saved && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("saved")}
        </p>
      )}
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {venue
            ? update.isPending
              ? t("saving")
              : t("save")
            : create.isPending
              ? t("creating")
              : t("create")}
        </button>
      </div>
    </form>
  );
}
