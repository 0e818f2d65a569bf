// The headline figures of events, for lists, analytics and comparisons, in one query: seats
// (sold, sellable = not BLOCKED), check-ins, and money (CHARGE payments are revenue, REFUND
// payments refunds, net the difference). Sold counts SOLD event seats, which are exactly the
// seats with a live ticket.
import type { Db } from "@openticket/db";

type FiguresRow = {
  id: string;
  seats: number;
  blocked: number;
  sold: number;
  checked_in: number;
  revenue: bigint;
  refunds: bigint;
};

export type EventFigures = ReturnType<typeof toFigures>;

export async function loadEventFigures(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return new Map<string, EventFigures>();
  const rows = await db.$queryRaw<FiguresRow[]>`
    SELECT e.id, seats.seats, seats.blocked, seats.sold, checkins.checked_in,
           money.revenue, money.refunds
    FROM events e
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS seats,
             count(*) FILTER (WHERE es.status = 'BLOCKED')::int AS blocked,
             count(*) FILTER (WHERE es.status = 'SOLD')::int AS sold
      FROM event_seats es WHERE es.event_id = e.id
    ) seats
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS checked_in
      FROM tickets t JOIN orders o ON o.id = t.order_id
      WHERE o.event_id = e.id AND t.status = 'CHECKED_IN'
    ) checkins
    CROSS JOIN LATERAL (
      SELECT COALESCE(sum(p.amount) FILTER (WHERE p.kind = 'CHARGE'), 0)::bigint AS revenue,
             COALESCE(sum(p.amount) FILTER (WHERE p.kind = 'REFUND'), 0)::bigint AS refunds
      FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.event_id = e.id
    ) money
    WHERE e.id = ANY(${eventIds}::uuid[])`;
  return new Map(rows.map((row) => [row.id, toFigures(row)]));
}

function toFigures(row: FiguresRow) {
  const sellable = row.seats - row.blocked;
  const revenue = Number(row.revenue);
  const refunds = Number(row.refunds);
  return {
    seats: row.seats,
    blocked: row.blocked,
    sellable,
    sold: row.sold,
    /** Sold share of the sellable seats, 0..1; null when nothing is sellable. */
    utilisation: sellable > 0 ? row.sold / sellable : null,
    checkedIn: row.checked_in,
    revenue,
    refunds,
    net: revenue - refunds,
  };
}

export const NO_FIGURES: EventFigures = {
  seats: 0,
  blocked: 0,
  sellable: 0,
  sold: 0,
  utilisation: null,
  checkedIn: 0,
  revenue: 0,
  refunds: 0,
  net: 0,
};
