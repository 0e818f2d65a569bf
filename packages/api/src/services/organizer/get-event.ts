// organizer.events.byId: one of the caller's events as the console edits it: every field, the
// venue, the price tiers with their seats, the headline figures and what may still be done.
import type { Db } from "@openticket/db";
import { z } from "zod";
import { type Actor, findOwnEvent } from "./actor.ts";
import { loadEventFigures, NO_FIGURES } from "./event-figures.ts";

export const getEventInput = z.object({ eventId: z.uuid() });

export async function getEvent(db: Db, input: z.output<typeof getEventInput>, actor: Actor) {
  const event = await findOwnEvent(db, actor, input.eventId, {
    id: true,
    organizerId: true,
    title: true,
    description: true,
    performer: true,
    category: true,
    city: true,
    imageUrl: true,
    startsAt: true,
    endsAt: true,
    status: true,
    salesStartAt: true,
    salesEndAt: true,
    maxSeatsPerOrder: true,
    currency: true,
    refundableUntilHours: true,
    refundPercent: true,
    createdAt: true,
    updatedAt: true,
    venue: { select: { id: true, name: true, city: true, timeZone: true } },
    priceTiers: {
      select: { id: true, name: true, price: true, ordering: true },
      orderBy: [{ ordering: "asc" }, { price: "desc" }],
    },
    _count: { select: { orders: true } },
  });
  const [tierCounts, figures] = await Promise.all([
    db.eventSeat.groupBy({
      by: ["tierId", "status"],
      where: { eventId: event.id },
      _count: { _all: true },
    }),
    loadEventFigures(db, [event.id]),
  ]);
  const { _count, priceTiers, ...details } = event;
  return {
    ...details,
    priceTiers: priceTiers.map((tier) => {
      const count = (status: string) =>
        tierCounts.find((row) => row.tierId === tier.id && row.status === status)?._count._all ?? 0;
      const seats = tierCounts
        .filter((row) => row.tierId === tier.id)
        .reduce((total, row) => total + row._count._all, 0);
      return { ...tier, seats, sold: count("SOLD"), blocked: count("BLOCKED") };
    }),
    figures: figures.get(event.id) ?? NO_FIGURES,
    orderCount: _count.orders,
    /** Deleting is for events that never took an order; the others are cancelled. */
    canDelete: _count.orders === 0,
  };
}
