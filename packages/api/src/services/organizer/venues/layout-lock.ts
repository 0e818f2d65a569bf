// A venue's layout is frozen once any of its events has sold: tickets, refunds and reports
// point at its seats. Until then seats and sections may be removed, taking the event seats of
// unsold events with them. Call assertLayoutUnsold inside the SERIALIZABLE transaction that
// makes the change, so that a sale committing at the same time aborts one of the two.
import type { Db, Tx } from "@openticket/db";
import { AppError } from "../../../errors.ts";

/** Any order PAID or CANCELLED (refunded), or any SOLD event seat, at any event of the venue. */
export async function venueHasSales(db: Db | Tx, venueId: string) {
  const [row] = await db.$queryRaw<{ sold: boolean }[]>`
    SELECT EXISTS (
             SELECT 1 FROM orders o JOIN events e ON e.id = o.event_id
             WHERE e.venue_id = ${venueId}::uuid AND o.status IN ('PAID', 'CANCELLED'))
        OR EXISTS (
             SELECT 1 FROM event_seats es JOIN events e ON e.id = es.event_id
             WHERE e.venue_id = ${venueId}::uuid AND es.status = 'SOLD') AS sold`;
  return row?.sold ?? false;
}

export async function assertLayoutUnsold(tx: Tx, venueId: string) {
  if (await venueHasSales(tx, venueId)) {
    throw new AppError(
      "CONFLICT",
      "Events at this venue have sold tickets, so its seats can no longer be removed.",
      { reason: "LAYOUT_IN_USE" },
    );
  }
}

/** Deletes seats and, first, their event seats (which refuse to go while they exist). */
export async function deleteSeats(tx: Tx, seatIds: string[]) {
  await tx.eventSeat.deleteMany({ where: { seatId: { in: seatIds } } });
  const deleted = await tx.seat.deleteMany({ where: { id: { in: seatIds } } });
  return deleted.count;
}
