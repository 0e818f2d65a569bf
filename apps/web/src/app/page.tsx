// Home: the published upcoming events, filtered by what the URL says (R3).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventCard } from "~/components/event-card";
import { EventFilters } from "~/components/event-filters";
import { getServerApi } from "~/trpc/server";
import { eventFiltersFromUrl, filtersToQuery, toListInput } from "~/url/event-filters";
import type { SearchParams } from "~/url/search-params";

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const filters = eventFiltersFromUrl(await searchParams);
  const api = await getServerApi();
  const [t, page, cities] = await Promise.all([
    getTranslations("events"),
    api.event.list(toListInput(filters)),
    api.event.cities(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
      <EventFilters filters={filters} cities={cities} />
      {page.items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">{t("empty")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("emptyHint")}</p>
        </div>
      ) : (
        <>
          <p className="sr-only" aria-live="polite">
            {t("count", { count: page.items.length })}
          </p>
          <ul
            data-testid="event-list"
            className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3"
          >
            {page.items.map((event) => (
              <EventCard key={event.id} event={event} />
            ))}
          </ul>
        </>
      )}
      <nav aria-label="Pagination" className="flex justify-between text-sm">
        {filters.cursor ? (
          <Link
            href={filtersToQuery({ ...filters, cursor: undefined })}
            className="text-brand-700 hover:underline"
          >
            {t("firstPage")}
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link
            href={filtersToQuery(filters, page.nextCursor)}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:border-brand-600"
          >
            {t("nextPage")}
          </Link>
        )}
      </nav>
    </div>
  );
}
