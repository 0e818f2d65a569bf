// A payment that lands for an event cancelled meanwhile is refunded in full, never sold: no
// tickets for a show that will not happen, the seats stay free, the money goes back.
import { useTestDatabase } from "@openticket/db/testing";
import { expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";
import { demoReference, eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase();

it("refunds, instead of selling, a payment confirmed after its event was cancelled", async () => {
  const { db } = database();
  const { event, seatIds } = await eventOnSale(db, { price: 1500 });
  const [buyer] = await makeBuyers(db, 1);
  if (!buyer) throw new Error("buyer");
  const api = callerFor(db, buyer);
  await api.reservation.hold({ eventId: event.id, seatIds: seatIds.slice(0, 2) });
  const started = await api.order.checkout({ eventId: event.id, idempotencyKey: "cancelled-1" });
  // The cancel committed while the buyer was on the payment page, and its hold clean-up did
  // not reach this order's seats (the state a race between the two could leave).
  await db.event.update({ where: { id: event.id }, data: { status: "CANCELLED" } });

  await api.demoPayment.approve({ reference: demoReference(started.redirectUrl) });

  const order = await db.order.findUniqueOrThrow({
    where: { id: started.orderId },
    include: { tickets: true, payments: true },
  });
  expect(order.status).toBe("FAILED");
  expect(order.tickets).toEqual([]);
  expect(order.payments.map((payment) => [payment.kind, payment.amount]).sort()).toEqual([
    ["CHARGE", 3000],
    ["REFUND", 3000],
  ]);
  expect(await db.eventSeat.count({ where: { eventId: event.id, status: "SOLD" } })).toBe(0);
  expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(0);
});
