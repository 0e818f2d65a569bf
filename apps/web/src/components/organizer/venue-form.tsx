"use client";
// Creates a venue and opens it, where its layout is built.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormField } from "~/components/form-field";
import { card, primaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { MutationError } from "./mutation-error";

export function VenueForm() {
  const t = useTranslations("organizer.venueForm");
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.organizer.venues.create.mutationOptions({
      onSuccess: (venue) => router.push(`/organizer/venues/${venue.id}`),
    }),
  );
  return (
    <form
      className={`${card} flex flex-col gap-4`}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        create.mutate({
          name: String(form.get("name")),
          city: String(form.get("city")),
          address: String(form.get("address")),
          timeZone: String(form.get("timeZone")),
        });
      }}
    >
      <FormField label={t("name")} name="name" required maxLength={120} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("city")} name="city" required maxLength={80} />
        <FormField
          label={t("timeZone")}
          name="timeZone"
          required
          defaultValue="Asia/Taipei"
          hint={t("timeZoneHint")}
        />
      </div>
      <FormField label={t("address")} name="address" required maxLength={300} />
      <MutationError error={create.error} />
      <div>
        <button type="submit" disabled={create.isPending} className={primaryButton}>
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
