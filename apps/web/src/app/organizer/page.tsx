// The organizer's dashboard (R8): their events, latest first, with what each has sold, and the
// ways in to a new event and to the venues.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OrganizerEventStatus } from "~/components/organizer/event-status-badge";
import { EmptyState } from "~/components/ui/empty-state";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { primaryButton, secondaryButton } from "~/components/ui/styles";
import { formatMoney } from "~/format/money";
import { getServerApi } from "~/trpc/server";
import { hrefWith, param, type SearchParams } from "~/url/search-params";
import { uuidOrUndefined } from "~/url/uuid";

export async function generateMetadata() {
  // Not just "My events": that is the attendee's page of the events they went to.
  const t = await getTranslations("organizer");
  return { title: `${t("dashboard.title")} · ${t("console")}` };
}

export default async function OrganizerDashboardPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const cursor = uuidOrUndefined(param(await searchParams, "cursor"));
  const api = await getServerApi();
  const [t, tStatus, format, locale, result] = await Promise.all([
    getTranslations("organizer.dashboard"),
    getTranslations("organizer.status"),
    getFormatter(),
    getLocale(),
    api.organizer.events.list({ cursor, limit: 25 }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <div className="flex gap-2">
          <Link href="/organizer/venues" className={secondaryButton}>
            {t("venues")}
          </Link>
          <Link href="/organizer/events/new" className={primaryButton}>
            {t("newEvent")}
          </Link>
        </div>
      </header>
      {result.items.length === 0 ? (
        <EmptyState title={t("empty")} hint={t("emptyHint")} />
      ) : (
        <StackedTable
          label={t("title")}
          testId="organizer-events"
          columns={[
            { label: t("columns.event") },
            { label: t("columns.status") },
            { label: t("columns.date") },
            { label: t("columns.sold"), numeric: true },
            { label: t("columns.net"), numeric: true },
          ]}
        >
          {result.items.map((event) => (
            <StackedRow key={event.id} testId="organizer-event-row">
              <StackedCell className="font-medium">
                <Link
                  href={`/organizer/events/${event.id}`}
                  className="text-brand-700 hover:underline"
                >
                  {event.title}
                </Link>
                <span className="block text-xs font-normal text-slate-500">
                  {event.venue.name} · {event.venue.city}
                </span>
              </StackedCell>
              <StackedCell label={t("columns.status")}>
                <OrganizerEventStatus status={event.status} label={tStatus(event.status)} />
              </StackedCell>
              <StackedCell label={t("columns.date")}>
                <time dateTime={event.startsAt.toISOString()}>
                  {format.dateTime(event.startsAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: event.venue.timeZone,
                  })}
                </time>
              </StackedCell>
              <StackedCell label={t("columns.sold")} numeric>
                {t("soldOf", {
                  sold: event.figures.sold,
                  sellable: event.figures.sellable,
                })}
              </StackedCell>
              <StackedCell label={t("columns.net")} numeric>
                {formatMoney(event.figures.net, event.currency, locale)}
              </StackedCell>
            </StackedRow>
          ))}
        </StackedTable>
      )}
      {(cursor || result.nextCursor) && (
        <nav aria-label={t("pagination")} className="flex justify-between text-sm">
          {cursor ? (
            <Link href="/organizer" className="py-2 text-brand-700 hover:underline">
              {t("first")}
            </Link>
          ) : (
            <span />
          )}
          {result.nextCursor && (
            <Link
              href={hrefWith("/organizer", { cursor: result.nextCursor })}
              className={secondaryButton}
            >
              {t("more")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
