// What a list shows when nothing matches its filters.
export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <div
      data-testid="empty-state"
      className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center"
    >
      <p className="font-medium">{title}</p>
      {hint && <p className="mt-1 text-sm text-slate-600">{hint}</p>}
    </div>
  );
}
