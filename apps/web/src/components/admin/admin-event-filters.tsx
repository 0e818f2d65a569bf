// The all-events page's filters and sort, as a GET form.
import { getTranslations } from "next-intl/server";
import { FilterForm, filterField, filterInput } from "~/components/ui/filter-form";
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
      <label className={filterField}>
        {t("events.search")}
        <input
          type="search"
          name="q"
          defaultValue={query.q}
          placeholder={t("events.searchPlaceholder")}
          maxLength={100}
          className={filterInput}
        />
      </label>
      <label className={filterField}>
        {t("events.status")}
        <select name="status" defaultValue={query.status ?? ""} className={filterInput}>
          <option value="">{t("events.anyStatus")}</option>
          {ADMIN_EVENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={filterField}>
        {t("events.city")}
        <input
          name="city"
          list="admin-event-cities"
          defaultValue={query.city}
          placeholder={t("events.anyCity")}
          maxLength={80}
          className={filterInput}
        />
        <datalist id="admin-event-cities">
          {cities.map((city) => (
            <option key={city} value={city} />
          ))}
        </datalist>
      </label>
      <label className={filterField}>
        {t("events.sort")}
        <select name="sort" defaultValue={query.sort} className={filterInput}>
          {EVENT_SORT_KEYS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`events.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </label>
    </FilterForm>
  );
}
