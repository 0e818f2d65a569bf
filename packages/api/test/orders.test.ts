import { useTestDatabase } from "@openticket/db/testing";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import {
  DEMO_DECLINED_CARD,
  type PaymentProvider,
} from "../src/services/payments/payment-provider.ts";
import { callerFor } from "./helpers/callers.ts";
import { failure } from "./helpers/refusals.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 30 });
const hours = (n: number) => n * 3600_000;

/** A buyer holding `count` seats of a fresh event priced 1,000, refundable until 48 h before at 80%. */
async function buyerHolding(count = 2) {
  const { db } = database();
  const sale = await eventOnSale(db, { event: { refundableUntilHours: 48, refundPercent: 80 } });
  const [buyer] = await makeBuyers(db, 1);
  if (!buyer) throw new Error("buyer");
  const seatIds = sale.seatIds.slice(0, count);
  await callerFor(db, buyer).reservation.hold({ eventId: sale.event.id, seatIds });
  return { db, buyer, event: sale.event, seatIds, api: callerFor(db, buyer) };
}

describe("order.checkout", () => {
  it("turns the holds into one PAID order with a ticket per seat and a CHARGE", async () => {
    const { db, buyer, event, seatIds, api } = await buyerHolding(2);
    const order = await api.order.checkout({ eventId: event.id, idempotencyKey: "checkout-key-1" });
    expect(order).toMatchObject({ status: "PAID", total: 2000, currency: "TWD" });
    expect(order.tickets).toHaveLength(2);
    expect(new Set(order.tickets.map((ticket) => ticket.code)).size).toBe(2);
    expect(order.tickets[0]?.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(order.payments).toEqual([expect.objectContaining({ kind: "CHARGE", amount: 2000 })]);

    expect(await db.seatHold.count({ where: { userId: buyer.id } })).toBe(0);
    const seats = await db.eventSeat.findMany({ where: { id: { in: seatIds } } });
    expect(seats.map((seat) => seat.status)).toEqual(["SOLD", "SOLD"]);
    const map = await callerFor(db, null).event.seatMap({ eventId: event.id });
    expect(
      map.seats
        .filter((seat) => seat.status === "SOLD")
        .map((seat) => seat.id)
        .sort(),
    ).toEqual([...seatIds].sort());

    // The same key returns the same order, never a second one.
    const again = await api.order.checkout({ eventId: event.id, idempotencyKey: "checkout-key-1" });
    expect(again.id).toBe(order.id);
    expect(await db.order.count({ where: { userId: buyer.id } })).toBe(1);
  });

  it("charges the price the seats had when they were held, though the tier was re-priced", async () => {
    const { db } = database();
    const sale = await eventOnSale(db, { price: 1000 });
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const api = callerFor(db, buyer);
    await api.reservation.hold({ eventId: sale.event.id, seatIds: sale.seatIds.slice(0, 2) });
    const tier = await db.priceTier.findFirstOrThrow({ where: { eventId: sale.event.id } });
    await callerFor(db, sale.organizer).organizer.events.update({
      eventId: sale.event.id,
      priceTiers: [{ id: tier.id, name: tier.name, price: 5000 }],
    });
    expect((await api.reservation.mine({ eventId: sale.event.id })).total).toBe(2000);

    const order = await api.order.checkout({ eventId: sale.event.id, idempotencyKey: "re-priced" });
    expect(order.total).toBe(2000);
    expect(order.payments).toEqual([expect.objectContaining({ kind: "CHARGE", amount: 2000 })]);
    expect(order.tickets.map((ticket) => ticket.pricePaid)).toEqual([1000, 1000]);
    // A seat held after the change costs the new price.
    await api.reservation.hold({ eventId: sale.event.id, seatIds: sale.seatIds.slice(2, 3) });
    expect((await api.reservation.mine({ eventId: sale.event.id })).total).toBe(5000);
  });

  it("creates one order when the same key arrives several times at once", async () => {
    const { db, buyer, event, api } = await buyerHolding(2);
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        api.order.checkout({ eventId: event.id, idempotencyKey: "same-key-racing" }),
      ),
    );
    const paid = attempts.flatMap((attempt) =>
      attempt.status === "fulfilled" ? [attempt.value.id] : [],
    );
    expect(paid.length).toBeGreaterThan(0);
    expect(new Set(paid).size).toBe(1);
    for (const attempt of attempts) {
      if (attempt.status === "rejected")
        expect((attempt.reason as TRPCError).code).toBe("CONFLICT");
    }
    expect(await db.order.count({ where: { userId: buyer.id } })).toBe(1);
    expect(await db.ticket.count({ where: { order: { userId: buyer.id } } })).toBe(2);
  });

  it("sells nothing and keeps the holds when the payment is declined", async () => {
    const { db, buyer, event, seatIds, api } = await buyerHolding(2);
    const error = await failure(
      api.order.checkout({
        eventId: event.id,
        idempotencyKey: "declined-1",
        payment: { cardNumber: DEMO_DECLINED_CARD },
      }),
    );
    expect(error.code).toBe("PAYMENT_REQUIRED");
    expect(await db.seatHold.count({ where: { userId: buyer.id } })).toBe(2);
    expect(await db.ticket.count({ where: { eventSeatId: { in: seatIds } } })).toBe(0);
    expect(
      await db.order.findMany({ where: { userId: buyer.id }, select: { status: true } }),
    ).toEqual([{ status: "FAILED" }]);
    // A new attempt with a good card succeeds.
    const order = await api.order.checkout({ eventId: event.id, idempotencyKey: "declined-2" });
    expect(order.status).toBe("PAID");
  });

  it("gives CONFLICT when the holds expired, and when there are none", async () => {
    const { db, buyer, event } = await buyerHolding(1);
    const late = callerFor(db, buyer, { now: () => new Date(Date.now() + 11 * 60_000) });
    expect(
      (await failure(late.order.checkout({ eventId: event.id, idempotencyKey: "too-late-1" })))
        .code,
    ).toBe("CONFLICT");
    const [stranger] = await makeBuyers(db, 1);
    if (!stranger) throw new Error("buyer");
    const none = callerFor(db, stranger).order.checkout({
      eventId: event.id,
      idempotencyKey: "nothing-held",
    });
    expect((await failure(none)).code).toBe("CONFLICT");
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refunds the charge when the holds are lost while the provider is paying", async () => {
    const { db, buyer, event, seatIds } = await buyerHolding(1);
    const [rival] = await makeBuyers(db, 1);
    if (!rival) throw new Error("buyer");
    const afterExpiry = new Date(Date.now() + 11 * 60_000);
    const refunds: string[] = [];
    let clock = new Date();
    // A slow provider: while it pays, the hold expires and a rival takes the seat.
    const slowProvider: PaymentProvider = {
      name: "slow",
      async charge() {
        clock = afterExpiry;
        await callerFor(db, rival, { now: () => afterExpiry }).reservation.hold({
          eventId: event.id,
          seatIds,
        });
        return { ok: true, reference: "slow-charge" };
      },
      async refund(request) {
        refunds.push(request.idempotencyKey);
        return { reference: "slow-refund" };
      },
    };
    const api = callerFor(db, buyer, { now: () => clock, payments: slowProvider });
    const error = await failure(
      api.order.checkout({ eventId: event.id, idempotencyKey: "slow-payment" }),
    );
    expect(error.code).toBe("CONFLICT");
    const order = await db.order.findFirstOrThrow({
      where: { userId: buyer.id },
      include: { payments: true, tickets: true },
    });
    expect(order.status).toBe("FAILED");
    expect(order.tickets).toEqual([]);
    expect(order.payments.map((payment) => [payment.kind, payment.amount]).sort()).toEqual([
      ["CHARGE", 1000],
      ["REFUND", 1000],
    ]);
    expect(refunds).toHaveLength(1);
  });
});

