"use client";
// One event's sales (R10), kept current while the page is open: prefetched by the page, then
// refetched every few seconds, so a sale made a moment ago shows without reloading. Tickets sold,
// money net of refunds, by tier, by ticket type (./sales-by-type.tsx), by discount code
// (./sales-by-code.tsx) and per day (a chart drawn in HTML and SVG: ./sales-by-day-chart.tsx).
import { useSuspenseQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { formatMoney } from "~/format/money";
import { useTRPC } from "~/trpc/react";
import { FigureList } from "./figure-list";
import { SalesByCode } from "./sales-by-code";
import { SalesByDayChart } from "./sales-by-day-chart";
import { SalesByType } from "./sales-by-type";

const REFRESH_MS = 5_000;

export function SalesLive({ eventId }: { eventId: string }) {
  const t = useTranslations("organizer.sales");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery({
    ...trpc.organizer.sales.queryOptions({ eventId }),
    refetchInterval: REFRESH_MS,
  });
  const money = (value: unknown) => formatMoney(Number(value), data.currency, locale);
  return (
    <div className="flex flex-col gap-6">
      <p className="text-xs text-slate-500" aria-live="polite" data-testid="sales-updated">
        {t("live", { seconds: REFRESH_MS / 1000 })}
      </p>
      <FigureList
        figures={[
          {
            key: "ticketsSold",
            label: t("ticketsSold"),
            value: format.number(data.totals.ticketsSold),
          },
          { key: "revenue", label: t("revenue"), value: money(data.totals.revenue) },
          { key: "refunds", label: t("refunds"), value: money(data.totals.refunds) },
          { key: "net", label: t("net"), value: money(data.totals.net), strong: true },
        ]}
      />
      <section className="flex flex-col gap-2">
        <h3 className="font-semibold">{t("byTier")}</h3>
        <StackedTable
          label={t("byTier")}
          testId="sales-by-tier"
          columns={[
            { label: t("tier") },
            { label: t("price"), numeric: true },
            { label: t("sold"), numeric: true },
            { label: t("tierRevenue"), numeric: true },
          ]}
        >
          {data.byTier.map((tier) => (
            <StackedRow key={tier.tierId}>
              <StackedCell className="font-medium">{tier.name}</StackedCell>
              <StackedCell label={t("price")} numeric>
                {money(tier.price)}
              </StackedCell>
              <StackedCell label={t("sold")} numeric>
                {t("soldOf", { sold: tier.ticketsSold, seats: tier.seats })}
              </StackedCell>
              <StackedCell label={t("tierRevenue")} numeric>
                {money(tier.revenue)}
              </StackedCell>
            </StackedRow>
          ))}
        </StackedTable>
        {data.totals.keptFromCancellations !== 0 && (
          <p className="text-sm text-slate-600">
            {t("kept", { amount: money(data.totals.keptFromCancellations) })}
          </p>
        )}
      </section>
      <SalesByType types={data.byType} currency={data.currency} />
      <SalesByCode codes={data.byCode} currency={data.currency} />
      <section className="flex flex-col gap-2">
        <h3 className="font-semibold">{t("byDay", { timeZone: data.timeZone })}</h3>
        {data.byDay.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
            {t("noSales")}
          </p>
        ) : (
          <div
            data-testid="chart-by-day"
            className="rounded-xl border border-slate-200 bg-white p-3"
          >
            <SalesByDayChart
              label={t("byDay", { timeZone: data.timeZone })}
              days={data.byDay}
              locale={locale}
              currency={data.currency}
              names={{ net: t("net"), ticketsSold: t("ticketsSold") }}
            />
          </div>
        )}
      </section>
    </div>
  );
}
