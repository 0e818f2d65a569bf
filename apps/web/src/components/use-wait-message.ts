"use client";
// The kind answer to a rate-limit refusal (TOO_MANY_REQUESTS): how long to wait, in the
// visitor's language, in seconds under a minute and a half and in minutes above.
import { useTranslations } from "next-intl";

export function useWaitMessage() {
  const t = useTranslations("errors");
  return (retryAfterSeconds: number | undefined) => {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds ?? 60));
    return seconds < 90
      ? t("tooManySeconds", { count: seconds })
      : t("tooManyMinutes", { count: Math.ceil(seconds / 60) });
  };
}
