// What OpenTicket does when it learns what became of a checkout — from a webhook, from the
// return page, or from the reconciler asking the provider. Idempotent: replays, duplicates and
// out-of-order reports change nothing once an order is settled.
//
//   paid     + the order's held seats are still its own → PAID: holds become tickets, all or
//              nothing, with the CHARGE the provider reported.
//   paid     + the seats are gone, the event was cancelled, or the order already ended → the
//              CHARGE is recorded, the order FAILS, and the money goes back (refundCharge),
//              which the buyer's order says.
//   failed   → FAILED;  expired → EXPIRED: either way the order's seats go back on sale (a
//              declined buyer holds again and pays with another card).
//   open     → nothing yet.
import { randomBytes } from "node:crypto";
import { type Db, runGuarded, type Tx } from "@openticket/db";
import { uniqueViolationFields } from "../../errors.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { crashPoint } from "../crash-point.ts";
import { publishSeatChanges } from "../seat-changes/publish.ts";
import type { CheckoutState, PaymentProvider } from "./payment-provider.ts";
import { refundLatePayment } from "./refund-order.ts";

export type Settlement =
  | "unknown-checkout"
  | "still-open"
  | "paid"
  | "already-settled"
  | "refunded-late-payment"
  | "failed"
  | "expired";

export async function settleCheckout(
  db: Db,
  payments: PaymentProvider,
  report: { reference: string; state: CheckoutState },
  now: Date = new Date(),
): Promise<Settlement> {
  const attempt = await db.paymentAttempt.findFirst({
    where: { kind: "CHARGE", provider: payments.name, providerReference: report.reference },
    select: { id: true, orderId: true },
  });
  if (!attempt) return "unknown-checkout";
  const { state } = report;
  if (state.status === "open") return "still-open";
  if (state.status === "failed" || state.status === "expired") {
    return endUnpaid(db, attempt.orderId, state.status === "failed" ? "FAILED" : "EXPIRED", now);
  }

  crashPoint("settle:before-sale");
  // Guarded writes only (the order's one CHARGE and one live ticket per seat are unique
  // indexes; seats move AVAILABLE → SOLD by a conditional UPDATE whose count is checked).
  const outcome = await runGuarded(
    db,
    (tx) => sellOrRecord(tx, attempt.id, attempt.orderId, state, payments.name, now),
    // Giving up here leaves a paid order to the reconciler: worth trying longer (≈3 s of
    // backoff) than the default, as on a busy on-sale.
    { maxAttempts: 16 },
  ).catch((error: unknown) => {
    // The order's one CHARGE is recorded already (a replay racing the first delivery).
    if (uniqueViolationFields(error)) return "already-settled" as const;
    throw error;
  });
  crashPoint("settle:after-sale");
  if (outcome !== "refund") return outcome;
  await refundLatePayment(db, payments, attempt.orderId);
  return "refunded-late-payment";
}

/**
 * In one transaction: PAID with tickets when the order still owns every seat it priced;
 * otherwise the CHARGE alone (the order FAILS) and "refund".
 */
