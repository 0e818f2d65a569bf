"use client";
// Queues a FAILED message again; the page then shows it QUEUED.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";

export function RetryMailButton({ mailId }: { mailId: string }) {
  const t = useTranslations("admin.mail");
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useMutation(
    trpc.admin.mail.retry.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  return (
    <>
      <button
        type="button"
        disabled={retry.isPending}
        onClick={() => retry.mutate({ mailId })}
        className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {retry.isPending ? t("retrying") : t("retry")}
      </button>
      {retry.error && (
        <span role="alert" className="text-xs text-red-800">
          {t("retryFailed", { message: retry.error.message })}
        </span>
      )}
    </>
  );
}
