"use client";
// A new ticket type for the event (organizer.ticketTypes.create), from the fields every type
// has; the api's refusals (a name the event already uses, a window that ends first) are shown
// next to their field.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { card, primaryButton } from "~/components/ui/styles";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";
import { fieldErrorsOf } from "./field-errors";
import { MutationError } from "./mutation-error";
import {
  readTicketTypeFields,
  TICKET_TYPE_FIELD_OF,
  TicketTypeFields,
  type TierOption,
} from "./ticket-type-fields";

export function CreateTicketTypeForm({
  eventId,
  currency,
  timeZone,
  tiers,
}: {
  eventId: string;
  currency: string;
  timeZone: string;
  tiers: TierOption[];
}) {
  const t = useTranslations("organizer.ticketTypes.form");
  const trpc = useTRPC();
  const router = useRouter();
  const apiMessage = useApiMessage();
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.organizer.ticketTypes.create.mutationOptions({
      onSuccess: (type) => {
        setCreated(type.name);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(create.error, apiMessage, TICKET_TYPE_FIELD_OF);
  const unplaced = create.error && Object.keys(errors).length === 0;

  return (
    <form
      noValidate
      className={`${card} flex flex-col gap-4`}
      onSubmit={(submitted) => {
        submitted.preventDefault();
        const formElement = submitted.currentTarget;
        setCreated(null);
        create.mutate(
          { eventId, ...readTicketTypeFields(new FormData(formElement), currency, timeZone) },
          { onSuccess: () => formElement.reset() },
        );
      }}
    >
      <TicketTypeFields currency={currency} timeZone={timeZone} tiers={tiers} errors={errors} />
      {unplaced && <MutationError error={create.error} />}
      {created && (
        <p role="status" className="text-sm text-green-700">
          {t("created", { name: created })}
        </p>
      )}
      <div>
        <button type="submit" disabled={create.isPending} className={primaryButton}>
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
