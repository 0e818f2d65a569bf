// Reads the event list's filters from the URL, dropping anything malformed rather than failing.
// Dates are calendar days in Asia/Taipei, where the events happen.
import { EventCategory } from "@openticket/db/enums";
import { uuidOrUndefined } from "~/url/uuid";

export type EventFilters = {
  q?: string;
  category?: EventCategory;
  city?: string;
  fromDay?: string;
  toDay?: string;
  cursor?: string;
};

type SearchParams = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function eventFiltersFromUrl(params: SearchParams): EventFilters {
  const one = (key: string) => {
    const value = params[key];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    return text ? text : undefined;
  };
  const category = one("category");
  const fromDay = one("from");
  const toDay = one("to");
  const cursor = one("cursor");
  return {
    q: one("q")?.slice(0, 100),
    category: category && category in EventCategory ? (category as EventCategory) : undefined,
    city: one("city")?.slice(0, 80),
    fromDay: fromDay && DAY.test(fromDay) ? fromDay : undefined,
    toDay: toDay && DAY.test(toDay) ? toDay : undefined,
    cursor: uuidOrUndefined(cursor),
  };
}

/** The start of a calendar day in Taipei (UTC+8 all year). */
export function taipeiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export function toListInput(filters: EventFilters) {
  const from = filters.fromDay ? taipeiDayStart(filters.fromDay) : undefined;
  let to = filters.toDay
    ? new Date(taipeiDayStart(filters.toDay).getTime() + 24 * 3600_000)
    : undefined;
  if (from && to && to <= from) to = undefined;
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
