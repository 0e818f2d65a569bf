"use client";
// The event list's filters: a GET form, so a filtered list is a URL that can be shared and works
// before any JavaScript loads. With JavaScript, Apply writes only the fields that are set (no
// `?q=&city=`) and refuses a date range that ends before it starts, saying so on the field.
// The form is keyed by its URL, so Clear (or Back) shows the fields the URL now has rather
// than what was last typed, and the next Apply cannot bring old choices back.
import { EventCategory } from "@openticket/db/enums";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { cityName } from "~/i18n/city-name";
import {
  eventFiltersFromUrl,
  type EventFilters as Filters,
  filtersToQuery,
  isInvertedRange,
} from "~/url/event-filters";

const field = "flex flex-col gap-1 text-sm font-medium text-slate-700";
const input =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-normal text-slate-900 aria-invalid:border-red-500";

export function EventFilters({ filters, cities }: { filters: Filters; cities: string[] }) {
  const url = filtersToQuery({ ...filters, cursor: undefined });
  return <FiltersForm key={url} filters={filters} cities={cities} />;
}

function FiltersForm({ filters, cities }: { filters: Filters; cities: string[] }) {
  const t = useTranslations("events");
  const tCategory = useTranslations("categories");
  const tCity = useTranslations("cities");
  const router = useRouter();
  // A shared or hand-made URL may already carry an inverted range: say so from the start.
  const [inverted, setInverted] = useState(isInvertedRange(filters));

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = eventFiltersFromUrl(
      Object.fromEntries([...form].map(([key, value]) => [key, String(value)])),
    );
    if (isInvertedRange(next)) {
      setInverted(true);
      event.currentTarget.querySelector<HTMLInputElement>('input[name="to"]')?.focus();
      return;
    }
    router.push(filtersToQuery(next));
  }

  return (
    <form
      method="get"
      action="/"
      aria-label={t("filters")}
      onSubmit={apply}
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
              {cityName(tCity, city)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t("from")}
        <input
          type="date"
          name="from"
          defaultValue={filters.fromDay}
          onChange={() => setInverted(false)}
          className={input}
        />
      </label>
      <div className="flex flex-col gap-1">
        <label className={field}>
          {t("to")}
          <input
            type="date"
            name="to"
            defaultValue={filters.toDay}
            onChange={() => setInverted(false)}
            aria-invalid={inverted || undefined}
            aria-describedby={inverted ? "filter-to-error" : undefined}
            className={input}
          />
        </label>
        {inverted && (
          <p id="filter-to-error" role="alert" className="text-xs font-medium text-red-700">
            {t("rangeInverted")}
          </p>
        )}
      </div>
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
