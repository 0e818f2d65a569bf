// reservation.mine: the caller's unexpired holds for an event — what the checkout page shows.
// Each seat carries its position in the seat map's layout too, so that a hold that runs out at
// checkout can be shown on the map as the seats that are no longer held.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { id } from "../../input.ts";
import { cachedLayoutUnchecked } from "../seat-map/layout.ts";

export const myHoldsInput = z.object({ eventId: id });

export async function getMyHolds(db: Db, input: z.output<typeof myHoldsInput>, caller: Caller) {
  const holdsQuery = db.seatHold.findMany({
    where: {
      eventId: input.eventId,
      userId: caller.user.id,
      orderId: null,
      expiresAt: { gt: caller.now() },
    },
    select: {
      expiresAt: true,
      price: true,
      ticketType: { select: { id: true, name: true } },
      eventSeat: {
        select: {
          id: true,
          tier: { select: { id: true, name: true } },
          seat: { select: { label: true, section: { select: { name: true } } } },
        },
      },
    },
    orderBy: { eventSeat: { seat: { label: "asc" } } },
  });
  // Unchecked is safe: the caller holds seats of this event, so they may see its map.
  const [holds, layout] = await Promise.all([holdsQuery, cachedLayoutUnchecked(db, input.eventId)]);
  const seats = holds.map((hold) => ({
    id: hold.eventSeat.id,
    label: hold.eventSeat.seat.label,
    section: hold.eventSeat.seat.section.name,
    tier: hold.eventSeat.tier.name,
    tierId: hold.eventSeat.tier.id,
    /** The ticket type the seat is held as; null: the tier's own price. */
    ticketType: hold.ticketType,
    price: hold.price,
    position: layout?.positionOf.get(hold.eventSeat.id) ?? null,
  }));
  return {
    seats,
    total: seats.reduce((sum, seat) => sum + seat.price, 0),
    /** The layout version the positions refer to. */
    layoutVersion: layout?.wire.version ?? null,
    expiresAt: holds.length
      ? new Date(Math.min(...holds.map((hold) => hold.expiresAt.getTime())))
      : null,
  };
}
