// While an organizer page loads: its place held by a skeleton, under the sub-navigation.
import { getTranslations } from "next-intl/server";

export default async function OrganizerLoading() {
  const t = await getTranslations("organizer");
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden className="h-8 w-48 animate-pulse rounded-md bg-slate-200" />
      <div aria-hidden className="h-24 animate-pulse rounded-xl bg-slate-200/70" />
      <div
        aria-hidden
        className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4"
      >
        {[0, 1, 2, 3, 4].map((row) => (
          <div key={row} className="h-6 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
