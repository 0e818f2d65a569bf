// Crash at every step of a payment: a child process runs checkout, the provider's confirmation
// or a refund and is SIGKILLed between two steps (OPENTICKET_CRASH_AT); then the reconciler runs
// and every money and seat invariant (audit-invariants.sql) must hold, with the outcome a buyer
// would expect.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { useTestDatabase } from "@openticket/db/testing";
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
