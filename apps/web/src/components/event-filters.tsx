// The event list's filters: a plain GET form, so a filtered list is a URL that can be shared
// and works before any JavaScript loads.
import { EventCategory } from "@openticket/db/enums";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { EventFilters as Filters } from "~/url/event-filters";

export async function EventFilters({ filters, cities }: { filters: Filters; cities: string[] }) {
  const t = await getTranslations("events");
  const tCategory = await getTranslations("categories");
  const field = "flex flex-col gap-1 text-sm font-medium text-slate-700";
  const input =
    "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-normal text-slate-900";
  return (
    <form
      method="get"
      action="/"
      aria-label={t("filters")}
      className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
    >
      <label className={`${field} lg:col-span-2`}>
        {t("search")}
        <input
          type="search"
          name="q"
          defaultValue={filters.q}
          placeholder={t("searchPlaceholder")}
          className={input}
        />
      </label>
      <label className={field}>
        {t("category")}
        <select name="category" defaultValue={filters.category ?? ""} className={input}>
          <option value="">{t("anyCategory")}</option>
          {Object.values(EventCategory).map((category) => (
            <option key={category} value={category}>
              {tCategory(category)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t("city")}
        <select name="city" defaultValue={filters.city ?? ""} className={input}>
          <option value="">{t("anyCity")}</option>
          {cities.map((city) => (
            <option key={city} value={city}>
              {city}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t("from")}
        <input type="date" name="from" defaultValue={filters.fromDay} className={input} />
      </label>
      <label className={field}>
        {t("to")}
        <input type="date" name="to" defaultValue={filters.toDay} className={input} />
      </label>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t("apply")}
        </button>
        <Link href="/" className="rounded-md px-3 py-2 text-sm text-slate-600 hover:text-brand-700">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