describe("order.list, order.byId, order.cancel", () => {
  it("lists only one's own orders; someone else's order is NOT_FOUND", async () => {
    const { db, event, api } = await buyerHolding(1);
    const order = await api.order.checkout({ eventId: event.id, idempotencyKey: "mine-only-1" });
    expect((await api.order.list({})).items.map((item) => item.id)).toEqual([order.id]);
    expect((await api.order.byId({ orderId: order.id })).id).toBe(order.id);

    const [stranger] = await makeBuyers(db, 1);
    if (!stranger) throw new Error("buyer");
    const theirs = callerFor(db, stranger);
    expect((await theirs.order.list({})).items).toEqual([]);
    expect((await failure(theirs.order.byId({ orderId: order.id }))).code).toBe("NOT_FOUND");
    expect(
      (await failure(theirs.order.cancel({ orderId: order.id, idempotencyKey: "not-mine-1" })))
        .code,
    ).toBe("NOT_FOUND");
  });

  it("cancels within the policy: tickets cancelled, seats back on sale, one refund of the policy's amount", async () => {
    const { db, event, seatIds, api } = await buyerHolding(2);
    const order = await api.order.checkout({ eventId: event.id, idempotencyKey: "cancel-me-1" });
    expect(order.refund).toMatchObject({ cancellable: true, amount: 1600 });

    const cancelled = await api.order.cancel({ orderId: order.id, idempotencyKey: "cancel-1" });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.refund.refunded).toBe(1600);
    expect(cancelled.tickets.map((ticket) => ticket.status)).toEqual(["CANCELLED", "CANCELLED"]);
    const seats = await db.eventSeat.findMany({ where: { id: { in: seatIds } } });
    expect(seats.map((seat) => seat.status)).toEqual(["AVAILABLE", "AVAILABLE"]);

    // Twice, and several times at once: still one refund.
    await api.order.cancel({ orderId: order.id, idempotencyKey: "cancel-2" });
    expect(await db.payment.count({ where: { orderId: order.id, kind: "REFUND" } })).toBe(1);
  });

  it("refunds once when cancels race", async () => {
    const { db, event, api } = await buyerHolding(2);
    const order = await api.order.checkout({ eventId: event.id, idempotencyKey: "race-cancel-1" });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        api.order.cancel({ orderId: order.id, idempotencyKey: `race-${i}-cancel` }),
      ),
    );
    for (const result of results) {
      if (result.status === "rejected") expect((result.reason as TRPCError).code).toBe("CONFLICT");
    }
    expect(results.some((result) => result.status === "fulfilled")).toBe(true);
    expect(
      await db.payment.findMany({
        where: { orderId: order.id, kind: "REFUND" },
        select: { amount: true },
      }),
    ).toEqual([{ amount: 1600 }]);
  });

  it("refuses to cancel after the refund deadline, and for non-refundable events", async () => {
    const { db, buyer, event, api } = await buyerHolding(1);
    const order = await api.order.checkout({ eventId: event.id, idempotencyKey: "deadline-1" });
    const afterDeadline = new Date(event.startsAt.getTime() - hours(47));
    const late = callerFor(db, buyer, { now: () => afterDeadline });
    expect((await late.order.byId({ orderId: order.id })).refund.cancellable).toBe(false);
    expect(
      (await failure(late.order.cancel({ orderId: order.id, idempotencyKey: "deadline-2" }))).code,
    ).toBe("BAD_REQUEST");
    await db.event.update({ where: { id: event.id }, data: { refundableUntilHours: null } });
    expect(
      (await failure(api.order.cancel({ orderId: order.id, idempotencyKey: "deadline-3" }))).code,
    ).toBe("BAD_REQUEST");
    expect(await db.payment.count({ where: { orderId: order.id, kind: "REFUND" } })).toBe(0);
  });
});
