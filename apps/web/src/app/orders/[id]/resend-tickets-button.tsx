"use client";
// "Send my tickets again": queues the order confirmation for the buyer's address once more. One
// key per page view, so a double click or a retried request sends one message.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { v4 as uuidv4 } from "uuid";
import { useTRPC } from "~/trpc/react";

export function ResendTicketsButton({ orderId }: { orderId: string }) {
  const t = useTranslations("orders");
  const trpc = useTRPC();
  const [key] = useState(() => uuidv4());
  const resend = useMutation(trpc.order.resendTickets.mutationOptions());
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        disabled={resend.isPending || resend.isSuccess}
        onClick={() => resend.mutate({ orderId, idempotencyKey: key })}
        className="self-start rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {resend.isPending ? t("resendSending") : t("resendTickets")}
      </button>
      {resend.isSuccess && (
        <p role="status" className="text-sm text-emerald-800">
          {t("resendDone")}
        </p>
      )}
      {resend.error && (
        <p role="alert" className="text-sm text-red-800">
          {t("resendFailed", { message: resend.error.message })}
        </p>
      )}
    </div>
  );
}
