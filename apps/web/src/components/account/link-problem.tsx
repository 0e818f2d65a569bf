"use client";
// What a person sees when a one-time link from an e-mail cannot be used (forged, used, expired),
// with the way to get a new one. Nothing was changed when this shows.
import Link from "next/link";
import { useTranslations } from "next-intl";

/** The sentence for a refused link's reason, or null when the refusal was about something else. */
export function useLinkProblem(reason: string | undefined): string | null {
  const t = useTranslations("account");
  if (reason === "TOKEN_INVALID") return t("tokenInvalid");
  if (reason === "TOKEN_USED") return t("tokenUsed");
  if (reason === "TOKEN_EXPIRED") return t("tokenExpired");
  return null;
}

export function LinkProblem({
  message,
  retryHref,
  retryLabel,
}: {
  message: string;
  retryHref: string;
  retryLabel: string;
}) {
  return (
    <div
      data-testid="link-problem"
      className="flex flex-col gap-4 rounded-xl border border-amber-200 bg-amber-50 p-6"
    >
      <p role="alert" className="text-sm text-amber-950">
        {message}
      </p>
      <Link
        href={retryHref}
        className="self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        {retryLabel}
      </Link>
    </div>
  );
}
