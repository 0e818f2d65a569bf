"use client";
// One event's sales per day: money net of refunds (bars) and tickets sold (a line), drawn by
// recharts. Not animated: figures to read. Loaded after the page (./sales-by-day-chart.tsx).
import { useLocale } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "~/format/money";
import { SALES_BY_DAY_CHART_HEIGHT, type SalesByDayChartProps } from "./sales-by-day-chart";

const TICK = { fontSize: 12, fill: "#475569" };

export function SalesByDayChart({ days, currency, names }: SalesByDayChartProps) {
  const locale = useLocale();
  const money = (value: unknown) => formatMoney(Number(value), currency, locale);
  return (
    <ComposedChart
      responsive
      data={days}
      style={{ width: "100%", height: SALES_BY_DAY_CHART_HEIGHT }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="date" tick={TICK} tickLine={false} />
      <YAxis
        yAxisId="money"
        width="auto"
        tick={TICK}
        tickFormatter={money}
        axisLine={false}
        tickLine={false}
      />
      <YAxis
        yAxisId="tickets"
        orientation="right"
        width="auto"
        allowDecimals={false}
        tick={TICK}
        axisLine={false}
        tickLine={false}
      />
      <Tooltip formatter={(value, name) => (name === names.net ? money(value) : String(value))} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar
        yAxisId="money"
        dataKey="net"
        name={names.net}
        fill="#059669"
        radius={[3, 3, 0, 0]}
        maxBarSize={56}
        isAnimationActive={false}
      />
      <Line
        yAxisId="tickets"
        dataKey="ticketsSold"
        name={names.ticketsSold}
        stroke="#1f5fd6"
        strokeWidth={2}
        dot={{ r: 3 }}
        type="monotone"
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
