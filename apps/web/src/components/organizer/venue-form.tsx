"use client";
// A venue's name, city, address and time zone: a new venue is created and opened, where its
// layout is built; an existing one is saved in place (its events follow a new city). A new room
// without seats (a talk, a workshop) is made with its capacity as one standing zone instead.
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
  const [seated, setSeated] = useState(true);
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
        else if (seated) create.mutate(fields);
        else {
          const capacity = Number(form.get("capacity"));
          create.mutate({ ...fields, standingZone: { name: t("admissionZone"), capacity } });
        }
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
      {!venue && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("seating")}</legend>
          <div className="flex flex-col gap-2 text-sm">
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="seating"
                value="seated"
                defaultChecked
                className="mt-1"
                onChange={() => setSeated(true)}
              />
              {t("seatingLayout")}
            </label>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="seating"
                value="standing"
                className="mt-1"
                onChange={() => setSeated(false)}
              />
              {t("seatingNone")}
            </label>
          </div>
          {!seated && (
            <FormField
              label={t("capacity")}
              name="capacity"
              type="number"
              required
              min={1}
              max={10_000}
              step={1}
              inputMode="numeric"
              hint={t("capacityHint")}
            />
          )}
        </fieldset>
      )}
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
