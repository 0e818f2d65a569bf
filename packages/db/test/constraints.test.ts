// The database itself refuses what must never happen, whatever the application does.
import { describe, expect, it } from "vitest";
import { makeEvent, makeUser, makeVenue, useTestDatabase } from "../src/testing/index.ts";

const database = useTestDatabase();

async function soldSeatScenario() {
  const { db } = database();
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const buyer = await makeUser(db);
  const venue = await makeVenue(db, { ownerId: organizer.id });
  const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
  const eventSeat = await db.eventSeat.findFirstOrThrow({ where: { eventId: event.id } });
  const order = await db.order.create({
    data: {
      userId: buyer.id,
      eventId: event.id,
      status: "PAID",
      total: 1000,
      idempotencyKey: "k1",
    },
  });
  return { db, buyer, event, eventSeat, order };
}

describe("database constraints", () => {
  it("allows one live ticket per event seat, and a new one after cancellation", async () => {
    const { db, eventSeat, order } = await soldSeatScenario();
    const first = await db.ticket.create({
      data: { orderId: order.id, eventSeatId: eventSeat.id, pricePaid: 1000, code: "code-1" },
    });
    await expect(
      db.ticket.create({
        data: { orderId: order.id, eventSeatId: eventSeat.id, pricePaid: 1000, code: "code-2" },
      }),
    ).rejects.toThrow();
    await db.ticket.update({ where: { id: first.id }, data: { status: "CANCELLED" } });
    await db.ticket.create({
      data: { orderId: order.id, eventSeatId: eventSeat.id, pricePaid: 1000, code: "code-3" },
    });
    expect(await db.ticket.count({ where: { eventSeatId: eventSeat.id } })).toBe(2);
  });

  it("allows one hold per event seat", async () => {
    const { db, buyer, event, eventSeat } = await soldSeatScenario();
    const hold = {
      eventSeatId: eventSeat.id,
      eventId: event.id,
      userId: buyer.id,
      price: 1000,
      expiresAt: new Date(Date.now() + 60_000),
    };
    await db.seatHold.create({ data: hold });
    await expect(db.seatHold.create({ data: hold })).rejects.toThrow();
  });

  it("refunds an order at most once and charges it at most once", async () => {
    const { db, order } = await soldSeatScenario();
    const payment = (kind: "CHARGE" | "REFUND") => ({
      orderId: order.id,
      kind,
      amount: 1000,
      provider: "demo",
      providerReference: `ref-${kind}-${Math.random()}`,
    });
    await db.payment.create({ data: payment("CHARGE") });
    await expect(db.payment.create({ data: payment("CHARGE") })).rejects.toThrow();
    await db.payment.create({ data: payment("REFUND") });
    await expect(db.payment.create({ data: payment("REFUND") })).rejects.toThrow();
  });

  it("refuses negative money, upper-case e-mail and an event that ends before it starts", async () => {
    const { db, order, event } = await soldSeatScenario();
    await expect(
      db.order.update({ where: { id: order.id }, data: { total: -1 } }),
    ).rejects.toThrow();
    await expect(makeUser(db, { email: "Mixed@Case.example" })).rejects.toThrow();
    await expect(
      db.event.update({ where: { id: event.id }, data: { endsAt: event.startsAt } }),
    ).rejects.toThrow();
    await expect(
      db.priceTier.updateMany({ where: { eventId: event.id }, data: { price: -5 } }),
    ).rejects.toThrow();
  });
});
