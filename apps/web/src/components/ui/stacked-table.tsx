// A table that stays usable on a phone: below the `sm` breakpoint each row becomes a card and
// each cell shows its column's name beside its value; wider, it is a plain table that scrolls
// sideways when its columns do not fit.
import type { ReactNode } from "react";

export function StackedTable({
  label,
  columns,
  testId,
  children,
}: {
  label: string;
  columns: { label: string; numeric?: boolean }[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white sm:overflow-x-auto">
      <table aria-label={label} data-testid={testId} className="block w-full text-sm sm:table">
        <thead className="hidden border-b border-slate-200 bg-slate-50 sm:table-header-group">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`whitespace-nowrap px-3 py-2 text-xs font-semibold text-slate-600 ${column.numeric ? "text-right" : "text-left"}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-200 sm:table-row-group sm:divide-slate-100">
          {children}
        </tbody>
      </table>
    </div>
  );
}

export function StackedRow({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <tr data-testid={testId} className="flex flex-col gap-1.5 p-4 sm:table-row sm:p-0">
      {children}
    </tr>
  );
}

/**
 * One cell. `label` is shown only on a phone, where there is no header row; leave it out for
 * the cell that heads the card (the event's or user's name).
 */
export function StackedCell({
  label,
  numeric,
  children,
  className = "",
}: {
  label?: string;
  numeric?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <td
      className={`flex items-baseline gap-3 sm:table-cell sm:px-3 sm:py-2.5 sm:align-top ${numeric ? "sm:whitespace-nowrap sm:text-right sm:tabular-nums" : ""} ${className}`}
    >
      {label && <span className="w-28 shrink-0 text-xs text-slate-500 sm:hidden">{label}</span>}
      <span className="min-w-0">{children}</span>
    </td>
  );
}
