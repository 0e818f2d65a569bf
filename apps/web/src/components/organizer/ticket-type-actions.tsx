"use client";
// What the organizer does to one ticket type (organizer.ticketTypes.update / delete): edit every
// field in a fold-out form (a quota never below what is held and sold), or delete it after
// confirming — refused, and said why, while a seat is held or a ticket was sold as it. The list
// is the server's: each change refreshes the page.
import type { RouterOutputs } from "@openticket/api";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { dangerButton, primaryButton, secondaryButton } from "~/components/ui/styles";
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

type TicketType = RouterOutputs["organizer"]["ticketTypes"]["list"][number];

export function TicketTypeActions({
  type,
  currency,
  timeZone,
  tiers,
}: {
  type: TicketType;
  currency: string;
  timeZone: string;
  tiers: TierOption[];
}) {
  const t = useTranslations("organizer.ticketTypes");
  const trpc = useTRPC();
  const router = useRouter();
  const apiMessage = useApiMessage();
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.organizer.ticketTypes.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.organizer.ticketTypes.delete.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: () => setConfirming(false),
    }),
  );
  const errors = fieldErrorsOf(update.error, apiMessage, TICKET_TYPE_FIELD_OF);
  const unplaced = update.error && Object.keys(errors).length === 0;
  const busy = update.isPending || remove.isPending;

  return (
    <div className="flex w-full flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {confirming ? (
          <>
            <span className="text-sm text-slate-700">
              {t("confirmDelete", { name: type.name })}
            </span>
            <button
              type="button"
              disabled={busy}
              onClick={() => remove.mutate({ ticketTypeId: type.id })}
              className={dangerButton}
            >
              {remove.isPending ? t("deleting") : t("deleteConfirm")}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={secondaryButton}>
              {t("keep")}
            </button>
          </>
        ) : (
          <button
            type="button"
            disabled={busy}
            aria-label={t("deleteType", { name: type.name })}
            onClick={() => {
              update.reset();
              remove.reset();
              setConfirming(true);
            }}
            className={dangerButton}
          >
            {t("delete")}
          </button>
        )}
      </div>
      {remove.error && (
        <p role="alert" className="text-xs font-medium text-red-700">
          {apiMessage(remove.error.message)}
        </p>
      )}
      <details className="group">
        <summary
          aria-label={t("editType", { name: type.name })}
          className="cursor-pointer text-sm font-medium text-brand-700 hover:underline"
        >
          {t("edit")}
        </summary>
        <form
          // Remounted with the saved values after each refresh, so the fields show what is stored.
          key={`${type.name}|${type.price}|${type.tierId}|${type.quota}|${type.salesStartAt?.getTime()}|${type.salesEndAt?.getTime()}|${type.note}`}
          noValidate
          className="mt-3 flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
          onSubmit={(submitted) => {
            submitted.preventDefault();
            setSaved(false);
            remove.reset();
            update.mutate({
              ticketTypeId: type.id,
              ...readTicketTypeFields(new FormData(submitted.currentTarget), currency, timeZone),
            });
          }}
        >
          <TicketTypeFields
            idPrefix={`type-${type.id}-`}
            currency={currency}
            timeZone={timeZone}
            tiers={tiers}
            initial={type}
            errors={errors}
          />
          {unplaced && <MutationError error={update.error} />}
          {saved && !update.error && (
            <p role="status" className="text-sm text-green-700">
              {t("saved")}
            </p>
          )}
          <div>
            <button type="submit" disabled={busy} className={primaryButton}>
              {update.isPending ? t("saving") : t("save")}
            </button>
          </div>
        </form>
      </details>
    </div>
  );
}
