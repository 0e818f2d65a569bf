// reservation.mine: the caller's unexpired holds for an event — what the checkout page shows.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { id } from "../../input.ts";

export const myHoldsInput = z.object({ eventId: id });

export async function getMyHolds(db: Db, input: z.output<typeof myHoldsInput>, caller: Caller) {
  const holds = await db.seatHold.findMany({
    where: {
      eventId: input.eventId,
      userId: caller.user.id,
      orderId: null,
      expiresAt: { gt: caller.now() },
    },
    select: {
      expiresAt: true,
      price: true,
      eventSeat: {
        select: {
          id: true,
          tier: { select: { name: true } },
          seat: { select: { label: true, section: { select: { name: true } } } },
        },
      },
    },
    orderBy: { eventSeat: { seat: { label: "asc" } } },
  });
  const seats = holds.map((hold) => ({
    id: hold.eventSeat.id,
    label: hold.eventSeat.seat.label,
    section: hold.eventSeat.seat.section.name,
    tier: hold.eventSeat.tier.name,
    price: hold.price,
  }));
  return {
    seats,
    total: seats.reduce((sum, seat) => sum + seat.price, 0),
    expiresAt: holds.length
      ? new Date(Math.min(...holds.map((hold) => hold.expiresAt.getTime())))
      : null,
  };
}
