"use client";
// The sales page's charts, loaded after the page: recharts is most of the page's JavaScript, and
// the figures and the table need none of it. Each chart's place is kept at its height, so nothing
// moves when it is drawn (./sales-charts-drawing.tsx).
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";

export type MonthPoint = { label: string; revenue: number; refunds: number; net: number };
export type CategoryPoint = { label: string; net: number };

export const MONTH_CHART_HEIGHT = 300;
export const categoryChartHeight = (categories: number) => Math.max(160, 36 * categories + 48);

const MoneyByMonthDrawing = dynamic(
  () => import("./sales-charts-drawing").then((module) => module.MoneyByMonthChart),
  { ssr: false },
);
const NetByCategoryDrawing = dynamic(
  () => import("./sales-charts-drawing").then((module) => module.NetByCategoryChart),
  { ssr: false },
);

export function MoneyByMonthChart(props: ComponentProps<typeof MoneyByMonthDrawing>) {
  return (
    <div style={{ height: MONTH_CHART_HEIGHT }}>
      <MoneyByMonthDrawing {...props} />
    </div>
  );
}

export function NetByCategoryChart(props: ComponentProps<typeof NetByCategoryDrawing>) {
  return (
    <div style={{ height: categoryChartHeight(props.points.length) }}>
      <NetByCategoryDrawing {...props} />
    </div>
  );
}
