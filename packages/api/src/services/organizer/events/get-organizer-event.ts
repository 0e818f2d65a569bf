// organizer.events.byId: one of the caller's events as the console edits it: every field, the
// venue, the price tiers with their seats, the headline figures and what may still be done.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { eventDetailsSelect, seatCountsByTier } from "../../event/get-event.ts";
import { loadEventFigures, NO_FIGURES } from "../event-figures.ts";
import { findOwnEvent } from "../ownership.ts";

export const organizerEventInput = z.object({ eventId: id });

export async function getOrganizerEvent(
  db: Db,
  input: z.output<typeof organizerEventInput>,
  caller: Caller,
) {
  const event = await findOwnEvent(db, caller.user, input.eventId, {
    ...eventDetailsSelect,
    createdAt: true,
    updatedAt: true,
    venue: { select: { id: true, name: true, city: true, timeZone: true } },
    priceTiers: {
      select: { id: true, name: true, price: true, ordering: true },
      orderBy: [{ ordering: "asc" }, { price: "desc" }],
    },
    _count: { select: { orders: true } },
  });
  const [seats, figures] = await Promise.all([
    seatCountsByTier(db, event.id),
    loadEventFigures(db, [event.id]),
  ]);
  const { _count, priceTiers, ...details } = event;
  return {
    ...details,
    priceTiers: priceTiers.map((tier) => ({
      ...tier,
      seats: seats(tier.id),
      sold: seats(tier.id, (status) => status === "SOLD"),
      blocked: seats(tier.id, (status) => status === "BLOCKED"),
    })),
    figures: figures.get(event.id) ?? NO_FIGURES,
    orderCount: _count.orders,
    /** Deleting is for events that never took an order; the others are cancelled. */
    canDelete: _count.orders === 0,
  };
}
