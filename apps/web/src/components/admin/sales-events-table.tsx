// The sales report per event: tickets sold and unsold, and its money in its own currency.
import type { RouterOutputs } from "@openticket/api";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { formatMoney } from "~/format/money";

type EventSales = RouterOutputs["admin"]["sales"]["events"][number];

export async function SalesEventsTable({ events }: { events: EventSales[] }) {
  const [t, tCategory, format, locale] = await Promise.all([
    getTranslations("admin"),
    getTranslations("categories"),
    getFormatter(),
    getLocale(),
  ]);
  const column = (key: string) => t(`sales.columns.${key}`);
  return (
    <StackedTable
      label={t("sales.eventsTable")}
      testId="sales-events"
      columns={[
        { label: column("event") },
        { label: column("category") },
        { label: column("date") },
        { label: column("sold"), numeric: true },
        { label: column("unsold"), numeric: true },
        { label: column("revenue"), numeric: true },
        { label: column("refunds"), numeric: true },
        { label: column("net"), numeric: true },
      ]}
    >
      {events.map((event) => {
        const money = (amount: number) => formatMoney(amount, event.currency, locale);
        return (
          <StackedRow key={event.id}>
            <StackedCell className="sm:min-w-56">
              <Link
                href={`/events/${event.id}`}
                className="font-semibold text-slate-900 hover:text-brand-700 hover:underline"
              >
                {event.title}
              </Link>
              <span className="block text-xs text-slate-500">
                {event.organizer}
                {event.status !== "PUBLISHED" && ` · ${t(`status.${event.status}`)}`}
              </span>
            </StackedCell>
            <StackedCell label={column("category")}>{tCategory(event.category)}</StackedCell>
            <StackedCell label={column("date")} className="sm:whitespace-nowrap">
              {format.dateTime(event.startsAt, { dateStyle: "medium", timeZone: "Asia/Taipei" })}
            </StackedCell>
            <StackedCell label={column("sold")} numeric>
              {format.number(event.ticketsSold)}
            </StackedCell>
            <StackedCell label={column("unsold")} numeric>
              {format.number(event.ticketsUnsold)}
            </StackedCell>
            <StackedCell label={column("revenue")} numeric>
              {money(event.revenue)}
            </StackedCell>
            <StackedCell label={column("refunds")} numeric>
              {event.refunds > 0 ? `−${money(event.refunds)}` : money(0)}
            </StackedCell>
            <StackedCell label={column("net")} numeric className="font-semibold">
              {money(event.net)}
            </StackedCell>
          </StackedRow>
        );
      })}
    </StackedTable>
  );
}
