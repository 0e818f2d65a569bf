// One event's sales per day: money net of refunds (columns, left axis) and tickets sold (a line,
// right axis). Drawn as HTML and SVG with the page (../charts/column-chart.tsx): no chart
// JavaScript; the live sales page redraws it with each refresh.
import type { RouterOutputs } from "@openticket/api";
import { ColumnChart } from "~/components/charts/column-chart";
import { formatMoney } from "~/format/money";

export const SALES_BY_DAY_CHART_HEIGHT = 300;

export function SalesByDayChart({
  label,
  days,
  currency,
  locale,
  names,
}: {
  label: string;
  days: RouterOutputs["organizer"]["sales"]["byDay"];
  currency: string;
  locale: string;
  names: { net: string; ticketsSold: string };
}) {
  const count = new Intl.NumberFormat(locale);
  return (
    <ColumnChart
      label={label}
      height={SALES_BY_DAY_CHART_HEIGHT}
      categories={days.map((day) => day.date)}
      columns={[
        {
          name: names.net,
          color: "#059669",
          values: days.map((day) => day.net),
          format: (value) => formatMoney(value, currency, locale),
        },
      ]}
      line={{
        name: names.ticketsSold,
        color: "#1f5fd6",
        values: days.map((day) => day.ticketsSold),
        format: (value) => count.format(value),
      }}
      lineAxis="right"
    />
  );
}
