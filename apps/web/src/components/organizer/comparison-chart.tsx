"use client";
// The comparison chart, loaded after the page: recharts is most of the page's JavaScript, and the
// totals and the table need none of it. Its place is kept at its height, so nothing moves when it
// is drawn (./comparison-chart-drawing.tsx).
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";

export type ComparisonPoint = { label: string; utilisation: number };

export const comparisonChartHeight = (events: number) => Math.max(160, 36 * events + 48);

const ComparisonDrawing = dynamic(
  () => import("./comparison-chart-drawing").then((module) => module.ComparisonChart),
  { ssr: false },
);

export function ComparisonChart(props: ComponentProps<typeof ComparisonDrawing>) {
  return (
    <div style={{ height: comparisonChartHeight(props.points.length) }}>
      <ComparisonDrawing {...props} />
    </div>
  );
}
