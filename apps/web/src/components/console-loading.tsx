// While a console page loads: its place held by a skeleton of a table of `rows` rows, under the
// console's tabs (which the layout has already drawn).
import { getTranslations } from "next-intl/server";

export async function ConsoleLoading({
  namespace,
  rows,
}: {
  /** Whose `loading` message the screen reader hears. */
  namespace: "admin" | "organizer";
  rows: number;
}) {
  const t = await getTranslations(namespace);
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden className="h-8 w-48 animate-pulse rounded-md bg-slate-200" />
      <div aria-hidden className="h-24 animate-pulse rounded-xl bg-slate-200/70" />
      <div
        aria-hidden
        className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4"
      >
        {Array.from({ length: rows }, (_, row) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: skeleton rows have no identity but their place
          <div key={row} className="h-6 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
