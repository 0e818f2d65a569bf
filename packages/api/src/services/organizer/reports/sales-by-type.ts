// organizer.sales `byType` (issue 15): the event's tickets by the ticket type they were sold as
// — first those sold at their tier's own price (`ticketTypeId` null), then every type of the event
// in its order, sold or not yet. Per group: the tickets still standing (VALID or CHECKED_IN, like
// `ticketsSold`), those cancelled, and what the standing ones were paid (price paid, after their
// share of a discount — as `byTier` counts them). One query, summed by PostgreSQL.
import type { Db } from "@openticket/db";

type TypeRow = {
  id: string | null;
  name: string | null;
  sold: number;
  cancelled: number;
  revenue: bigint;
};

export async function loadSalesByType(db: Db, eventId: string) {
  const rows = await db.$queryRaw<TypeRow[]>`
    SELECT NULL::uuid AS id, NULL::text AS name,
           count(*) FILTER (WHERE t.status IN ('VALID', 'CHECKED_IN'))::int AS sold,
           count(*) FILTER (WHERE t.status = 'CANCELLED')::int AS cancelled,
           COALESCE(sum(t.price_paid) FILTER (WHERE t.status IN ('VALID', 'CHECKED_IN')), 0)::bigint
             AS revenue,
           -1 AS ordering, NULL::timestamptz AS created_at
    FROM tickets t JOIN orders o ON o.id = t.order_id
    WHERE o.event_id = ${eventId}::uuid AND t.ticket_type_id IS NULL
    UNION ALL
    SELECT tt.id, tt.name,
           count(t.id) FILTER (WHERE t.status IN ('VALID', 'CHECKED_IN'))::int,
           count(t.id) FILTER (WHERE t.status = 'CANCELLED')::int,
           COALESCE(sum(t.price_paid) FILTER (WHERE t.status IN ('VALID', 'CHECKED_IN')), 0)::bigint,
           tt.ordering, tt.created_at
    FROM ticket_types tt LEFT JOIN tickets t ON t.ticket_type_id = tt.id
    WHERE tt.event_id = ${eventId}::uuid
    GROUP BY tt.id
    ORDER BY ordering, created_at`;
  return rows.map((row) => ({
    /** Null: sold at the tier's own price. */
    ticketTypeId: row.id,
    name: row.name,
    ticketsSold: row.sold,
    cancelledTickets: row.cancelled,
    revenue: Number(row.revenue),
  }));
}
