// Headline figures as a row of cards: label above, value below.
export function FigureList({
  figures,
}: {
  figures: { key: string; label: string; value: string; strong?: boolean }[];
}) {
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {figures.map((figure) => (
        <div
          key={figure.key}
          data-testid={`figure-${figure.key}`}
          className={`rounded-xl border bg-white p-4 ${figure.strong ? "border-brand-100 ring-1 ring-brand-100" : "border-slate-200"}`}
        >
          <dt className="text-xs font-medium text-slate-500">{figure.label}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums tracking-tight wrap-anywhere sm:text-xl">
            {figure.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
