// The organizer console's test fixtures: an organizer with a venue and an event made through
// the console itself, and sales written straight to the database (the orders a checkout would
// have left behind) at chosen instants.
import { randomUUID } from "node:crypto";
import type { Db } from "@openticket/db";
import { makeUser } from "@openticket/db/testing";
import { expect } from "vitest";
import { callerFor } from "./callers.ts";

export const DAY = 24 * 3600_000;

export async function makeOrganizer(db: Db) {
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  return { organizer, api: callerFor(db, organizer).organizer };
}

/**
 * An organizer's venue with one section ("Main", rows A.. × seatsPerRow) and an event on it,
 * published unless asked for a draft, starting a week from now and on sale.
 */
export async function organizerEvent(
  db: Db,
  options: {
    rows?: number;
    seatsPerRow?: number;
    price?: number;
    draft?: boolean;
    startsAt?: Date;
    refundableUntilHours?: number | null;
  } = {},
) {
  const { organizer, api } = await makeOrganizer(db);
  const venue = await api.venues.create({
    name: `Hall ${randomUUID().slice(0, 8)}`,
    city: "Taipei",
    address: "1 Test Road",
  });
  await api.venues.addSection({
    venueId: venue.id,
    name: "Main",
    rows: { count: options.rows ?? 2 },
    seatsPerRow: options.seatsPerRow ?? 5,
  });
  const startsAt = options.startsAt ?? new Date(Date.now() + 7 * DAY);
  const created = await api.events.create({
    venueId: venue.id,
    title: "Test Concert",
    category: "CONCERT",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    refundableUntilHours: options.refundableUntilHours ?? null,
    priceTiers: [{ name: "Standard", price: options.price ?? 1000 }],
  });
  const event = options.draft ? created : await api.events.publish({ eventId: created.id });
  const seats = await db.eventSeat.findMany({
    where: { eventId: event.id },
    select: { id: true, seat: { select: { label: true } } },
  });
  const seatIds = seats
    .sort((a, b) => a.seat.label.localeCompare(b.seat.label, "en", { numeric: true }))
    .map((seat) => seat.id);
  return { organizer, api, venue, event, seatIds };
}

/**
 * A paid order for some event seats, bought at `at` at their tier's price; `checkedIn` of its
 * tickets scanned. With `cancelled`, the order was later cancelled with that refund.
 */
export async function sell(
  db: Db,
  options: {
    eventId: string;
    buyerId: string;
    eventSeatIds: string[];
    at?: Date;
    checkedIn?: number;
    cancelled?: { refund: number; at: Date };
  },
) {
  const { eventId, buyerId, cancelled } = options;
  const at = options.at ?? new Date();
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const seats = await db.eventSeat.findMany({
    where: { eventId, id: { in: options.eventSeatIds } },
    select: { id: true, tier: { select: { price: true } } },
  });
  expect(seats).toHaveLength(options.eventSeatIds.length);
  const total = seats.reduce((sum, seat) => sum + seat.tier.price, 0);
  const payment = (kind: "CHARGE" | "REFUND", amount: number, createdAt: Date) => ({
    kind,
    amount,
    currency: event.currency,
    provider: "demo",
    providerReference: `test_${randomUUID()}`,
    createdAt,
  });
  const order = await db.order.create({
    data: {
      userId: buyerId,
      eventId,
      status: cancelled ? "CANCELLED" : "PAID",
      total,
      currency: event.currency,
      idempotencyKey: randomUUID(),
      createdAt: at,
      cancelledAt: cancelled?.at ?? null,
      tickets: {
        create: seats.map((seat, index) => ({
          eventSeatId: seat.id,
          pricePaid: seat.tier.price,
          status: cancelled
            ? ("CANCELLED" as const)
            : index < (options.checkedIn ?? 0)
              ? ("CHECKED_IN" as const)
              : ("VALID" as const),
          checkedInAt: !cancelled && index < (options.checkedIn ?? 0) ? event.startsAt : null,
          code: randomUUID(),
          createdAt: at,
        })),
      },
      payments: {
        create: [
          payment("CHARGE", total, at),
          ...(cancelled ? [payment("REFUND", cancelled.refund, cancelled.at)] : []),
        ],
      },
    },
    select: { id: true, total: true },
  });
  if (!cancelled) {
    await db.eventSeat.updateMany({
      where: { id: { in: options.eventSeatIds } },
      data: { status: "SOLD" },
    });
  }
  return order;
}
