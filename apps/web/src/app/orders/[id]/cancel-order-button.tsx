"use client";
// Cancelling asks first, showing the refund the buyer will get.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { v4 as uuidv4 } from "uuid";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";

export function CancelOrderButton({
  orderId,
  refundLabel,
}: {
  orderId: string;
  refundLabel: string;
}) {
  const t = useTranslations("orders");
  const apiMessage = useApiMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [key] = useState(() => uuidv4());
  const cancel = useMutation(
    trpc.order.cancel.mutationOptions({
      onSuccess: () => {
        dialog.current?.close();
        router.refresh();
      },
    }),
  );
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="self-start rounded-md border border-red-300 bg-white px-4 py-2 font-medium text-red-700 hover:bg-red-50"
      >
        {t("cancel")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="cancel-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id="cancel-title" className="text-lg font-semibold">
          {t("cancelTitle")}
        </h2>
        <p className="mt-2 text-slate-700">{t("cancelExplain", { amount: refundLabel })}</p>
        {cancel.error && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 p-2 text-sm text-red-800">
            {t("cancelFailed", { message: apiMessage(cancel.error.message) })}
          </p>
        )}
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded-md px-4 py-2 text-slate-700 hover:bg-slate-100"
          >
            {t("cancelKeep")}
          </button>
          <button
            type="button"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ orderId, idempotencyKey: key })}
            className="rounded-md bg-red-600 px-4 py-2 font-medium text-white hover:bg-red-700 disabled:opacity-60"
          >
            {cancel.isPending ? t("cancelling") : t("cancelConfirm", { amount: refundLabel })}
          </button>
        </div>
      </dialog>
    </>
  );
}
