import { createHmac } from "node:crypto";
import { useTestDatabase } from "@openticket/db/testing";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { defaultSettings } from "../src/context.ts";
import { auditPaymentInvariants } from "../src/services/payments/audit-invariants.ts";
import {
  createDemoProvider,
  DEMO_SIGNATURE_HEADER,
  type DemoProvider,
} from "../src/services/payments/demo-provider.ts";
import { handlePaymentWebhook } from "../src/services/payments/handle-webhook.ts";
import { inProcessDemoProvider } from "../src/services/payments/in-process-demo.ts";
import {
  type PaymentProvider,
  PaymentProviderUnavailable,
} from "../src/services/payments/payment-provider.ts";
import { reconcilePayments } from "../src/services/payments/reconcile-payments.ts";
import { callerFor } from "./helpers/callers.ts";
import { detailsOf, failure } from "./helpers/refusals.ts";
import { checkoutAndPay, demoReference, eventOnSale, makeBuyers } from "./helpers/sale.ts";

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
  it("sends the buyer to pay, and sells the seats when the provider confirms", async () => {
    const { db, buyer, event, seatIds, api } = await buyerHolding(2);
    const started = await api.order.checkout({
      eventId: event.id,
      idempotencyKey: "checkout-key-1",
    });
    expect(started).toMatchObject({
      status: "PENDING",
      redirectUrl: expect.stringMatching(/^\/pay\/demo\//),
    });
    // While the payment is in flight the holds belong to the order: no release, no tickets yet.
    expect(await db.seatHold.count({ where: { orderId: started.orderId } })).toBe(2);
    await api.reservation.release({ eventId: event.id });
    expect(await db.seatHold.count({ where: { orderId: started.orderId } })).toBe(2);
    const pending = await api.order.byId({ orderId: started.orderId });
    expect(pending).toMatchObject({
      status: "PENDING",
      payment: { redirectUrl: started.redirectUrl },
    });
    expect(pending.tickets).toEqual([]);

    await api.demoPayment.approve({ reference: demoReference(started.redirectUrl) });
    const order = await api.order.byId({ orderId: started.orderId });
    expect(order).toMatchObject({ status: "PAID", total: 2000, currency: "TWD", payment: null });
    expect(order.tickets).toHaveLength(2);
    expect(new Set(order.tickets.map((ticket) => ticket.code)).size).toBe(2);
    // Signed by the event's key (ticket-code.ts): 99 bytes in base64url.
    expect(order.tickets[0]?.code).toMatch(/^[A-Za-z0-9_-]{132}$/);
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
    expect(again).toEqual({ orderId: started.orderId, status: "PAID", redirectUrl: null });
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

    const order = await checkoutAndPay(api, sale.event.id, "re-priced");
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
    const started = attempts.flatMap((attempt) =>
      attempt.status === "fulfilled" ? [attempt.value.orderId] : [],
    );
    expect(started.length).toBeGreaterThan(0);
    expect(new Set(started).size).toBe(1);
    for (const attempt of attempts) {
      if (attempt.status === "rejected")
        expect((attempt.reason as TRPCError).code).toBe("CONFLICT");
    }
    expect(await db.order.count({ where: { userId: buyer.id } })).toBe(1);
    expect(await db.paymentAttempt.count({ where: { order: { userId: buyer.id } } })).toBe(1);
    expect(await db.demoPayment.count({ where: { orderId: started[0] } })).toBe(1);
  });

  it("refuses a key reused for another purchase, and a second checkout while one is in flight", async () => {
    const { db, buyer, event, api } = await buyerHolding(2);
    const first = await api.order.checkout({
      eventId: event.id,
      idempotencyKey: "one-key-one-buy",
    });
    const other = await eventOnSale(db);
    const reused = await failure(
      api.order.checkout({ eventId: other.event.id, idempotencyKey: "one-key-one-buy" }),
    );
    expect(reused.code).toBe("UNPROCESSABLE_CONTENT");
    const second = await failure(
      api.order.checkout({ eventId: event.id, idempotencyKey: "another-key-same-seats" }),
    );
    expect(second.code).toBe("CONFLICT");
    expect(detailsOf(second)).toMatchObject({
      reason: "PAYMENT_IN_PROGRESS",
      orderId: first.orderId,
    });
    expect(await db.order.count({ where: { userId: buyer.id } })).toBe(1);
    expect(await db.demoPayment.count({ where: { orderId: first.orderId } })).toBe(1);
  });

  it("sells nothing and frees the seats when the payment is declined; holding again can pay", async () => {
    const { db, buyer, event, seatIds, api } = await buyerHolding(2);
    const started = await api.order.checkout({ eventId: event.id, idempotencyKey: "declined-1" });
    await api.demoPayment.decline({ reference: demoReference(started.redirectUrl) });
    expect((await api.order.byId({ orderId: started.orderId })).status).toBe("FAILED");
    expect(await db.seatHold.count({ where: { userId: buyer.id } })).toBe(0);
    expect(await db.ticket.count({ where: { eventSeatId: { in: seatIds } } })).toBe(0);
    expect(await db.payment.count({ where: { orderId: started.orderId } })).toBe(0);
    // Holding again, a new attempt pays.
    await api.reservation.hold({ eventId: event.id, seatIds });
    const order = await checkoutAndPay(api, event.id, "declined-2");
    expect(order.status).toBe("PAID");
    expect(order.tickets).toHaveLength(2);
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

  it("refunds a confirmation that arrives after the seats were taken, and says so", async () => {
    const { db, buyer, event, seatIds, api } = await buyerHolding(1);
    const [rival] = await makeBuyers(db, 1);
    if (!rival) throw new Error("buyer");
    const started = await api.order.checkout({ eventId: event.id, idempotencyKey: "slow-payer" });
    // The payment window and its grace pass; a rival takes the seat.
    const muchLater = new Date(Date.now() + 25 * 60_000);
    await callerFor(db, rival, { now: () => muchLater }).reservation.hold({
      eventId: event.id,
      seatIds,
    });
    await api.demoPayment.approve({ reference: demoReference(started.redirectUrl) });

    const order = await api.order.byId({ orderId: started.orderId });
    expect(order.status).toBe("FAILED");
    expect(order.tickets).toEqual([]);
    expect(order.payments.map((payment) => [payment.kind, payment.amount]).sort()).toEqual([
      ["CHARGE", 1000],
      ["REFUND", 1000],
    ]);
    const seat = await db.seatHold.findUniqueOrThrow({ where: { eventSeatId: seatIds[0] } });
    expect(seat.userId).toBe(rival.id);
    expect(await db.seatHold.count({ where: { userId: buyer.id } })).toBe(0);
  });

  it("settles once however often and however concurrently the webhook arrives", async () => {
    const { db, event, seatIds, buyer } = await buyerHolding(2);
    const delivered: [string, Headers][] = [];
    const provider: DemoProvider = createDemoProvider({
      db,
      secret: "replay-test",
      deliver: async (payload, headers) => {
        delivered.push([payload, headers]);
      },
    });
    const api = callerFor(db, buyer, { payments: provider });
    const started = await api.order.checkout({ eventId: event.id, idempotencyKey: "replayed" });
    await api.demoPayment.approve({ reference: demoReference(started.redirectUrl) });
    expect(delivered).toHaveLength(1);
    const [payload, headers] = delivered[0] ?? ["", new Headers()];
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => handlePaymentWebhook(db, provider, payload, headers)),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.filter((answer) => answer.settlement === "paid")).toHaveLength(1);
    expect(await db.payment.count({ where: { orderId: started.orderId } })).toBe(1);
    expect(await db.ticket.count({ where: { eventSeatId: { in: seatIds } } })).toBe(2);
    expect((await api.order.byId({ orderId: started.orderId })).status).toBe("PAID");

    // Forged, unsigned or tampered webhooks are refused and change nothing.
    const forged = payload.replace('"paid"', '"failed"');
    expect((await handlePaymentWebhook(db, provider, forged, headers)).status).toBe(400);
    expect((await handlePaymentWebhook(db, provider, payload, new Headers())).status).toBe(400);
    const stranger = createDemoProvider({ db, secret: "someone-else", deliver: async () => {} });
    const other = await stranger.createCheckout({
      idempotencyKey: "unknown-order",
      orderId: started.orderId,
      amount: 1,
      currency: "TWD",
      description: "x",
      returnUrl: "http://localhost/",
      expiresAt: new Date(Date.now() + 60_000),
    });
    const unknown = JSON.stringify({
      reference: other.reference,
      orderId: null,
      state: { status: "paid", amount: 1, chargeReference: other.reference },
    });
    expect(await handlePaymentWebhook(db, provider, unknown, signedAs(unknown))).toEqual({
      status: 200,
      settlement: "unknown-checkout",
    });
    expect((await api.order.byId({ orderId: started.orderId })).status).toBe("PAID");
  });

  it("sends a webhook whose delivery failed again, as a real gateway does, and the order is paid", async () => {
    const { db, event, seatIds, buyer } = await buyerHolding(2);
    const tries: number[] = [];
    const provider: DemoProvider = createDemoProvider({
      db,
      secret: "retry-test",
      deliver: async (payload, headers) => {
        tries.push(Date.now());
        // The first delivery fails, as when the app answers 503 or its settlement times out.
        if (tries.length === 1) throw new Error("503 Service Unavailable");
        const answer = await handlePaymentWebhook(db, provider, payload, headers);
        if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}`);
      },
    });
    const api = callerFor(db, buyer, { payments: provider });
    const started = await api.order.checkout({
      eventId: event.id,
      idempotencyKey: "retried-webhook",
    });
    await api.demoPayment.approve({ reference: demoReference(started.redirectUrl) });
    expect((await api.order.byId({ orderId: started.orderId })).status).toBe("PENDING");
    await expect
      .poll(async () => (await api.order.byId({ orderId: started.orderId })).status, {
        timeout: 10_000,
      })
      .toBe("PAID");
    expect(tries).toHaveLength(2);
    expect((tries[1] ?? 0) - (tries[0] ?? 0)).toBeGreaterThanOrEqual(900);
    expect(await db.ticket.count({ where: { eventSeatId: { in: seatIds } } })).toBe(2);
  });

  it("answers a clear retryable error when the provider is down, and the same key then pays", async () => {
    const { db, buyer, event, api: healthy } = await buyerHolding(1);
    const demo = inProcessDemoProvider(db);
    let down = true;
    const flaky: PaymentProvider = {
      ...demo,
      name: demo.name,
      async createCheckout(request) {
        if (down) throw new PaymentProviderUnavailable("connection refused");
        return demo.createCheckout(request);
      },
    };
    const api = callerFor(db, buyer, { payments: flaky });
    const error = await failure(
      api.order.checkout({ eventId: event.id, idempotencyKey: "outage-1" }),
    );
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(detailsOf(error)).toMatchObject({ reason: "PROVIDER_UNAVAILABLE" });
    down = false;
    const retried = await api.order.checkout({ eventId: event.id, idempotencyKey: "outage-1" });
    expect(retried.redirectUrl).toMatch(/^\/pay\/demo\//);
    await healthy.demoPayment.approve({ reference: demoReference(retried.redirectUrl) });
    expect((await healthy.order.byId({ orderId: retried.orderId })).status).toBe("PAID");
    expect(await db.order.count({ where: { userId: buyer.id } })).toBe(1);
  });
});

/** The header the demo provider signs `payload` with, under the replay test's secret. */
function signedAs(payload: string) {
  const at = Math.floor(Date.now() / 1000);
  const v1 = createHmac("sha256", "replay-test").update(`${at}.${payload}`).digest("hex");
  return new Headers({ [DEMO_SIGNATURE_HEADER]: `t=${at},v1=${v1}` });
}

describe("order.list, order.byId, order.cancel", () => {
  it("lists only one's own orders; someone else's order is NOT_FOUND", async () => {
    const { db, event, api } = await buyerHolding(1);
    const order = await checkoutAndPay(api, event.id, "mine-only-1");
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
    const order = await checkoutAndPay(api, event.id, "cancel-me-1");
    expect(order.refund).toMatchObject({ cancellable: true, amount: 1600 });

    const cancelled = await api.order.cancel({ orderId: order.id, idempotencyKey: "cancel-1" });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.refund.refunded).toBe(1600);
    expect(cancelled.tickets.map((ticket) => ticket.status)).toEqual(["CANCELLED", "CANCELLED"]);
    // A cancelled ticket's code would still open the door: it is no longer given out.
    expect(order.tickets.every((ticket) => ticket.code)).toBe(true);
    expect(cancelled.tickets.map((ticket) => ticket.code)).toEqual([null, null]);
    // Paid, refunded and net, on the order and in the list.
    expect(cancelled.money).toEqual({ paid: order.total, refunded: 1600, net: order.total - 1600 });
    const listed = (await api.order.list({})).items.find((item) => item.id === order.id);
    expect(listed?.money).toEqual(cancelled.money);
    const seats = await db.eventSeat.findMany({ where: { id: { in: seatIds } } });
    expect(seats.map((seat) => seat.status)).toEqual(["AVAILABLE", "AVAILABLE"]);

    // Twice, and several times at once: still one refund.
    await api.order.cancel({ orderId: order.id, idempotencyKey: "cancel-2" });
    expect(await db.payment.count({ where: { orderId: order.id, kind: "REFUND" } })).toBe(1);
  });

  it("refunds once when cancels race", async () => {
    const { db, event, api } = await buyerHolding(2);
    const order = await checkoutAndPay(api, event.id, "race-cancel-1");
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

  it("keeps a cancellation whose refund the provider refused, and the reconciler refunds it", async () => {
    const { db, buyer, event, api } = await buyerHolding(2);
    const order = await checkoutAndPay(api, event.id, "refund-outage");
    const demo = inProcessDemoProvider(db);
    const down: PaymentProvider = {
      ...demo,
      name: demo.name,
      async refund() {
        throw new PaymentProviderUnavailable("connection refused");
      },
    };
    const cancelled = await callerFor(db, buyer, { payments: down }).order.cancel({
      orderId: order.id,
      idempotencyKey: "refund-outage-cancel",
    });
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      refund: { refunded: null, pending: { amount: 1600 } },
    });
    expect(await db.payment.count({ where: { orderId: order.id, kind: "REFUND" } })).toBe(0);

    // The reconciler backs off a minute after a failed try, then sends it again.
    const soon = new Date(Date.now() + 2 * 60_000);
    expect((await reconcilePayments(db, demo, defaultSettings, new Date())).refundsSent).toBe(0);
    expect((await reconcilePayments(db, demo, defaultSettings, soon)).refundsSent).toBe(1);
    expect((await api.order.byId({ orderId: order.id })).refund).toMatchObject({
      refunded: 1600,
      pending: null,
    });
    expect(
      await auditPaymentInvariants(db, { now: new Date(), paymentGraceMs: 60 * 60_000 }),
    ).toEqual([]);
  });

  it("refuses to cancel after the refund deadline, and for non-refundable events", async () => {
    const { db, buyer, event, api } = await buyerHolding(1);
    const order = await checkoutAndPay(api, event.id, "deadline-1");
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
