"use client";
// A console page (admin or organizer) that failed to load: say so under the sub-navigation and
// offer to try again. Retrying refreshes the server components as well, since that is where the
// data comes from.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition } from "react";

export function ConsoleError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  const router = useRouter();
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-white p-8 text-center">
      <h1 className="text-xl font-bold">{t("pageTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("page")}</p>
      <button
        type="button"
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
        className="mt-4 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        {t("retry")}
      </button>
    </div>
  );
}
