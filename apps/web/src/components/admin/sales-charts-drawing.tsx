"use client";
// The sales page's charts, drawn by recharts in the browser (loaded after the page: see
// ./sales-charts.tsx). The server page hands over the figures and the translated labels ready to
// draw; money stays in one currency per chart. Not animated: these are figures to read, and a
// half-drawn chart misreads.
import { useLocale } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatMoney } from "~/format/money";
import {
  type CategoryPoint,
  categoryChartHeight,
  MONTH_CHART_HEIGHT,
  type MonthPoint,
} from "./sales-charts";

const COLORS = { revenue: "#1f5fd6", refunds: "#f59e0b", net: "#059669" } as const;
const TICK = { fontSize: 12, fill: "#475569" };

function useMoney(currency: string) {
  const locale = useLocale();
  return (value: unknown) => formatMoney(Number(value), currency, locale);
}

export function MoneyByMonthChart({
  currency,
  points,
  names,
}: {
  currency: string;
  points: MonthPoint[];
  names: { revenue: string; refunds: string; net: string };
}) {
  const money = useMoney(currency);
  return (
    <ComposedChart
      responsive
      data={points}
      style={{ width: "100%", height: MONTH_CHART_HEIGHT }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="label" tick={TICK} tickLine={false} />
      <YAxis width="auto" tick={TICK} tickFormatter={money} axisLine={false} tickLine={false} />
      <Tooltip formatter={money} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar
        dataKey="revenue"
        name={names.revenue}
        fill={COLORS.revenue}
        radius={[3, 3, 0, 0]}
        isAnimationActive={false}
      />
      <Bar
        dataKey="refunds"
        name={names.refunds}
        fill={COLORS.refunds}
        radius={[3, 3, 0, 0]}
        isAnimationActive={false}
      />
      <Line
        dataKey="net"
        name={names.net}
        stroke={COLORS.net}
        strokeWidth={2}
        dot={{ r: 3 }}
        type="monotone"
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}

export function NetByCategoryChart({
  currency,
  points,
  name,
}: {
  currency: string;
  points: CategoryPoint[];
  name: string;
}) {
  const money = useMoney(currency);
  return (
    <BarChart
      responsive
      layout="vertical"
      data={points}
      style={{ width: "100%", height: categoryChartHeight(points.length) }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" tick={TICK} tickFormatter={money} tickLine={false} />
      <YAxis type="category" dataKey="label" width="auto" tick={TICK} tickLine={false} />
      <Tooltip formatter={money} />
      <Bar
        dataKey="net"
        name={name}
        fill={COLORS.net}
        radius={[0, 3, 3, 0]}
        barSize={20}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
