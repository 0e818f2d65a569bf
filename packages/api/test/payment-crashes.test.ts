// Crash at every step of a payment: a child process runs checkout, the provider's confirmation
// or a refund and is SIGKILLed between two steps (OPENTICKET_CRASH_AT); then the reconciler runs
// and every money and seat invariant (audit-invariants.sql) must hold, with the outcome a buyer
// would expect — for numbered seats at a tier's price, and for standing places held as a ticket
// type with a quota and bought with a code for that type (its counts and the code's uses too).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { makeEvent, makeUser, makeVenue, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { defaultSettings } from "../src/context.ts";
import type { CrashPointName } from "../src/services/crash-point.ts";
import { auditPaymentInvariants } from "../src/services/payments/audit-invariants.ts";
import { inProcessDemoProvider } from "../src/services/payments/in-process-demo.ts";
import { reconcilePayments } from "../src/services/payments/reconcile-payments.ts";
import { callerFor } from "./helpers/callers.ts";
import { checkoutAndPay, eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase();
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const step = fileURLToPath(new URL("./crash/payment-step.ts", import.meta.url));
const AFTER_THE_DEADLINE =
  defaultSettings.paymentWindowMs + defaultSettings.paymentGraceMs + 60_000;

/** Runs one step in a child process that must die by SIGKILL at `point`. */
function crashAt(point: CrashPointName, ...args: string[]) {
  return new Promise<void>((resolve, reject) => {
    // node itself runs the step (tsx as a loader, not as a wrapper process), so the SIGKILL
    // hits the process we watch.
    const child = execFile(
      process.execPath,
      ["--import", "tsx", step, database().url, ...args],
      { cwd: packageDir, env: { ...process.env, OPENTICKET_CRASH_AT: point } },
      (error) => {
        if (child.signalCode === "SIGKILL") resolve();
        else reject(new Error(`the step did not crash at ${point}: ${error ?? "it finished"}`));
      },
    );
  });
}

async function buyerHolding() {
  const { db } = database();
  const sale = await eventOnSale(db, { event: { refundableUntilHours: 48, refundPercent: 80 } });
  const [buyer] = await makeBuyers(db, 1);
  if (!buyer) throw new Error("buyer");
  const seatIds = sale.seatIds.slice(0, 2);
  await callerFor(db, buyer).reservation.hold({ eventId: sale.event.id, seatIds });
  return { db, buyer, event: sale.event, seatIds };
}

/** The reconciler, run once the payment window and its grace have passed, then the audit. */
async function reconcileAndAudit() {
  const { db } = database();
  const later = new Date(Date.now() + AFTER_THE_DEADLINE);
  const payments = inProcessDemoProvider(db);
  await reconcilePayments(db, payments, defaultSettings, later);
  // Twice: reconciling is idempotent, and a second run finds nothing left to do.
  const again = await reconcilePayments(db, payments, defaultSettings, later);
  expect(again.refundsSent + again.refundsFailed).toBe(0);
  expect(await auditPaymentInvariants(db, { now: later, paymentGraceMs: 0 })).toEqual([]);
}

describe("a payment interrupted by a crash", () => {
  it("after the order was recorded, before the provider: expired, seats free", async () => {
    const { db, buyer, event, seatIds } = await buyerHolding();
    await crashAt("checkout:after-order", "checkout", buyer.id, event.id, "crash-test-1");
    const order = await db.order.findFirstOrThrow({ where: { userId: buyer.id } });
    expect(order.status).toBe("PENDING");
    await reconcileAndAudit();
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("EXPIRED");
    expect(await db.seatHold.count({ where: { eventSeatId: { in: seatIds } } })).toBe(0);
  });

  it("after the provider opened the payment, before its reference was recorded: a payment made there still sells", async () => {
    const { db, buyer, event } = await buyerHolding();
    await crashAt("checkout:after-provider", "checkout", buyer.id, event.id, "crash-test-2");
    const order = await db.order.findFirstOrThrow({ where: { userId: buyer.id } });
    // The worst case: the buyer paid on a page OpenTicket never recorded. The provider's own
    // books have it; its webhook names a checkout OpenTicket does not know yet.
    const atProvider = await db.demoPayment.findFirstOrThrow({ where: { orderId: order.id } });
    await inProcessDemoProvider(db).demo.approve(atProvider.reference);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
    await reconcileAndAudit();
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PAID",
      total: 2000,
    });
    expect(await db.ticket.count({ where: { orderId: order.id, status: "VALID" } })).toBe(2);
  });

  it("when the confirmation arrived but before the sale: the reconciler sells", async () => {
    const { db, buyer, event } = await buyerHolding();
    const started = await callerFor(db, buyer).order.checkout({
      eventId: event.id,
      idempotencyKey: "crash-test-3",
    });
    const reference = started.redirectUrl?.split("/").at(-1) ?? "";
    await crashAt("settle:before-sale", "approve", reference);
    expect((await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).status).toBe(
      "PENDING",
    );
    await reconcileAndAudit();
    expect((await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).status).toBe(
      "PAID",
    );
  });

  it("right after the sale: nothing left to do", async () => {
    const { db, buyer, event } = await buyerHolding();
    const started = await callerFor(db, buyer).order.checkout({
      eventId: event.id,
      idempotencyKey: "crash-test-4",
    });
    await crashAt("settle:after-sale", "approve", started.redirectUrl?.split("/").at(-1) ?? "");
    await reconcileAndAudit();
    expect((await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).status).toBe(
      "PAID",
    );
  });

  for (const point of ["refund:before-provider", "refund:after-provider"] as const) {
    it(`in a refund, ${point.split(":")[1]}: refunded once, the amount recorded as refunded`, async () => {
      const { db, buyer, event } = await buyerHolding();
      const order = await checkoutAndPay(callerFor(db, buyer), event.id, `crash-${point}`);
      expect(order.status).toBe("PAID");
      await crashAt(point, "cancel", buyer.id, order.id);
      expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe(
        "CANCELLED",
      );
      await reconcileAndAudit();
      const refunds = await db.payment.findMany({ where: { orderId: order.id, kind: "REFUND" } });
      expect(refunds.map((refund) => refund.amount)).toEqual([1600]);
      const atProvider = await db.demoPayment.findFirstOrThrow({ where: { orderId: order.id } });
      expect(atProvider.refunded).toBe(1600);
    });
  }
});

