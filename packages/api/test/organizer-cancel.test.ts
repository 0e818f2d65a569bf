// organizer.events.cancel: every paid order refunded in full, exactly once, even when the
// organizer's cancel runs twice at the same moment; tickets cancelled, seats back to
// AVAILABLE, holds gone; and a run that fails midway is finished by running it again.
import { randomUUID } from "node:crypto";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { inProcessDemoProvider } from "../src/services/payments/in-process-demo.ts";
import {
  type PaymentProvider,
  PaymentProviderUnavailable,
  type RefundRequest,
} from "../src/services/payments/payment-provider.ts";
import { callerFor } from "./helpers/callers.ts";
import { organizerEvent, sell } from "./helpers/organizer.ts";
import { codeOf, failure } from "./helpers/refusals.ts";

const database = useTestDatabase({ maxConnections: 20 });

/** The demo provider, recording every refund request it receives (and failing after some). */
function recordingProvider(options: { failAfter?: number } = {}) {
  const demo = inProcessDemoProvider(database().db);
  const refunds: RefundRequest[] = [];
  const provider: PaymentProvider = {
    name: demo.name,
    createCheckout: (request) => demo.createCheckout(request),
    getCheckout: (reference) => demo.getCheckout(reference),
    parseWebhook: (payload, headers) => demo.parseWebhook(payload, headers),
    async refund(request) {
      if (options.failAfter !== undefined && refunds.length >= options.failAfter) {
        throw new PaymentProviderUnavailable("The provider is unavailable.");
      }
      refunds.push(request);
      return demo.refund(request);
    },
  };
  return { provider, refunds };
}

/** 200 sold tickets: 160 one-seat orders and 20 two-seat ones, in two tiers. */
async function soldOutEvent() {
  const { db } = database();
  const sale = await organizerEvent(db, { rows: 7, seatsPerRow: 30, price: 1000 });
  const vip = await sale.api.events.update({
    eventId: sale.event.id,
    priceTiers: [{ name: "VIP", price: 2500 }],
  });
  await sale.api.events.setSeatTiers({
    eventId: sale.event.id,
    tierId: vip.priceTiers.find((tier) => tier.name === "VIP")?.id ?? "",
    seatIds: sale.seatIds.slice(0, 30),
  });
  const buyers = await Promise.all(Array.from({ length: 10 }, () => makeUser(db)));
  const orders: { id: string; total: number }[] = [];
  let next = 0;
  for (let index = 0; index < 180; index++) {
    const size = index < 160 ? 1 : 2;
    const eventSeatIds = sale.seatIds.slice(next, next + size);
    next += size;
    orders.push(
      await sell(db, {
        eventId: sale.event.id,
        buyerId: buyers[index % buyers.length]?.id ?? "",
        eventSeatIds,
        checkedIn: index === 0 ? 1 : 0,
      }),
    );
  }
  expect(next).toBe(200);
  return { ...sale, db, buyers, orders, unsoldSeatIds: sale.seatIds.slice(200) };
}

