// admin.salesCsv (R15): the sales report's per-event figures as a CSV download. Event times are
// written as Taipei wall-clock time, as the column name says.
import type { Db } from "@openticket/db";
import type { Caller } from "../../context.ts";
import { formatVenueTime } from "../../venue-time.ts";
import { toCsv } from "../csv.ts";
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

export async function getSalesCsv(db: Db, input: SalesReportInput, caller: Caller) {
  const now = caller.now();
  const report = await getSalesReport(db, input);
  const rows = report.events.map((event) => [
    event.id,
    event.title,
    event.organizer,
    event.category,
    event.status,
    formatVenueTime(event.startsAt, REPORTING_TIME_ZONE),
    event.currency,
    event.ticketsSold,
    event.ticketsUnsold,
    event.revenue,
    event.refunds,
    event.net,
  ]);
  return {
    filename: `openticket-sales-${formatVenueTime(now, REPORTING_TIME_ZONE).slice(0, 10)}.csv`,
    contentType: "text/csv; charset=utf-8",
    csv: toCsv([HEADER, ...rows]),
  };
}
