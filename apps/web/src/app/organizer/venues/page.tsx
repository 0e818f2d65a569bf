// The organizer's venues, with how big they are and how many events use them.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "~/components/ui/empty-state";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { primaryButton } from "~/components/ui/styles";
import { getServerApi } from "~/trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("venues.title") };
}

export default async function VenuesPage() {
  const api = await getServerApi();
  const [t, venues] = await Promise.all([
    getTranslations("organizer.venues"),
    api.organizer.venues.list(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <Link href="/organizer/venues/new" className={primaryButton}>
          {t("new")}
        </Link>
      </header>
      {venues.length === 0 ? (
        <EmptyState title={t("empty")} hint={t("emptyHint")} />
      ) : (
        <StackedTable
          label={t("title")}
          testId="organizer-venues"
          columns={[
            { label: t("columns.venue") },
            { label: t("columns.sections"), numeric: true },
            { label: t("columns.seats"), numeric: true },
            { label: t("columns.events"), numeric: true },
          ]}
        >
          {venues.map((venue) => (
            <StackedRow key={venue.id}>
              <StackedCell className="font-medium">
                <Link
                  href={`/organizer/venues/${venue.id}`}
                  className="text-brand-700 hover:underline"
                >
                  {venue.name}
                </Link>
                <span className="block text-xs font-normal text-slate-500">
                  {venue.city} · {venue.address}
                </span>
              </StackedCell>
              <StackedCell label={t("columns.sections")} numeric>
                {venue.sectionCount}
              </StackedCell>
              <StackedCell label={t("columns.seats")} numeric>
                {venue.seatCount}
              </StackedCell>
              <StackedCell label={t("columns.events")} numeric>
                {venue.eventCount}
              </StackedCell>
            </StackedRow>
          ))}
        </StackedTable>
      )}
    </div>
  );
}
