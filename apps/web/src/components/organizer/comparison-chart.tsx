// The organizer's events side by side: utilisation of each (bars, 0–100%). Drawn on the server
// with the page (../charts/bar-list.tsx): no chart JavaScript.
import { BarList } from "~/components/charts/bar-list";

export type ComparisonPoint = { label: string; utilisation: number };

export const comparisonChartHeight = (events: number) => Math.max(160, 36 * events + 48);

export function ComparisonChart({
  label,
  points,
  name,
  locale,
}: {
  label: string;
  points: ComparisonPoint[];
  name: string;
  locale: string;
}) {
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  return (
    <BarList
      label={label}
      name={name}
      color="#1f5fd6"
      max={100}
      height={comparisonChartHeight(points.length)}
      items={points.map((point) => ({ label: point.label, value: point.utilisation }))}
      format={(value) => percent.format(value / 100)}
    />
  );
}
