"use client";
// The sales-per-day chart, loaded after the page: recharts is most of the page's JavaScript, and
// the figures and the table by tier need none of it. Its place is kept at its height, so nothing
// moves when it is drawn (./sales-by-day-chart-drawing.tsx).
import type { RouterOutputs } from "@openticket/api";
import dynamic from "next/dynamic";

export type SalesByDayChartProps = {
  days: RouterOutputs["organizer"]["sales"]["byDay"];
  currency: string;
  names: { net: string; ticketsSold: string };
};

export const SALES_BY_DAY_CHART_HEIGHT = 300;

const SalesByDayDrawing = dynamic(
  () => import("./sales-by-day-chart-drawing").then((module) => module.SalesByDayChart),
  { ssr: false },
);

export function SalesByDayChart(props: SalesByDayChartProps) {
  return (
    <div style={{ height: SALES_BY_DAY_CHART_HEIGHT }}>
      <SalesByDayDrawing {...props} />
    </div>
  );
}