describe("organizer.events.cancel", () => {
  it("refunds 200 sold tickets exactly once when cancel runs twice at the same time", async () => {
    const { db, organizer, event, orders, buyers, unsoldSeatIds } = await soldOutEvent();
    // An order cancelled earlier under the refund policy keeps its one (partial) refund.
    const earlier = await sell(db, {
      eventId: event.id,
      buyerId: buyers[0]?.id ?? "",
      eventSeatIds: unsoldSeatIds.slice(0, 2),
      cancelled: { refund: 1600, at: new Date() },
    });
    // A buyer in the middle of checking out.
    const holder = buyers[1];
    if (!holder) throw new Error("buyer");
    await callerFor(db, holder).reservation.hold({
      eventId: event.id,
      seatIds: unsoldSeatIds.slice(2, 4),
    });

    const { provider, refunds } = recordingProvider();
    const api = callerFor(db, organizer, { payments: provider }).organizer;
    const [first, second] = await Promise.all([
      api.events.cancel({ eventId: event.id, reason: "The venue flooded." }),
      api.events.cancel({ eventId: event.id }),
    ]);

    expect(first.ordersStillPaid).toBe(0);
    expect(second.ordersStillPaid).toBe(0);
    expect(first.refundedOrders + second.refundedOrders).toBe(180);
    const expectedAmount = orders.reduce((sum, order) => sum + order.total, 0);
    expect(expectedAmount).toBe(30 * 2500 + 170 * 1000);
    expect(first.refundedAmount + second.refundedAmount).toBe(expectedAmount);

    // One REFUND per order, of its full total; the earlier cancellation untouched.
    const payments = await db.payment.findMany({
      where: { order: { eventId: event.id }, kind: "REFUND" },
      select: { orderId: true, amount: true },
    });
    expect(payments).toHaveLength(181);
    const refundOf = new Map(payments.map((payment) => [payment.orderId, payment.amount]));
    expect(refundOf.size).toBe(181);
    for (const order of orders) expect(refundOf.get(order.id)).toBe(order.total);
    expect(refundOf.get(earlier.id)).toBe(1600);

    // The provider may be asked twice for one order, but always with the order's key and its
    // full amount, so it refunds once.
    const keys = new Map<string, number>();
    for (const request of refunds) {
      expect(keys.get(request.idempotencyKey) ?? request.amount).toBe(request.amount);
      keys.set(request.idempotencyKey, request.amount);
    }
    expect([...keys.keys()].sort()).toEqual(
      orders.map((order) => `refund:${order.id}:${order.total}`).sort(),
    );

    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      status: "CANCELLED",
    });
    expect(
      await db.order.count({ where: { eventId: event.id, status: { not: "CANCELLED" } } }),
    ).toBe(0);
    expect(
      await db.ticket.count({
        where: { order: { eventId: event.id }, status: { not: "CANCELLED" } },
      }),
    ).toBe(0);
    expect(
      await db.eventSeat.count({ where: { eventId: event.id, status: { not: "AVAILABLE" } } }),
    ).toBe(0);
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(0);

    const audit = await db.auditLog.groupBy({
      by: ["action"],
      where: {
        OR: [{ entityId: event.id }, { entityId: { in: orders.map((order) => order.id) } }],
      },
      _count: { _all: true },
    });
    const counts = Object.fromEntries(audit.map((row) => [row.action, row._count._all]));
    expect(counts).toMatchObject({ "event.cancel": 1, "order.refund": 180 });

    // The buyer who was checking out cannot complete; a third cancel refunds nothing new.
    expect(
      await codeOf(
        callerFor(db, holder).order.checkout({ eventId: event.id, idempotencyKey: randomUUID() }),
      ),
    ).toBe("BAD_REQUEST");
    const third = await api.events.cancel({ eventId: event.id });
    expect(third).toMatchObject({ refundedOrders: 0, refundedAmount: 0, ordersStillPaid: 0 });
    expect(
      await db.payment.count({ where: { order: { eventId: event.id }, kind: "REFUND" } }),
    ).toBe(181);
    // Attendees see the cancellation and the refund on their order.
    const seen = await callerFor(db, buyers[0] ?? null).order.byId({
      orderId: orders[0]?.id ?? "",
    });
    expect(seen).toMatchObject({
      status: "CANCELLED",
      event: { status: "CANCELLED" },
      refund: { refunded: orders[0]?.total },
    });
  }, 120_000);

  it("finishes the refunds when run again after failing midway", async () => {
    const { db } = database();
    const { organizer, event, seatIds } = await organizerEvent(db, { rows: 1, seatsPerRow: 6 });
    const buyer = await makeUser(db);
    const orders = [];
    for (const seatId of seatIds) {
      orders.push(await sell(db, { eventId: event.id, buyerId: buyer.id, eventSeatIds: [seatId] }));
    }
    const flaky = recordingProvider({ failAfter: 2 });
    const broken = await callerFor(db, organizer, {
      payments: flaky.provider,
    }).organizer.events.cancel({ eventId: event.id });
    // Every order is cancelled and its seats are free; four refunds are owed, none lost.
    expect(broken).toMatchObject({
      status: "CANCELLED",
      refundedOrders: 6,
      ordersStillPaid: 0,
      refundsPending: 4,
    });
    expect(await db.eventSeat.count({ where: { eventId: event.id, status: "SOLD" } })).toBe(0);
    expect(
      await db.payment.count({ where: { order: { eventId: event.id }, kind: "REFUND" } }),
    ).toBe(2);

    const healthy = recordingProvider();
    const retried = await callerFor(db, organizer, {
      payments: healthy.provider,
    }).organizer.events.cancel({ eventId: event.id });
    expect(retried).toMatchObject({ refundedOrders: 0, ordersStillPaid: 0, refundsPending: 0 });
    expect(healthy.refunds).toHaveLength(4);
    expect(
      await db.payment.count({ where: { order: { eventId: event.id }, kind: "REFUND" } }),
    ).toBe(6);
    expect(await db.eventSeat.count({ where: { eventId: event.id, status: "SOLD" } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: event.id, action: "event.cancel" } })).toBe(
      1,
    );
  });

  it("refunds in full a buyer who cancels on an event whose cancel stopped midway", async () => {
    const { db } = database();
    const { event, seatIds } = await organizerEvent(db, { rows: 1, seatsPerRow: 2, price: 1000 });
    await db.event.update({ where: { id: event.id }, data: { refundPercent: 50 } });
    const buyer = await makeUser(db);
    const order = await sell(db, { eventId: event.id, buyerId: buyer.id, eventSeatIds: seatIds });
    // The event cancel committed its first step, then the process died before any refund.
    await db.event.update({ where: { id: event.id }, data: { status: "CANCELLED" } });

    const mine = await callerFor(db, buyer).order.cancel({
      orderId: order.id,
      idempotencyKey: "after-event-cancel",
    });
    expect(mine.status).toBe("CANCELLED");
    expect(
      await db.payment.findMany({ where: { orderId: order.id, kind: "REFUND" } }),
    ).toMatchObject([{ amount: order.total }]);
    expect(await db.eventSeat.count({ where: { eventId: event.id, status: "SOLD" } })).toBe(0);
  });

  it("refunds once, and records what was refunded, when a buyer's cancel races the event's", async () => {
    const { db } = database();
    for (let round = 0; round < 4; round++) {
      const { organizer, event, seatIds } = await organizerEvent(db, {
        rows: 1,
        seatsPerRow: 2,
        price: 1000,
        refundableUntilHours: 1,
      });
      await db.event.update({ where: { id: event.id }, data: { refundPercent: 80 } });
      const buyer = await makeUser(db);
      const order = await sell(db, { eventId: event.id, buyerId: buyer.id, eventSeatIds: seatIds });
      const { provider, refunds } = recordingProvider();
      await Promise.allSettled([
        callerFor(db, buyer, { payments: provider }).order.cancel({
          orderId: order.id,
          idempotencyKey: `race-${round}`,
        }),
        callerFor(db, organizer, { payments: provider }).organizer.events.cancel({
          eventId: event.id,
        }),
      ]);
      const recorded = await db.payment.findMany({ where: { orderId: order.id, kind: "REFUND" } });
      expect(recorded).toHaveLength(1);
      // The provider was asked for one amount only, and that is the amount recorded.
      expect(new Set(refunds.map((request) => request.amount))).toEqual(
        new Set([recorded[0]?.amount]),
      );
      expect([800, 2000]).toContain(recorded[0]?.amount);
    }
  });

  it("refuses drafts and events that have already taken place", async () => {
    const { db } = database();
    const draft = await organizerEvent(db, { draft: true });
    expect((await failure(draft.api.events.cancel({ eventId: draft.event.id }))).code).toBe(
      "BAD_REQUEST",
    );
    const past = await organizerEvent(db);
    const afterwards = callerFor(db, past.organizer, {
      now: () => new Date(past.event.endsAt.getTime() + 60_000),
    });
    expect(
      (await failure(afterwards.organizer.events.cancel({ eventId: past.event.id }))).code,
    ).toBe("BAD_REQUEST");
    expect((await db.event.findUniqueOrThrow({ where: { id: past.event.id } })).status).toBe(
      "PUBLISHED",
    );
  });
});
