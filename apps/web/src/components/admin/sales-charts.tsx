// The sales page's charts, drawn on the server with the page (../charts/): no chart JavaScript.
// The page hands over the figures and the translated labels ready to draw; money stays in one
// currency per chart.
import { BarList } from "~/components/charts/bar-list";
import { ColumnChart } from "~/components/charts/column-chart";
import { formatMoney } from "~/format/money";

export type MonthPoint = { label: string; revenue: number; refunds: number; net: number };
export type CategoryPoint = { label: string; net: number };

export const MONTH_CHART_HEIGHT = 300;
export const categoryChartHeight = (categories: number) => Math.max(160, 36 * categories + 48);

const COLORS = { revenue: "#1f5fd6", refunds: "#f59e0b", net: "#059669" } as const;

/** Per month: revenue and refunds (columns) and net (a line), on one money axis. */
export function MoneyByMonthChart({
  label,
  currency,
  locale,
  points,
  names,
}: {
  label: string;
  currency: string;
  locale: string;
  points: MonthPoint[];
  names: { revenue: string; refunds: string; net: string };
}) {
  const money = (value: number) => formatMoney(value, currency, locale);
  return (
    <ColumnChart
      label={label}
      height={MONTH_CHART_HEIGHT}
      categories={points.map((point) => point.label)}
      columns={[
        {
          name: names.revenue,
          color: COLORS.revenue,
          values: points.map((point) => point.revenue),
          format: money,
        },
        {
          name: names.refunds,
          color: COLORS.refunds,
          values: points.map((point) => point.refunds),
          format: money,
        },
      ]}
      line={{
        name: names.net,
        color: COLORS.net,
        values: points.map((point) => point.net),
        format: money,
      }}
    />
  );
}

/** Net money per category, a bar each. */
export function NetByCategoryChart({
  label,
  currency,
  locale,
  points,
  name,
  empty,
}: {
  label: string;
  currency: string;
  locale: string;
  points: CategoryPoint[];
  name: string;
  empty: string;
}) {
  return (
    <BarList
      label={label}
      name={name}
      color={COLORS.net}
      height={categoryChartHeight(points.length)}
      items={points.map((point) => ({ label: point.label, value: point.net }))}
      format={(value) => formatMoney(value, currency, locale)}
      empty={empty}
    />
  );
}
