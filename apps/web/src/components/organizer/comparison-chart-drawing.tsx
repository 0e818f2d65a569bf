"use client";
// The organizer's events side by side: utilisation of each (bars, 0–100%). Not animated. Loaded
// after the page (./comparison-chart.tsx).
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { type ComparisonPoint, comparisonChartHeight } from "./comparison-chart";

const TICK = { fontSize: 12, fill: "#475569" };

export function ComparisonChart({ points, name }: { points: ComparisonPoint[]; name: string }) {
  const percent = (value: unknown) => `${Math.round(Number(value))}%`;
  return (
    <BarChart
      responsive
      layout="vertical"
      data={points}
      style={{ width: "100%", height: comparisonChartHeight(points.length) }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" domain={[0, 100]} tick={TICK} tickFormatter={percent} tickLine={false} />
      <YAxis type="category" dataKey="label" width="auto" tick={TICK} tickLine={false} />
      <Tooltip formatter={percent} />
      <Bar
        dataKey="utilisation"
        name={name}
        fill="#1f5fd6"
        radius={[0, 3, 3, 0]}
        barSize={20}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
