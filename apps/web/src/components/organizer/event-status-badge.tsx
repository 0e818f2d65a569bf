// An event's stored status as the organizer console shows it: draft, published or cancelled.
import type { EventStatus } from "@openticket/db/enums";

const STYLES: Record<EventStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700 ring-slate-300",
  PUBLISHED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  CANCELLED: "bg-red-50 text-red-800 ring-red-200",
};

export function OrganizerEventStatus({ status, label }: { status: EventStatus; label: string }) {
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
