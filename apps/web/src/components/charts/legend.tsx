// The colour keys of a chart with more than one series (./column-chart.tsx).
export function ChartLegend({
  keys,
}: {
  keys: { name: string; color: string; shape: "box" | "line" }[];
}) {
  return (
    <div className="flex flex-wrap justify-center gap-x-4 gap-y-1">
      {keys.map((key) => (
        <span key={key.name} className="inline-flex items-center gap-1.5">
          <span
            className={key.shape === "box" ? "size-3 rounded-sm" : "h-0.5 w-4 rounded-full"}
            style={{ backgroundColor: key.color }}
          />
          {key.name}
        </span>
      ))}
    </div>
  );
}
