// Seats added to a venue join its DRAFT events, in each event's first price tier (organizers
// re-price them with setSeatTiers before publishing). Published and cancelled events keep the
// layout they went on sale with: seats never appear mid-sale.
import type { Tx } from "@openticket/db";

export async function addSeatsToDraftEvents(tx: Tx, venueId: string, seatIds: string[]) {
  if (seatIds.length === 0) return 0;
  const rows = await tx.$queryRaw<{ event_id: string }[]>`
    INSERT INTO event_seats (id, event_id, seat_id, tier_id, status)
    SELECT gen_random_uuid(), e.id, s.id, tier.id, 'AVAILABLE'
    FROM events e
    CROSS JOIN LATERAL (
      SELECT pt.id FROM price_tiers pt WHERE pt.event_id = e.id
      ORDER BY pt.ordering, pt.price, pt.name LIMIT 1
    ) tier
    JOIN seats s ON s.venue_id = e.venue_id AND s.id = ANY(${seatIds}::uuid[])
    WHERE e.venue_id = ${venueId}::uuid AND e.status = 'DRAFT'
    ON CONFLICT (event_id, seat_id) DO NOTHING
    RETURNING event_id`;
  return new Set(rows.map((row) => row.event_id)).size;
}
