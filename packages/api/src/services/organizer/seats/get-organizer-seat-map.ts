// organizer.seats.map (R12): every seat of one of the caller's events with its state —
// AVAILABLE, HELD (until when), SOLD (to which order) or BLOCKED — where it is drawn and its
// tier; filterable by section and by state. The counts cover the chosen section, all states.
import { type Db, Prisma } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { findOwnEvent } from "../ownership.ts";
import { SEAT_STATES, type SeatState, seatState } from "./seat-states.ts";

export const organizerSeatMapInput = z.object({
  eventId: id,
  /** A section id of the event's venue. */
  section: id.optional(),
  state: z.enum(SEAT_STATES).optional(),
});

type SeatRow = {
  id: string;
  seat_id: string;
  section_id: string;
  row_label: string;
  number: number;
  label: string;
  x: number;
  y: number;
  tier_id: string;
  status: string;
  expires_at: Date | null;
  order_id: string | null;
};

export async function getOrganizerSeatMap(
  db: Db,
  input: z.output<typeof organizerSeatMapInput>,
  caller: Caller,
) {
  const now = caller.now();
  const event = await findOwnEvent(db, caller.user, input.eventId, {
    id: true,
    status: true,
    currency: true,
    venue: {
      select: {
        // The event's own sections: not one emptied, or added after it was published.
        sections: {
          where: { seats: { some: { eventSeats: { some: { eventId: input.eventId } } } } },
          select: { id: true, name: true },
          orderBy: [{ ordering: "asc" }, { name: "asc" }],
        },
      },
    },
    priceTiers: {
      select: { id: true, name: true, price: true },
      orderBy: [{ ordering: "asc" }, { price: "desc" }],
    },
  });
  const inSection = input.section
    ? Prisma.sql`AND s.section_id = ${input.section}::uuid`
    : Prisma.empty;
  const rows = await db.$queryRaw<SeatRow[]>`
    SELECT es.id, es.seat_id, s.section_id, s.row_label, s.number, s.label, s.x, s.y,
           es.tier_id, es.status::text AS status, h.expires_at, t.order_id
    FROM event_seats es
    JOIN seats s ON s.id = es.seat_id
    LEFT JOIN seat_holds h ON h.event_seat_id = es.id AND h.expires_at > ${now}
    LEFT JOIN tickets t ON t.event_seat_id = es.id AND t.status IN ('VALID', 'CHECKED_IN')
    WHERE es.event_id = ${event.id}::uuid ${inSection}
    ORDER BY s.section_id, s.row_label, s.number`;

  const counts: Record<SeatState, number> = { AVAILABLE: 0, HELD: 0, SOLD: 0, BLOCKED: 0 };
  const seats = rows.flatMap((row) => {
    const state = seatState(row.status, row.expires_at);
    counts[state]++;
    if (input.state && state !== input.state) return [];
    return [
      {
        id: row.id,
        seatId: row.seat_id,
        sectionId: row.section_id,
        row: row.row_label,
        number: row.number,
        label: row.label,
        x: row.x,
        y: row.y,
        tierId: row.tier_id,
        state,
        expiresAt: state === "HELD" ? row.expires_at : null,
        orderId: state === "SOLD" ? row.order_id : null,
      },
    ];
  });
  return {
    eventId: event.id,
    status: event.status,
    currency: event.currency,
    sections: event.venue.sections,
    tiers: event.priceTiers,
    counts,
    seats,
  };
}
