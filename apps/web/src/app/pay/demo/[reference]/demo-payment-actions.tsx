"use client";
// What the buyer does on the demo payment page. Whatever they choose, the provider then sends
// them back to OpenTicket's return URL (their order), as a real provider does.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";

/** How long after "Pay with 3-D Secure" the confirmation arrives: the buyer is back first. */
const THREE_D_SECURE_DELAY_MS = 4000;

export function DemoPaymentActions({
  reference,
  payLabel,
}: {
  reference: string;
  payLabel: string;
}) {
  const t = useTranslations("payDemo");
  const apiMessage = useApiMessage();
  const trpc = useTRPC();
  const [leaving, setLeaving] = useState(false);
  const backToMerchant = {
    onSuccess: (payment: { returnUrl: string }) => {
      setLeaving(true);
      window.location.assign(payment.returnUrl);
    },
  };
  const approve = useMutation(trpc.demoPayment.approve.mutationOptions(backToMerchant));
  const decline = useMutation(trpc.demoPayment.decline.mutationOptions(backToMerchant));
  const cancel = useMutation(trpc.demoPayment.cancel.mutationOptions(backToMerchant));
  const busy = leaving || approve.isPending || decline.isPending || cancel.isPending;
  const error = approve.error ?? decline.error ?? cancel.error;
  const threeDSecure = approve.variables?.confirmAfterMs !== undefined;

  return (
    <div className="flex flex-col gap-3">
      {error && !busy && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t("failed", { message: apiMessage(error.message) })}
        </p>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={() => approve.mutate({ reference })}
        className="rounded-md bg-violet-700 px-4 py-3 font-semibold text-white hover:bg-violet-800 disabled:opacity-60"
      >
        {(approve.isPending || approve.isSuccess) && !threeDSecure ? t("working") : payLabel}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => approve.mutate({ reference, confirmAfterMs: THREE_D_SECURE_DELAY_MS })}
        aria-describedby="demo-pay-3ds-hint"
        className="rounded-md border border-violet-300 bg-white px-4 py-2 font-medium text-violet-800 hover:bg-violet-50 disabled:opacity-60"
      >
        {(approve.isPending || approve.isSuccess) && threeDSecure ? t("working") : t("pay3ds")}
      </button>
      <p id="demo-pay-3ds-hint" className="-mt-1 text-xs text-zinc-500">
        {t("pay3dsHint")}
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() => decline.mutate({ reference })}
        className="rounded-md border border-zinc-300 bg-white px-4 py-2 font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        {decline.isPending || decline.isSuccess ? t("working") : t("decline")}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => cancel.mutate({ reference })}
        className="self-center px-4 py-2 text-sm text-zinc-600 underline-offset-2 hover:underline disabled:opacity-60"
      >
        {cancel.isPending || cancel.isSuccess ? t("working") : t("cancel")}
      </button>
    </div>
  );
}
