// Horizontal bars, one row per item with its label (e.g. net money per category, utilisation per
// event): drawn on the server in HTML, no chart JavaScript. Bar widths are percent of the track,
// so it fills its container's width at any size; the axis under it has round ticks. Each bar has
// a native tooltip (title); the whole is one image whose name reads every figure. Stable class
// for tests: `chart-bar` on each bar.
import { niceTicks, share } from "./ticks";

export type BarItem = { label: string; value: number };

export function BarList({
  label,
  items,
  name,
  color,
  format,
  max,
  height,
  empty,
}: {
  /** What the chart shows, the start of its accessible name. */
  label: string;
  items: BarItem[];
  /** The figure's name, in each bar's tooltip. */
  name: string;
  color: string;
  format: (value: number) => string;
  /** A fixed end of the axis (100 for percent); else the largest figure rounded up. */
  max?: number;
  height: number;
  /** Said instead of the chart when there is no item. */
  empty?: string;
}) {
  if (items.length === 0) {
    return empty ? <p className="py-10 text-center text-sm text-slate-500">{empty}</p> : null;
  }
  const values = items.map((item) => item.value);
  const ticks = niceTicks(Math.min(0, ...values), max ?? Math.max(0, ...values), 5);
  // The ends only, unless the chart is wide enough for every label (a container query).
  const tickLabels = ticks.values.map(format);
  const long = tickLabels.some((text) => text.length > 5);
  const last = tickLabels.length - 1;
  const summary = `${label}. ${items.map((item) => `${item.label}: ${format(item.value)}`).join("; ")}`;
  return (
    <div
      role="img"
      aria-label={summary}
      style={{ height }}
      className="@container grid grid-cols-[auto_minmax(0,1fr)] grid-rows-[minmax(0,1fr)_auto] gap-x-2 pt-2 pr-2 text-xs text-slate-600"
    >
      <div className="flex flex-col justify-around">
        {items.map((item, index) => (
          <span
            // Labels may repeat (two events of one title): a row is its place in the list.
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are drawn in a fixed order
            key={index}
            className="block max-w-[9rem] truncate text-right leading-5 sm:max-w-[14rem]"
          >
            {item.label}
          </span>
        ))}
      </div>
      <div className="relative">
        {ticks.values.map((value) => (
          <div
            key={value}
            className={`absolute inset-y-0 border-l ${value === 0 ? "border-slate-400" : "border-slate-200"}`}
            style={{ left: `${share(ticks, value)}%` }}
          />
        ))}
        <div className="absolute inset-0 flex flex-col justify-around">
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <div key={index} className="relative h-5">
              <div
                className={`chart-bar absolute inset-y-0 ${item.value < 0 ? "rounded-l-sm" : "rounded-r-sm"}`}
                style={{
                  left: `${share(ticks, Math.min(0, item.value))}%`,
                  width: `${share(ticks, Math.abs(item.value)) - share(ticks, 0)}%`,
                  backgroundColor: color,
                }}
                title={`${item.label}: ${name} ${format(item.value)}`}
              />
            </div>
          ))}
        </div>
      </div>
      <div />
      <div className="relative h-5 tabular-nums">
        {tickLabels.map((text, index) => (
          <span
            key={ticks.values[index]}
            className={`absolute top-1 whitespace-nowrap ${index === last ? "-translate-x-full" : "-translate-x-1/2"} ${index === 0 || index === last ? "" : long ? "hidden @2xl:block" : "hidden @sm:block"}`}
            style={{ left: `${share(ticks, ticks.values[index] ?? 0)}%` }}
          >
            {text}
          </span>
        ))}
      </div>
    </div>
  );
}
