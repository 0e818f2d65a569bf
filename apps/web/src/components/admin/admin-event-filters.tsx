// The all-events page's filters and sort, as a GET form.
import { getTranslations } from "next-intl/server";
import { FilterForm, FilterSelect, FilterText } from "~/components/ui/filter-form";
import {
  ADMIN_EVENT_STATUSES,
  type AdminEventsQuery,
  EVENT_SORT_KEYS,
} from "~/url/admin-events-query";

export async function AdminEventFilters({
  query,
  cities,
}: {
  query: AdminEventsQuery;
  cities: string[];
}) {
  const t = await getTranslations("admin");
  return (
    <FilterForm action="/admin" label={t("events.filters")}>
      <FilterText
        label={t("events.search")}
        name="q"
        type="search"
        value={query.q}
        placeholder={t("events.searchPlaceholder")}
        maxLength={100}
      />
      <FilterSelect
        label={t("events.status")}
        name="status"
        value={query.status}
        any={t("events.anyStatus")}
        options={ADMIN_EVENT_STATUSES.map((status) => ({
          value: status,
          label: t(`status.${status}`),
        }))}
      />
      <FilterText
        label={t("events.city")}
        name="city"
        value={query.city}
        placeholder={t("events.anyCity")}
        maxLength={80}
        suggestions={cities}
      />
      <FilterSelect
        label={t("events.sort")}
        name="sort"
        // The usual order is no parameter at all, as in the list's own links.
        value={query.sort === "startsAt" ? undefined : query.sort}
        options={EVENT_SORT_KEYS.map((sort) => ({
          value: sort === "startsAt" ? "" : sort,
          label: t(`events.sorts.${sort}`),
        }))}
      />
    </FilterForm>
  );
}
