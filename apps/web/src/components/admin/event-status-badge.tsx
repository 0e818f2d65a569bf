// An event's status as the admin console derives it (draft, on sale, sold out, past, …).
import type { AdminEventStatus } from "~/url/admin-events-query";

const STYLES: Record<AdminEventStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700 ring-slate-300",
  PUBLISHED: "bg-sky-50 text-sky-800 ring-sky-200",
  ON_SALE: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  SOLD_OUT: "bg-violet-50 text-violet-800 ring-violet-200",
  SALES_CLOSED: "bg-amber-50 text-amber-900 ring-amber-200",
  CANCELLED: "bg-red-50 text-red-800 ring-red-200",
  PAST: "bg-slate-50 text-slate-500 ring-slate-200",
};

export function EventStatusBadge({ status, label }: { status: AdminEventStatus; label: string }) {
  return (
    <span
      data-testid="event-status"
      data-status={status}
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}
    >
      {label}
    </span>
  );
}