async function sellOrRecord(
  tx: Tx,
  attemptId: string,
  orderId: string,
  paid: Extract<CheckoutState, { status: "paid" }>,
  provider: string,
  now: Date,
): Promise<"paid" | "already-settled" | "refund"> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { id: true, status: true, total: true, currency: true, eventId: true },
  });
  if (order.status === "PAID") return "already-settled";
  await tx.paymentAttempt.update({
    where: { id: attemptId },
    data: { status: "SUCCEEDED", reportedAmount: paid.amount },
  });
  await tx.payment.create({
    data: {
      orderId,
      kind: "CHARGE",
      amount: paid.amount,
      currency: order.currency,
      provider,
      providerReference: paid.chargeReference,
    },
  });

  const holds = await tx.$queryRaw<{ event_seat_id: string; price: number }[]>`
    DELETE FROM seat_holds WHERE order_id = ${orderId}::uuid RETURNING event_seat_id, price`;
  const priced = holds.reduce((sum, hold) => sum + hold.price, 0);
  const seatIds = holds.map((hold) => hold.event_seat_id);
  // The seats this transaction marks SOLD (and only those may be given back below). Never for
  // an event that is no longer PUBLISHED: a payment that lands after the event was cancelled
  // is refunded, not turned into tickets for a show that will not happen.
  const sold =
    order.status === "PENDING" && holds.length > 0 && priced === order.total
      ? (
          await tx.$queryRaw<{ id: string }[]>`
            UPDATE event_seats es SET status = 'SOLD'
            FROM events e
            WHERE es.id = ANY(${seatIds}::uuid[]) AND es.status = 'AVAILABLE'
              AND e.id = es.event_id AND e.status = 'PUBLISHED'
            RETURNING es.id`
        ).map((seat) => seat.id)
      : [];
  if (holds.length === 0 || sold.length !== holds.length || paid.amount !== order.total) {
    // Seats gone, or a payment of the wrong amount: keep the record, give the money back. The
    // holds this order still had are released (deleting them above already did).
    await tx.order.updateMany({
      where: { id: orderId, status: "PENDING" },
      data: { status: "FAILED" },
    });
    if (sold.length > 0) {
      await tx.eventSeat.updateMany({
        where: { id: { in: sold }, status: "SOLD" },
        data: { status: "AVAILABLE" },
      });
    }
    await publishSeatChanges(
      tx,
      order.eventId,
      seatIds.map((seatId) => ({ seatId, status: "AVAILABLE" })),
    );
    await recordAudit(tx, {
      actorId: null,
      action: "order.fail",
      entityType: "order",
      entityId: orderId,
      before: { status: order.status },
      after: { status: "FAILED", charged: paid.amount, reason: "paid after its seats were gone" },
    });
    return "refund";
  }
  await tx.ticket.createMany({
    data: holds.map((hold) => ({
      orderId,
      eventSeatId: hold.event_seat_id,
      pricePaid: hold.price,
      code: randomBytes(16).toString("base64url"),
    })),
  });
  const paidNow = await tx.order.updateMany({
    where: { id: orderId, status: "PENDING" },
    data: { status: "PAID", updatedAt: now },
  });
  if (paidNow.count !== 1) throw new Error(`Order ${orderId} changed while it was being sold.`);
  await recordAudit(tx, {
    actorId: null,
    action: "order.pay",
    entityType: "order",
    entityId: orderId,
    before: { status: "PENDING" },
    after: { status: "PAID", charged: paid.amount, tickets: holds.length },
  });
  await publishSeatChanges(
    tx,
    order.eventId,
    seatIds.map((seatId) => ({ seatId, status: "SOLD" })),
  );
  return "paid";
}

/** A checkout that ended unpaid: the order ends and its seats go back on sale. */
export async function endUnpaid(db: Db, orderId: string, status: "FAILED" | "EXPIRED", now: Date) {
  return runGuarded(db, async (tx) => {
    const ended = await tx.order.updateMany({
      where: { id: orderId, status: "PENDING" },
      data: { status, updatedAt: now },
    });
    if (ended.count === 0) return "already-settled" as const;
    await tx.paymentAttempt.updateMany({
      where: { orderId, kind: "CHARGE", status: "REQUESTED" },
      data: { status: "FAILED" },
    });
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    const rows = await tx.$queryRaw<{ event_seat_id: string }[]>`
      DELETE FROM seat_holds WHERE order_id = ${orderId}::uuid RETURNING event_seat_id`;
    const released = rows.map((row) => row.event_seat_id);
    await publishSeatChanges(
      tx,
      order.eventId,
      released.map((seatId) => ({ seatId, status: "AVAILABLE" })),
    );
    await recordAudit(tx, {
      actorId: null,
      action: status === "FAILED" ? "order.fail" : "order.expire",
      entityType: "order",
      entityId: orderId,
      before: { status: "PENDING" },
      after: { status, releasedSeats: released.length },
    });
    return status === "FAILED" ? ("failed" as const) : ("expired" as const);
  });
}
