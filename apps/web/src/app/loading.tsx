import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("errors");
  return (
    <div role="status" className="flex items-center gap-3 py-10 text-slate-600">
      <span
        className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600"
        aria-hidden
      />
      {t("loading")}
    </div>
  );
}
