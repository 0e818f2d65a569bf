// Every event on the platform, one row each: who runs it, where and when (Taipei time), its
// derived status and how many of its sellable seats are sold.
import type { RouterOutputs } from "@openticket/api";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { cityName } from "~/i18n/city-name";
import { EventStatusBadge } from "./event-status-badge";

type AdminEvent = RouterOutputs["admin"]["events"]["items"][number];

export async function AdminEventsTable({ events }: { events: AdminEvent[] }) {
  const [t, tCity, format] = await Promise.all([
    getTranslations("admin"),
    getTranslations("cities"),
    getFormatter(),
  ]);
  const column = (key: string) => t(`events.columns.${key}`);
  return (
    <StackedTable
      label={t("events.table")}
      testId="admin-events"
      columns={[
        { label: column("event") },
        { label: column("organizer") },
        { label: column("venue") },
        { label: column("city") },
        { label: column("date") },
        { label: column("status") },
        { label: column("sold"), numeric: true },
      ]}
    >
      {events.map((event) => (
        <StackedRow key={event.id} testId="admin-event-row">
          <StackedCell className="sm:min-w-56">
            <Link
              href={`/events/${event.id}`}
              className="font-semibold text-slate-900 hover:text-brand-700 hover:underline"
            >
              {event.title}
            </Link>
            <span className="block text-xs text-slate-500">{event.performer}</span>
          </StackedCell>
          <StackedCell label={column("organizer")} className="sm:whitespace-nowrap">
            {event.organizer.displayName}
            <span className="block text-xs text-slate-500">@{event.organizer.username}</span>
          </StackedCell>
          <StackedCell label={column("venue")}>{event.venue.name}</StackedCell>
          <StackedCell label={column("city")}>{cityName(tCity, event.city)}</StackedCell>
          <StackedCell label={column("date")} className="sm:whitespace-nowrap">
            <time dateTime={event.startsAt.toISOString()}>
              {format.dateTime(event.startsAt, {
                dateStyle: "medium",
                timeStyle: "short",
                timeZone: "Asia/Taipei",
              })}
            </time>
          </StackedCell>
          <StackedCell label={column("status")}>
            <EventStatusBadge status={event.status} label={t(`status.${event.status}`)} />
          </StackedCell>
          <StackedCell label={column("sold")} numeric>
            <SoldMeter
              sold={event.ticketsSold}
              sellable={event.seatsSellable}
              label={t("events.soldOf", {
                sold: format.number(event.ticketsSold),
                sellable: format.number(event.seatsSellable),
              })}
            />
          </StackedCell>
        </StackedRow>
      ))}
    </StackedTable>
  );
}

function SoldMeter({ sold, sellable, label }: { sold: number; sellable: number; label: string }) {
  const share = sellable > 0 ? Math.min(1, sold / sellable) : 0;
  return (
    <span className="inline-flex flex-col items-start gap-1 sm:items-end">
      <span className="tabular-nums">{label}</span>
      <span aria-hidden className="block h-1.5 w-20 overflow-hidden rounded-full bg-slate-100">
        <span
          className="block h-full rounded-full bg-brand-600"
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </span>
    </span>
  );
}
