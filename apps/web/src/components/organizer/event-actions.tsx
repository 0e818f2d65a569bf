"use client";
// What can be done to an event as a whole: publish a draft, delete an event nobody ordered, or
// cancel a published one — which refunds every paid order in full, so it asks first and then
// says what was refunded.
import type { RouterOutputs } from "@openticket/api";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { dangerButton, primaryButton, secondaryButton } from "~/components/ui/styles";
import { formatMoney } from "~/format/money";
import { useTRPC } from "~/trpc/react";
import { MutationError } from "./mutation-error";

type Event = RouterOutputs["organizer"]["events"]["byId"];

export function EventActions({ event }: { event: Event }) {
  const t = useTranslations("organizer.actions");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const cancelDialog = useRef<HTMLDialogElement>(null);
  const deleteDialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const money = (amount: number) => formatMoney(amount, event.currency, locale);

  const publish = useMutation(
    trpc.organizer.events.publish.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const remove = useMutation(
    trpc.organizer.events.delete.mutationOptions({
      onSuccess: () => {
        deleteDialog.current?.close();
        router.push("/organizer");
      },
    }),
  );
  const cancel = useMutation(
    trpc.organizer.events.cancel.mutationOptions({
      onSuccess: () => {
        cancelDialog.current?.close();
        router.refresh();
      },
    }),
  );

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        {event.status === "DRAFT" && (
          <button
            type="button"
            disabled={publish.isPending}
            onClick={() => publish.mutate({ eventId: event.id })}
            className={primaryButton}
          >
            {publish.isPending ? t("working") : t("publish")}
          </button>
        )}
        {event.status === "PUBLISHED" && (
          <button
            type="button"
            onClick={() => {
              cancel.reset();
              cancelDialog.current?.showModal();
            }}
            className={dangerButton}
          >
            {t("cancel")}
          </button>
        )}
        {event.canDelete && (
          <button
            type="button"
            onClick={() => {
              remove.reset();
              deleteDialog.current?.showModal();
            }}
            className={secondaryButton}
          >
            {t("delete")}
          </button>
        )}
      </div>
      {event.status === "DRAFT" && <p className="text-sm text-slate-600">{t("publishHint")}</p>}
      <MutationError error={publish.error} />
      {cancel.data && (
        <p
          role="status"
          data-testid="cancel-result"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          {cancel.data.refundsQueued
            ? t("cancelledRefundsQueued", { orders: cancel.data.ordersStillPaid })
            : t("cancelled", {
                orders: cancel.data.refundedOrders,
                amount: money(cancel.data.refundedAmount),
              })}
          {!cancel.data.refundsQueued &&
            cancel.data.ordersStillPaid > 0 &&
            ` ${t("stillPaid", { count: cancel.data.ordersStillPaid })}`}
        </p>
      )}

      <dialog
        ref={cancelDialog}
        aria-labelledby={`${id}-cancel`}
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-cancel`} className="text-lg font-semibold">
          {t("cancelTitle", { title: event.title })}
        </h2>
        <p className="mt-2 text-slate-700">
          {t("cancelExplain", { orders: event.orderCount, amount: money(event.figures.net) })}
        </p>
        <label className="mt-4 flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("reason")}
          <textarea
            value={reason}
            onChange={(change) => setReason(change.target.value)}
            maxLength={500}
            rows={2}
            className="rounded-md border border-slate-300 px-3 py-2 font-normal"
          />
        </label>
        <div className="mt-3">
          <MutationError error={cancel.error} />
        </div>
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <button
            type="button"
            onClick={() => cancelDialog.current?.close()}
            className="rounded-md px-4 py-2 text-slate-700 hover:bg-slate-100"
          >
            {t("keep")}
          </button>
          <button
            type="button"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ eventId: event.id, reason: reason.trim() || undefined })}
            className="rounded-md bg-red-600 px-4 py-2 font-medium text-white hover:bg-red-700 disabled:opacity-60"
          >
            {cancel.isPending ? t("working") : t("cancelConfirm")}
          </button>
        </div>
      </dialog>

      <dialog
        ref={deleteDialog}
        aria-labelledby={`${id}-delete`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-delete`} className="text-lg font-semibold">
          {t("deleteTitle", { title: event.title })}
        </h2>
        <p className="mt-2 text-slate-700">{t("deleteExplain")}</p>
        <div className="mt-3">
          <MutationError error={remove.error} />
        </div>
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <button
            type="button"
            onClick={() => deleteDialog.current?.close()}
            className="rounded-md px-4 py-2 text-slate-700 hover:bg-slate-100"
          >
            {t("keep")}
          </button>
          <button
            type="button"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ eventId: event.id })}
            className="rounded-md bg-red-600 px-4 py-2 font-medium text-white hover:bg-red-700 disabled:opacity-60"
          >
            {remove.isPending ? t("working") : t("deleteConfirm")}
          </button>
        </div>
      </dialog>
    </div>
  );
}
