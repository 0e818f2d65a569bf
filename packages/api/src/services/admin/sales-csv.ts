// admin.salesCsv (R15): the sales report's per-event figures as a CSV download. Event times are
// written as Taipei wall-clock time, as the column name says.
import type { Db } from "@openticket/db";
import { toCsv } from "./csv.ts";
import { getSalesReport, REPORTING_TIME_ZONE, type SalesReportInput } from "./sales-report.ts";

const HEADER = [
  "event_id",
  "title",
  "organizer",
  "category",
  "status",
  "starts_at_taipei",
  "currency",
  "tickets_sold",
  "tickets_unsold",
  "revenue",
  "refunds",
  "net",
];

// sv-SE formats as ISO-like "2026-03-01 19:30".
const taipeiDateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: REPORTING_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export async function getSalesCsv(db: Db, input: SalesReportInput, now: Date) {
  const report = await getSalesReport(db, input);
  const rows = report.events.map((event) => [
    event.id,
    event.title,
    event.organizer,
    event.category,
    event.status,
    taipeiDateTime.format(event.startsAt),
    event.currency,
    event.ticketsSold,
    event.ticketsUnsold,
    event.revenue,
    event.refunds,
    event.net,
  ]);
  return {
    filename: `openticket-sales-${taipeiDateTime.format(now).slice(0, 10)}.csv`,
    contentType: "text/csv; charset=utf-8",
    csv: toCsv([HEADER, ...rows]),
  };
}
