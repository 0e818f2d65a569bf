// The event list's filters, read from and written to the URL: anything malformed is dropped
// rather than failing the page. Dates are calendar days in Asia/Taipei, where the events happen.
import { EventCategory } from "@openticket/db/enums";
import { param, type SearchParams } from "./search-params";
import { DAY, isInvertedDays, taipeiDays } from "./taipei-days";
import { uuidOrUndefined } from "./uuid";

export type EventFilters = {
  q?: string;
  category?: EventCategory;
  city?: string;
  fromDay?: string;
  toDay?: string;
  cursor?: string;
};

export function eventFiltersFromUrl(params: SearchParams): EventFilters {
  const category = param(params, "category");
  const fromDay = param(params, "from");
  const toDay = param(params, "to");
  return {
    q: param(params, "q"),
    category: category && category in EventCategory ? (category as EventCategory) : undefined,
    city: param(params, "city", 80),
    fromDay: fromDay && DAY.test(fromDay) ? fromDay : undefined,
    toDay: toDay && DAY.test(toDay) ? toDay : undefined,
    cursor: uuidOrUndefined(param(params, "cursor")),
  };
}

/** A range whose last day is before its first, which the api refuses (R3). */
export function isInvertedRange(filters: EventFilters): boolean {
  return isInvertedDays(filters.fromDay, filters.toDay);
}

export function toListInput(filters: EventFilters) {
  const { from, to } = taipeiDays(filters.fromDay, filters.toDay);
  return {
    q: filters.q,
    category: filters.category,
    city: filters.city,
    from,
    to,
    cursor: filters.cursor,
    limit: 12,
  };
}

export function filtersToQuery(filters: EventFilters, cursor?: string) {
  const query = new URLSearchParams();
  if (filters.q) query.set("q", filters.q);
  if (filters.category) query.set("category", filters.category);
  if (filters.city) query.set("city", filters.city);
  if (filters.fromDay) query.set("from", filters.fromDay);
  if (filters.toDay) query.set("to", filters.toDay);
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  return text ? `/?${text}` : "/";
}
