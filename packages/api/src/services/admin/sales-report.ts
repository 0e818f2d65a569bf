// admin.sales (R15): platform-wide tickets sold and unsold, and the money: CHARGE payments as
// revenue, REFUND payments as refunds, net = revenue - refunds. Per event, in total, by category
// and by calendar month in Taipei.
//
// `from`/`to` choose the events by start time, so every figure of an event is its whole
// lifetime and sold + unsold is its capacity; the months are those in which that money moved.
// Money is never added across currencies: every money figure sits beside its currency.
import { type Db, type EventCategory, type EventStatus, Prisma } from "@openticket/db";
import { z } from "zod";
import { dateTime } from "../../input.ts";

/** Months are calendar months where the platform operates. */
export const REPORTING_TIME_ZONE = "Asia/Taipei";

export const salesReportInput = z
  .object({
    /** Events starting at or after this instant. */
    from: dateTime.optional(),
    /** Events starting before this instant. */
    to: dateTime.optional(),
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    path: ["to"],
    message: "The end of the date range must be after its start.",
  })
  .prefault({});

export type SalesReportInput = z.output<typeof salesReportInput>;

type EventSalesRow = {
  id: string;
  title: string;
  category: EventCategory;
  status: EventStatus;
  starts_at: Date;
  currency: string;
  organizer: string;
  sold: number;
  sellable: number;
  revenue: bigint;
  refunds: bigint;
};

export async function getSalesReport(db: Db, input: SalesReportInput) {
  const [eventRows, monthRows, ticketMonths] = await Promise.all([
    db.$queryRaw<EventSalesRow[]>`
      SELECT e.id, e.title, e.category, e.status, e.starts_at, e.currency,
        o.display_name AS organizer, seats.sold, seats.sellable, money.revenue, money.refunds
      FROM events e
      JOIN users o ON o.id = e.organizer_id
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE es.status = 'SOLD')::int AS sold,
               count(*) FILTER (WHERE es.status <> 'BLOCKED')::int AS sellable
        FROM event_seats es WHERE es.event_id = e.id
      ) seats
      CROSS JOIN LATERAL (
        SELECT COALESCE(sum(p.amount) FILTER (WHERE p.kind = 'CHARGE'), 0)::bigint AS revenue,
               COALESCE(sum(p.amount) FILTER (WHERE p.kind = 'REFUND'), 0)::bigint AS refunds,
               count(p.id) AS payments
        FROM orders ord JOIN payments p ON p.order_id = ord.id WHERE ord.event_id = e.id
      ) money
      -- A draft sells nothing, so it is left out, unless it somehow has money to account for.
      WHERE (e.status <> 'DRAFT' OR money.payments > 0) AND ${startsInRange(input)}
      ORDER BY e.starts_at, e.id`,
    db.$queryRaw<{ month: string; currency: string; revenue: bigint; refunds: bigint }[]>`
      SELECT to_char(p.created_at AT TIME ZONE ${REPORTING_TIME_ZONE}, 'YYYY-MM') AS month,
        e.currency,
        COALESCE(sum(p.amount) FILTER (WHERE p.kind = 'CHARGE'), 0)::bigint AS revenue,
        COALESCE(sum(p.amount) FILTER (WHERE p.kind = 'REFUND'), 0)::bigint AS refunds
      FROM payments p
      JOIN orders ord ON ord.id = p.order_id
      JOIN events e ON e.id = ord.event_id
      WHERE ${startsInRange(input)}
      GROUP BY 1, 2`,
    // Tickets still standing (not cancelled), in the month they were bought.
    db.$queryRaw<{ month: string; currency: string; sold: number }[]>`
      SELECT to_char(t.created_at AT TIME ZONE ${REPORTING_TIME_ZONE}, 'YYYY-MM') AS month,
        e.currency, count(*)::int AS sold
      FROM tickets t
      JOIN orders ord ON ord.id = t.order_id
      JOIN events e ON e.id = ord.event_id
      WHERE t.status IN ('VALID', 'CHECKED_IN') AND ${startsInRange(input)}
      GROUP BY 1, 2`,
  ]);

  const events = eventRows.map(toEventSales);
  return {
    period: { from: input.from ?? null, to: input.to ?? null },
    tickets: {
      sold: sum(events, (event) => event.ticketsSold),
      unsold: sum(events, (event) => event.ticketsUnsold),
    },
    totals: groupEvents(events, (event) => event.currency).map(({ first, figures }) => ({
      currency: first.currency,
      ...figures,
    })),
    byCategory: groupEvents(events, (event) => `${event.category} ${event.currency}`).map(
      ({ first, figures }) => ({ category: first.category, currency: first.currency, ...figures }),
    ),
    byMonth: mergeMonths(monthRows, ticketMonths),
    events,
  };
}

function toEventSales(row: EventSalesRow) {
  const revenue = Number(row.revenue);
  const refunds = Number(row.refunds);
  return {
    id: row.id,
    title: row.title,
    organizer: row.organizer,
    category: row.category,
    status: row.status,
    startsAt: row.starts_at,
    currency: row.currency,
    ticketsSold: row.sold,
    // A cancelled event's empty seats were never going to be sold.
    ticketsUnsold: row.status === "CANCELLED" ? 0 : row.sellable - row.sold,
    revenue,
    refunds,
    net: revenue - refunds,
  };
}

export type EventSales = ReturnType<typeof toEventSales>;

function startsInRange(input: SalesReportInput) {
  const bounds = [
    input.from && Prisma.sql`e.starts_at >= ${input.from}`,
    input.to && Prisma.sql`e.starts_at < ${input.to}`,
  ].filter((bound): bound is Prisma.Sql => Boolean(bound));
  return bounds.length ? Prisma.join(bounds, " AND ") : Prisma.sql`TRUE`;
}

function sum<T>(items: T[], value: (item: T) => number) {
  return items.reduce((total, item) => total + value(item), 0);
}

/** Adds up events sharing a key, in order of first appearance. */
function groupEvents(events: EventSales[], keyOf: (event: EventSales) => string) {
  const groups = new Map<string, EventSales[]>();
  for (const event of events) {
    const key = keyOf(event);
    const members = groups.get(key);
    if (members) members.push(event);
    else groups.set(key, [event]);
  }
  return [...groups.values()].map((members) => ({
    first: members[0] as EventSales,
    figures: {
      events: members.length,
      ticketsSold: sum(members, (event) => event.ticketsSold),
      ticketsUnsold: sum(members, (event) => event.ticketsUnsold),
      revenue: sum(members, (event) => event.revenue),
      refunds: sum(members, (event) => event.refunds),
      net: sum(members, (event) => event.net),
    },
  }));
}

function mergeMonths(
  money: { month: string; currency: string; revenue: bigint; refunds: bigint }[],
  tickets: { month: string; currency: string; sold: number }[],
) {
  const months = new Map<
    string,
    { month: string; currency: string; ticketsSold: number; revenue: number; refunds: number }
  >();
  const entry = (month: string, currency: string) => {
    const key = `${month} ${currency}`;
    const existing = months.get(key);
    if (existing) return existing;
    const created = { month, currency, ticketsSold: 0, revenue: 0, refunds: 0 };
    months.set(key, created);
    return created;
  };
  for (const row of money) {
    const month = entry(row.month, row.currency);
    month.revenue = Number(row.revenue);
    month.refunds = Number(row.refunds);
  }
  for (const row of tickets) entry(row.month, row.currency).ticketsSold = row.sold;
  return [...months.values()]
    .map((month) => ({ ...month, net: month.revenue - month.refunds }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency));
}
