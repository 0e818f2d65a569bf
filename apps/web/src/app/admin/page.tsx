// All events (R14): every event on the platform, drafts and cancelled ones included, filtered,
// sorted and paged by what the URL says.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminEventFilters } from "~/components/admin/admin-event-filters";
import { AdminEventsTable } from "~/components/admin/admin-events-table";
import { EmptyState } from "~/components/ui/empty-state";
import { PageNumberPagination } from "~/components/ui/page-number-pagination";
import { getServerApi } from "~/trpc/server";
import { eventsHref, eventsQueryFromUrl, toEventsInput } from "~/url/admin-events-query";
import type { SearchParams } from "~/url/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("events.title") };
}

export default async function AdminEventsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const query = eventsQueryFromUrl(await searchParams);
  const api = await getServerApi();
  const [t, result, cities] = await Promise.all([
    getTranslations("admin"),
    api.admin.events(toEventsInput(query)),
    api.event.cities(),
  ]);
  // A page past the end (an old link, fewer events now): show the last page there is.
  if (result.items.length === 0 && result.pageCount > 0 && query.page > result.pageCount) {
    redirect(eventsHref(query, result.pageCount));
  }
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("events.title")}</h1>
        <p className="text-sm text-slate-600">{t("events.intro")}</p>
      </header>
      <AdminEventFilters query={query} cities={cities} />
      <p className="text-sm text-slate-600" aria-live="polite">
        {t("events.total", { total: result.total })}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title={t("events.empty")} hint={t("events.emptyHint")} />
      ) : (
        <AdminEventsTable events={result.items} />
      )}
      <PageNumberPagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => eventsHref(query, page)}
      />
    </div>
  );
}
