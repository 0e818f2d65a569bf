// Columns per category (one or more series side by side) and an optional line with dots, on a
// left axis and optionally its own right axis: drawn on the server as HTML and one SVG path, no
// chart JavaScript. It fills its container's width; text stays HTML so it is crisp at any width.
// Columns and dots are boxes placed in percent of the plot; the line is an SVG stretched over the
// plot (viewBox 0 0 100 100, preserveAspectRatio="none") with a non-scaling stroke. Each column
// and dot has a native tooltip (title); the whole is one image whose name reads every figure.
// Stable classes for tests: `chart-bar` on each column, `chart-line` on the line, `chart-dot` on
// each of its dots.
import { ChartLegend } from "./legend";
import { alignedTicks, niceTicks, share, type Ticks } from "./ticks";

export type ChartSeries = {
  name: string;
  color: string;
  values: number[];
  format: (value: number) => string;
};

const MAX_COLUMN_PX = 56;

export function ColumnChart({
  label,
  categories,
  columns,
  line,
  lineAxis = "left",
  height,
}: {
  /** What the chart shows, the start of its accessible name. */
  label: string;
  categories: string[];
  columns: ChartSeries[];
  line?: ChartSeries;
  /** "right": the line has its own axis on the right (figures ≥ 0). */
  lineAxis?: "left" | "right";
  height: number;
}) {
  const all = [...columns, ...(line && lineAxis === "left" ? [line] : [])].flatMap(
    (series) => series.values,
  );
  const left = niceTicks(Math.min(0, ...all), Math.max(0, ...all));
  const right =
    line && lineAxis === "right" ? alignedTicks(left, Math.max(0, ...line.values)) : null;
  const lineTicks = right ?? left;
  const series = [...columns, ...(line ? [line] : [])];
  const summary = `${label}. ${categories
    .map(
      (category, index) =>
        `${category}: ${series.map((one) => `${one.name} ${one.format(one.values[index] ?? 0)}`).join(", ")}`,
    )
    .join("; ")}`;
  const count = categories.length;
  const center = (index: number) => ((index + 0.5) / count) * 100;
  // Every n-th date under the axis: about 8 on a wide screen, 3 on a phone.
  const wideEvery = Math.ceil(count / 8);
  const phoneEvery = wideEvery * Math.ceil(Math.ceil(count / 3) / wideEvery);
  const format = columns[0]?.format ?? line?.format ?? String;
  return (
    <div
      role="img"
      aria-label={summary}
      style={{ height }}
      className="flex flex-col gap-2 text-xs text-slate-600"
    >
      {series.length > 1 && (
        <ChartLegend
          keys={[
            ...columns.map((one) => ({ name: one.name, color: one.color, shape: "box" as const })),
            ...(line ? [{ name: line.name, color: line.color, shape: "line" as const }] : []),
          ]}
        />
      )}
      <div className="grid min-h-0 flex-1 grid-cols-[auto_minmax(0,1fr)_auto] grid-rows-[minmax(0,1fr)_auto] gap-x-2 pt-2">
        <Axis ticks={left} format={format} align="right" />
        <div className="relative">
          {left.values.map((value) => (
            <div
              key={value}
              className={`absolute inset-x-0 border-t ${value === 0 ? "border-slate-400" : "border-slate-200"}`}
              style={{ top: `${100 - share(left, value)}%` }}
            />
          ))}
          {categories.map((category, index) => (
            <div
              key={category}
              className="absolute inset-y-0 flex justify-center gap-0.5"
              style={{
                left: `${(index / count) * 100}%`,
                width: `${100 / count}%`,
                // Percent of the plot (the slot's containing block), not of the slot.
                paddingInline: `${(100 / count) * (columns.length > 1 ? 0.12 : 0.2)}%`,
              }}
            >
              {columns.map((one) => {
                const value = one.values[index] ?? 0;
                const top = 100 - share(left, Math.max(0, value));
                const bottom = share(left, Math.min(0, value));
                return (
                  <div
                    key={one.name}
                    className="relative h-full flex-1"
                    style={{ maxWidth: MAX_COLUMN_PX }}
                  >
                    <div
                      className={`chart-bar absolute inset-x-0 ${value < 0 ? "rounded-b-sm" : "rounded-t-sm"}`}
                      style={{ top: `${top}%`, bottom: `${bottom}%`, backgroundColor: one.color }}
                      title={`${category}: ${one.name} ${one.format(value)}`}
                    />
                  </div>
                );
              })}
            </div>
          ))}
          {line && (
            <>
              <svg
                aria-hidden="true"
                className="pointer-events-none absolute inset-0 h-full w-full overflow-visible"
                viewBox="0 0 100 100"
                preserveAspectRatio="none"
              >
                <path
                  className="chart-line"
                  d={line.values
                    .map(
                      (value, index) =>
                        `${index === 0 ? "M" : "L"}${round(center(index))} ${round(100 - share(lineTicks, value))}`,
                    )
                    .join(" ")}
                  fill="none"
                  stroke={line.color}
                  strokeWidth={2}
                  strokeLinejoin="round"
                  vectorEffect="non-scaling-stroke"
                />
              </svg>
              {line.values.map((value, index) => (
                <div
                  key={categories[index]}
                  className="chart-dot absolute size-2 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 bg-white"
                  style={{
                    left: `${center(index)}%`,
                    top: `${100 - share(lineTicks, value)}%`,
                    borderColor: line.color,
                  }}
                  title={`${categories[index]}: ${line.name} ${line.format(value)}`}
                />
              ))}
            </>
          )}
        </div>
        {right && line ? <Axis ticks={right} format={line.format} align="left" /> : <div />}
        <div />
        <div className="relative h-5">
          {categories.map((category, index) =>
            index % wideEvery === 0 ? (
              <span
                key={category}
                className={`absolute top-1 -translate-x-1/2 whitespace-nowrap ${index % phoneEvery === 0 ? "" : "hidden sm:block"}`}
                style={{ left: `${center(index)}%` }}
              >
                {category}
              </span>
            ) : null,
          )}
        </div>
        <div />
      </div>
    </div>
  );
}

/** Tick labels beside the plot, each on its grid line; as wide as the widest label. */
function Axis({
  ticks,
  format,
  align,
}: {
  ticks: Ticks;
  format: (value: number) => string;
  align: "left" | "right";
}) {
  const labels = ticks.values.map((value) => (value < 0 && align === "left" ? "" : format(value)));
  const widest = labels.reduce((a, b) => (b.length > a.length ? b : a), "");
  return (
    <div
      className={`relative whitespace-nowrap tabular-nums ${align === "right" ? "text-right" : ""}`}
    >
      <span className="invisible block h-0 overflow-hidden">{widest}</span>
      {ticks.values.map((value, index) => (
        <span
          key={value}
          className={`absolute -translate-y-1/2 ${align === "right" ? "right-0" : "left-0"}`}
          style={{ top: `${100 - share(ticks, value)}%` }}
        >
          {labels[index]}
        </span>
      ))}
    </div>
  );
}

const round = (value: number) => Math.round(value * 100) / 100;
