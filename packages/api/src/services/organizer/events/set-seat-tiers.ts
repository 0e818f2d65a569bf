// organizer.events.setSeatTiers: moves individual seats into a price tier (VIP seats in the
// middle of a section, say). Sold seats keep the tier they were bought in, and so do held seats:
// their buyer is paying the price they were shown. All or nothing: if any seat is sold or held
// the request is refused with CONFLICT naming them.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { findOwnEvent } from "../ownership.ts";
import { loadSeatStates, takenSeats } from "../seats/seat-states.ts";

export const setSeatTiersInput = z.object({
  eventId: id,
  tierId: id,
  /** Event seat ids, as the seat map lists them. */
  seatIds: z.array(id).min(1).max(10_000),
});

export async function setSeatTiers(
  db: Db,
  input: z.output<typeof setSeatTiersInput>,
  caller: Caller,
) {
  const seatIds = [...new Set(input.seatIds)];
  const now = caller.now();
  return runSerializable(db, async (tx) => {
    const event = await findOwnEvent(tx, caller.user, input.eventId, {
      id: true,
      status: true,
      priceTiers: { where: { id: input.tierId }, select: { id: true, name: true } },
    });
    if (event.status === "CANCELLED") {
      throw new AppError("BAD_REQUEST", "A cancelled event can no longer be changed.");
    }
    const tier = event.priceTiers[0];
    if (!tier) {
      throw new AppError("BAD_REQUEST", "This price tier is not part of this event.", {
        field: "tierId",
      });
    }
    const before = await tx.eventSeat.findMany({
      where: { eventId: event.id, id: { in: seatIds } },
      select: { id: true, tierId: true },
    });
    if (before.length !== seatIds.length) {
      const known = new Set(before.map((seat) => seat.id));
      throw new AppError("BAD_REQUEST", "Some seats are not part of this event.", {
        seatIds: seatIds.filter((id) => !known.has(id)),
      });
    }
    const moved = await tx.$queryRaw<{ id: string }[]>`
      UPDATE event_seats es SET tier_id = ${tier.id}::uuid
      WHERE es.event_id = ${event.id}::uuid AND es.id = ANY(${seatIds}::uuid[])
        AND es.status <> 'SOLD'
        AND NOT EXISTS (
          SELECT 1 FROM seat_holds h
          WHERE h.event_seat_id = es.id AND (h.expires_at > ${now} OR h.order_id IS NOT NULL))
      RETURNING es.id`;
    if (moved.length !== seatIds.length) {
      const states = await loadSeatStates(tx, event.id, seatIds, now);
      throw new AppError("CONFLICT", "Sold or held seats keep their price tier.", {
        unavailableSeats: takenSeats(states),
      });
    }
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "event.setSeatTiers",
      entityType: "event",
      entityId: event.id,
      before: { seats: before.map((seat) => ({ id: seat.id, tierId: seat.tierId })) },
      after: { tierId: tier.id, tier: tier.name, seatIds },
    });
    return { eventId: event.id, tier, seatIds };
  });
}
