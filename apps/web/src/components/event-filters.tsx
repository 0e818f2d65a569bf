// The event list's filters: a plain GET form, so a filtered list is a URL that can be shared
// and works before any JavaScript loads. The fields are the consoles' filter fields; the form is
// wider, with the public list's own strings.
import { EventCategory } from "@openticket/db/enums";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterSelect, FilterText } from "~/components/ui/filter-form";
import type { EventFilters as Filters } from "~/url/event-filters";

export async function EventFilters({ filters, cities }: { filters: Filters; cities: string[] }) {
  const t = await getTranslations("events");
  const tCategory = await getTranslations("categories");
  return (
    <form
      method="get"
      action="/"
      aria-label={t("filters")}
      className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
    >
      <FilterText
        label={t("search")}
        name="q"
        type="search"
        value={filters.q}
        placeholder={t("searchPlaceholder")}
        className="lg:col-span-2"
      />
      <FilterSelect
        label={t("category")}
        name="category"
        value={filters.category}
        any={t("anyCategory")}
        options={Object.values(EventCategory).map((category) => ({
          value: category,
          label: tCategory(category),
        }))}
      />
      <FilterSelect
        label={t("city")}
        name="city"
        value={filters.city}
        any={t("anyCity")}
        options={cities.map((city) => ({ value: city, label: city }))}
      />
      <FilterText label={t("from")} name="from" type="date" value={filters.fromDay} />
      <FilterText label={t("to")} name="to" type="date" value={filters.toDay} />
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
