// The all-events page's filters, sort and page, read from and written to the URL.
import type { RouterInputs, RouterOutputs } from "@openticket/api";
import { hrefWith, oneOf, param, type SearchParams } from "./search-params";

type EventsInput = Exclude<RouterInputs["admin"]["events"], void>;

/** An event's status as the admin console derives it (draft, on sale, sold out, past, …). */
export type AdminEventStatus = RouterOutputs["admin"]["events"]["items"][number]["status"];

// A record rather than a list, so that a status the api adds cannot be left out of the filter.
const OFFERED: Record<AdminEventStatus, true> = {
  DRAFT: true,
  PUBLISHED: true,
  ON_SALE: true,
  SOLD_OUT: true,
  SALES_CLOSED: true,
  CANCELLED: true,
  PAST: true,
};

/** Every derived status, in the order the filter offers them. */
export const ADMIN_EVENT_STATUSES = Object.keys(OFFERED) as AdminEventStatus[];

/** The sort choices offered, each one the api's sort key and direction. */
export const EVENT_SORTS = {
  startsAt: { sort: "startsAt", direction: "desc" },
  "startsAt-asc": { sort: "startsAt", direction: "asc" },
  title: { sort: "title", direction: "asc" },
  "title-desc": { sort: "title", direction: "desc" },
  createdAt: { sort: "createdAt", direction: "desc" },
  sold: { sort: "sold", direction: "desc" },
  "sold-asc": { sort: "sold", direction: "asc" },
} as const satisfies Record<string, Pick<EventsInput, "sort" | "direction">>;

export type EventSort = keyof typeof EVENT_SORTS;
export const EVENT_SORT_KEYS = Object.keys(EVENT_SORTS) as EventSort[];

export type AdminEventsQuery = {
  q?: string;
  status?: AdminEventStatus;
  city?: string;
  sort: EventSort;
  page: number;
};

export const EVENTS_PER_PAGE = 20;

export function eventsQueryFromUrl(params: SearchParams): AdminEventsQuery {
  const page = Number(param(params, "page"));
  return {
    q: param(params, "q"),
    status: oneOf(params, "status", ADMIN_EVENT_STATUSES),
    city: param(params, "city", 80),
    sort: oneOf(params, "sort", EVENT_SORT_KEYS) ?? "startsAt",
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export function toEventsInput(query: AdminEventsQuery): EventsInput {
  return {
    q: query.q,
    status: query.status,
    city: query.city,
    ...EVENT_SORTS[query.sort],
    page: query.page,
    limit: EVENTS_PER_PAGE,
  };
}

export function eventsHref(query: AdminEventsQuery, page = query.page) {
  return hrefWith("/admin", {
    q: query.q,
    status: query.status,
    city: query.city,
    sort: query.sort === "startsAt" ? undefined : query.sort,
    page: page === 1 ? undefined : page,
  });
}
