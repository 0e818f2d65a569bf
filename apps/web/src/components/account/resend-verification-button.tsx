"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useWaitMessage } from "~/components/use-wait-message";
import { useTRPC } from "~/trpc/react";

export function ResendVerificationButton() {
  const t = useTranslations("account");
  const tAuth = useTranslations("auth");
  const trpc = useTRPC();
  const waitMessage = useWaitMessage();
  const resend = useMutation(trpc.auth.resendVerification.mutationOptions());
  const error = resend.error;
  const status = resend.isSuccess
    ? t("bannerSent")
    : error?.data?.code === "TOO_MANY_REQUESTS"
      ? waitMessage(error.data.details?.retryAfterSeconds)
      : error?.data?.details?.reason === "ALREADY_VERIFIED"
        ? t("bannerAlreadyVerified")
        : error
          ? tAuth("genericError")
          : null;
  return (
    <span className="flex items-center gap-3">
      <button
        type="button"
        onClick={() => resend.mutate()}
        disabled={resend.isPending}
        className="rounded-md border border-amber-300 bg-white px-3 py-1 font-medium text-amber-950 hover:bg-amber-100 disabled:opacity-60"
      >
        {resend.isPending ? t("bannerSending") : t("bannerResend")}
      </button>
      <span role="status" className="text-amber-900">
        {status}
      </span>
    </span>
  );
}
