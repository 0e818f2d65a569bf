"use client";
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div
      role="alert"
      className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center"
    >
      <h1 className="text-xl font-bold">{t("errorTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("error")}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-brand-600 px-4 py-2 font-medium text-white"
      >
        {t("retry")}
      </button>
    </div>
  );
}