/** Two standing places held as "Early bird" (800, quota 3); the code EARLY50 takes half off it. */
async function typedPlacesHeld() {
  const { db } = database();
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const manage = callerFor(db, organizer).organizer;
  const venue = await makeVenue(db, { ownerId: organizer.id, rows: 1, seatsPerRow: 2 });
  const { section } = await manage.venues.addStandingZone({
    venueId: venue.id,
    name: "Floor",
    capacity: 10,
    origin: { x: 0, y: 100 },
  });
  const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id, price: 1000 });
  const type = await manage.ticketTypes.create({
    eventId: event.id,
    name: "Early bird",
    price: 800,
    quota: 3,
  });
  const code = await manage.discountCodes.create({
    eventId: event.id,
    code: "EARLY50",
    kind: "PERCENT",
    value: 50,
    ticketTypeIds: [type.id],
  });
  const [buyer] = await makeBuyers(db, 1);
  if (!buyer) throw new Error("buyer");
  await callerFor(db, buyer).reservation.holdBestAvailable({
    eventId: event.id,
    sectionId: section.id,
    quantity: 2,
    ticketTypeId: type.id,
  });
  /** The type's counts and the code's uses, as the database keeps them. */
  const counts = async () => ({
    ...(await db.ticketType.findUniqueOrThrow({
      where: { id: type.id },
      select: { held: true, sold: true },
    })),
    uses: (await db.discountCode.findUniqueOrThrow({ where: { id: code.id } })).uses,
  });
  return { db, buyer, event, type, counts };
}

describe("a typed, discounted purchase of standing places interrupted by a crash", () => {
  it("after the order was recorded: expired, the places, the type's count and the code's use back", async () => {
    const { db, buyer, event, counts } = await typedPlacesHeld();
    expect(await counts()).toEqual({ held: 2, sold: 0, uses: 0 });
    await crashAt(
      "checkout:after-order",
      "checkout",
      buyer.id,
      event.id,
      "typed-crash-1",
      "early50",
    );
    expect(await counts()).toEqual({ held: 2, sold: 0, uses: 1 });
    await reconcileAndAudit();
    const order = await db.order.findFirstOrThrow({ where: { userId: buyer.id } });
    expect(order).toMatchObject({ status: "EXPIRED", total: 800, discountAmount: 800 });
    expect(await counts()).toEqual({ held: 0, sold: 0, uses: 0 });
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(0);
  });

  for (const point of ["settle:before-sale", "settle:after-sale"] as const) {
    it(`when confirmed, ${point.split(":")[1]}: sold as the type, half off each place, counted once`, async () => {
      const { db, buyer, event, type, counts } = await typedPlacesHeld();
      const started = await callerFor(db, buyer).order.checkout({
        eventId: event.id,
        idempotencyKey: `typed-crash-${point.split(":")[1]}`,
        discountCode: "EARLY50",
      });
      await crashAt(point, "approve", started.redirectUrl?.split("/").at(-1) ?? "");
      await reconcileAndAudit();
      expect(await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).toMatchObject({
        status: "PAID",
        total: 800,
        discountAmount: 800,
      });
      const tickets = await db.ticket.findMany({
        where: { orderId: started.orderId },
        select: { pricePaid: true, ticketTypeId: true },
      });
      expect(tickets.map((ticket) => ticket.pricePaid)).toEqual([400, 400]);
      expect(tickets.map((ticket) => ticket.ticketTypeId)).toEqual([type.id, type.id]);
      expect(await counts()).toEqual({ held: 0, sold: 2, uses: 1 });
    });
  }
});
