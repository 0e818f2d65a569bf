// The organizer's events compared (R13): utilisation as a chart, every event's figures in a
// table, and totals per currency.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ComparisonChart } from "~/components/organizer/comparison-chart";
import { OrganizerEventStatus } from "~/components/organizer/event-status-badge";
import { EmptyState } from "~/components/ui/empty-state";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { formatMoney } from "~/format/money";
import { getServerApi } from "~/trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("comparison.title") };
}

export default async function OrganizerAnalyticsPage() {
  const api = await getServerApi();
  const [t, tStatus, format, locale, comparison] = await Promise.all([
    getTranslations("organizer.comparison"),
    getTranslations("organizer.status"),
    getFormatter(),
    getLocale(),
    api.organizer.comparison(),
  ]);
  const percent = (value: number | null) =>
    value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const published = comparison.events.filter((event) => event.status === "PUBLISHED");
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </header>
      {comparison.events.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <>
          {comparison.totals.map((total) => (
            <p
              key={total.currency}
              className="text-sm text-slate-700"
              data-testid="comparison-total"
            >
              {t("totals", {
                events: total.events,
                sold: total.ticketsSold,
                net: formatMoney(total.net, total.currency, locale),
                utilisation: percent(total.utilisation),
              })}
            </p>
          ))}
          {published.length > 0 && (
            <section
              data-testid="chart-comparison"
              className="rounded-xl border border-slate-200 bg-white p-3"
            >
              <h2 className="mb-2 font-semibold">{t("chart")}</h2>
              <ComparisonChart
                label={t("chart")}
                locale={locale}
                name={t("utilisation")}
                points={published.map((event) => ({
                  label: event.title.length > 24 ? `${event.title.slice(0, 23)}…` : event.title,
                  utilisation: Math.round((event.utilisation ?? 0) * 1000) / 10,
                }))}
              />
            </section>
          )}
          <StackedTable
            label={t("title")}
            testId="comparison-events"
            columns={[
              { label: t("event") },
              { label: t("status") },
              { label: t("sold"), numeric: true },
              { label: t("utilisation"), numeric: true },
              { label: t("attendance"), numeric: true },
              { label: t("net"), numeric: true },
            ]}
          >
            {comparison.events.map((event) => (
              <StackedRow key={event.id}>
                <StackedCell className="font-medium">
                  <Link
                    href={`/organizer/events/${event.id}/analytics`}
                    className="text-brand-700 hover:underline"
                  >
                    {event.title}
                  </Link>
                  <span className="block text-xs font-normal text-slate-500">
                    {event.venue.name} ·{" "}
                    {format.dateTime(event.startsAt, {
                      dateStyle: "medium",
                      timeZone: "Asia/Taipei",
                    })}
                  </span>
                </StackedCell>
                <StackedCell label={t("status")}>
                  <OrganizerEventStatus status={event.status} label={tStatus(event.status)} />
                </StackedCell>
                <StackedCell label={t("sold")} numeric>
                  {format.number(event.ticketsSold)} / {format.number(event.sellable)}
                </StackedCell>
                <StackedCell label={t("utilisation")} numeric>
                  {percent(event.utilisation)}
                </StackedCell>
                <StackedCell label={t("attendance")} numeric>
                  {percent(event.attendanceRate)}
                </StackedCell>
                <StackedCell label={t("net")} numeric>
                  {formatMoney(event.net, event.currency, locale)}
                </StackedCell>
              </StackedRow>
            ))}
          </StackedTable>
        </>
      )}
    </div>
  );
}
