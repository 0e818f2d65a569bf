// Platform sales (R15): headline figures, money by month and by category (charts drawn on the
// server, no chart JavaScript), every event's figures and a CSV download, for the events
// starting in a period.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DownloadSalesCsvButton } from "~/components/admin/download-sales-csv-button";
import { MoneyByMonthChart, NetByCategoryChart } from "~/components/admin/sales-charts";
import { SalesEventsTable } from "~/components/admin/sales-events-table";
import { SalesFigures } from "~/components/admin/sales-figures";
import { EmptyState } from "~/components/ui/empty-state";
import { FilterForm, FilterText } from "~/components/ui/filter-form";
import { getServerApi } from "~/trpc/server";
import { salesPeriodFromUrl, toSalesInput } from "~/url/admin-sales-period";
import type { SearchParams } from "~/url/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("sales.title") };
}

export default async function AdminSalesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const period = salesPeriodFromUrl(await searchParams);
  const input = toSalesInput(period);
  const api = await getServerApi();
  const [t, tCategory, format, locale, report] = await Promise.all([
    getTranslations("admin.sales"),
    getTranslations("categories"),
    getFormatter(),
    getLocale(),
    api.admin.sales(input),
  ]);
  // "2026-03" is a calendar month in Taipei; its 15th names it in any zone.
  const monthLabel = (month: string) =>
    format.dateTime(new Date(`${month}-15T12:00:00+08:00`), {
      year: "numeric",
      month: "short",
      timeZone: "Asia/Taipei",
    });
  const currencies = report.totals.map((total) => total.currency);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <DownloadSalesCsvButton input={input} />
      </header>

      <FilterForm action="/admin/sales" label={t("period")}>
        <FilterText label={t("from")} name="from" type="date" value={period.fromDay} />
        <FilterText label={t("to")} name="to" type="date" value={period.toDay} />
      </FilterForm>

      <SalesFigures report={report} />

      {currencies.length === 0 ? (
        <EmptyState title={t("empty")} hint={t("emptyHint")} />
      ) : (
        <>
          {currencies.map((currency) => {
            const months = report.byMonth.filter((month) => month.currency === currency);
            const categories = report.byCategory.filter((row) => row.currency === currency);
            return (
              <div key={currency} className="grid grid-cols-1 gap-4 lg:grid-cols-5">
                <ChartCard
                  title={t("byMonth", { currency })}
                  className="lg:col-span-3"
                  testId="chart-by-month"
                >
                  {months.length === 0 ? (
                    <p className="py-10 text-center text-sm text-slate-500">{t("noPayments")}</p>
                  ) : (
                    <MoneyByMonthChart
                      label={t("byMonth", { currency })}
                      currency={currency}
                      locale={locale}
                      points={months.map((month) => ({
                        label: monthLabel(month.month),
                        revenue: month.revenue,
                        refunds: month.refunds,
                        net: month.net,
                      }))}
                      names={{ revenue: t("revenue"), refunds: t("refunds"), net: t("net") }}
                    />
                  )}
                </ChartCard>
                <ChartCard
                  title={t("byCategory", { currency })}
                  className="lg:col-span-2"
                  testId="chart-by-category"
                >
                  <NetByCategoryChart
                    label={t("byCategory", { currency })}
                    currency={currency}
                    locale={locale}
                    name={t("net")}
                    empty={t("noPayments")}
                    points={categories
                      .map((row) => ({ label: tCategory(row.category), net: row.net }))
                      .sort((a, b) => b.net - a.net)}
                  />
                </ChartCard>
              </div>
            );
          })}
          <section aria-labelledby="sales-by-event" className="flex flex-col gap-3">
            <h2 id="sales-by-event" className="text-lg font-semibold">
              {t("eventsTable")}
            </h2>
            <SalesEventsTable events={report.events} />
          </section>
        </>
      )}
    </div>
  );
}

function ChartCard({
  title,
  className,
  testId,
  children,
}: {
  title: string;
  className: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <figure
      data-testid={testId}
      className={`flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 ${className}`}
    >
      <figcaption className="font-semibold">{title}</figcaption>
      {children}
    </figure>
  );
}
