// The one way money goes back to a buyer. A buyer cancelling (order.cancel), an organizer
// cancelling the event (organizer.events.cancel) and a payment that arrived after the seats were
// gone all end here.
//
// Ledger first: one SERIALIZABLE transaction decides — guarded by the order's status, so of two
// racing paths exactly one wins — cancels the tickets, frees the seats and records a REFUND
// intent (payment_attempts) whose amount follows one rule (refundDue) and whose key names that
// amount ("refund:<order>:<amount>"). Only then is the provider called, with that key; what it
// reports is recorded as the REFUND payment, so the recorded amount is always the refunded one.
// If the provider is down the intent stays REQUESTED and the reconciler retries it: nothing a
// crash or an outage does leaves the money unrecorded.
import { type Db, type EventStatus, runSerializable } from "@openticket/db";
import type { Caller, Context } from "../../context.ts";
import { metrics } from "../../observability/metrics.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { crashPoint } from "../crash-point.ts";
import { queueMailToUsers } from "../mail/queue-mail.ts";
import { publishSeatChanges } from "../seat-changes/publish.ts";
import { LIVE_TICKET_STATUSES } from "../tickets/live-tickets.ts";
import type { PaymentProvider } from "./payment-provider.ts";

export type RefundableOrder = {
  id: string;
  eventId: string;
  total: number;
  event: { status: EventStatus; refundPercent: number };
};

/** Whole minor units, rounded down: the buyer never gets back more than they paid. */
export function refundDue(order: Pick<RefundableOrder, "total" | "event">): number {
  if (order.event.status === "CANCELLED") return order.total;
  return Math.floor((order.total * order.event.refundPercent) / 100);
}

/**
 * Cancels a PAID order and refunds it. True when this call cancelled it; false when another
 * path already had (its refund is that path's). A provider failure does not undo the
 * cancellation: the refund stays owed and is retried (retryRefunds).
 */
export async function refundOrder(
  db: Db,
  order: RefundableOrder,
  caller: Pick<Caller, "now"> & { user: { id: string } | null } & Pick<Context, "payments">,
  reason: "order.cancel" | "event.cancel",
): Promise<boolean> {
  const now = caller.now();
  const attemptId = await runSerializable(db, async (tx) => {
    const cancelled = await tx.order.updateMany({
      where: { id: order.id, status: "PAID" },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (cancelled.count === 0) return null;
    // The event as it is now, inside the deciding transaction: a cancel of the event that
    // committed first makes this a full refund.
    const event = await tx.event.findUniqueOrThrow({
      where: { id: order.eventId },
      select: { status: true, refundPercent: true },
    });
    const amount = refundDue({ total: order.total, event });
    const tickets = await tx.ticket.findMany({
      where: { orderId: order.id, status: { in: [...LIVE_TICKET_STATUSES] } },
      select: { eventSeatId: true },
    });
    const seatIds = tickets.map((ticket) => ticket.eventSeatId);
    await tx.ticket.updateMany({
      where: { orderId: order.id, status: { in: [...LIVE_TICKET_STATUSES] } },
      data: { status: "CANCELLED" },
    });
    await tx.eventSeat.updateMany({
      where: { id: { in: seatIds }, status: "SOLD" },
      data: { status: "AVAILABLE" },
    });
    await publishSeatChanges(
      tx,
      order.eventId,
      seatIds.map((seatId) => ({ seatId, status: "AVAILABLE" })),
    );
    await recordAudit(tx, {
      actorId: caller.user?.id ?? null,
      action: "order.refund",
      entityType: "order",
      entityId: order.id,
      before: { status: "PAID" },
      after: { status: "CANCELLED", refund: amount, reason },
    });
    return recordRefundIntent(tx, order.id, amount, caller.payments.name);
  });
  if (attemptId) await sendRefund(db, caller.payments, attemptId);
  return attemptId !== null;
}

/** A payment that arrived for an order that could not be sold: all of it goes back. */
export async function refundLatePayment(db: Db, payments: PaymentProvider, orderId: string) {
  const attemptId = await runSerializable(db, async (tx) => {
    const charge = await tx.payment.findFirstOrThrow({ where: { orderId, kind: "CHARGE" } });
    return recordRefundIntent(tx, orderId, charge.amount, payments.name);
  });
  if (attemptId) await sendRefund(db, payments, attemptId);
}

/** The REFUND intent, once per order; null when one exists already. */
async function recordRefundIntent(
  tx: Parameters<Parameters<typeof runSerializable>[1]>[0],
  orderId: string,
  amount: number,
  provider: string,
): Promise<string | null> {
  const existing = await tx.paymentAttempt.findFirst({ where: { orderId, kind: "REFUND" } });
  if (existing) return null;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
  const attempt = await tx.paymentAttempt.create({
    data: {
      orderId,
      kind: "REFUND",
      idempotencyKey: `refund:${orderId}:${amount}`,
      amount,
      currency: order.currency,
      provider,
    },
    select: { id: true },
  });
  return attempt.id;
}

/**
 * Calls the provider for a REFUND intent and records what it reports. Safe to repeat (the key
 * makes the provider answer the same refund). False when the provider failed: the intent stays
 * REQUESTED with the error, for the next try.
 */
export async function sendRefund(db: Db, payments: PaymentProvider, attemptId: string) {
  const attempt = await db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  if (attempt.status === "SUCCEEDED") return true;
  const charge = await db.payment.findFirst({
    where: { orderId: attempt.orderId, kind: "CHARGE" },
  });
  if (!charge) throw new Error(`Order ${attempt.orderId} has nothing charged to refund.`);
  try {
    crashPoint("refund:before-provider");
    // Nothing to give back (a 0% policy): recorded without troubling the provider.
    const refund =
      attempt.amount === 0
        ? { reference: `none:${attempt.idempotencyKey}`, amount: 0 }
        : await payments.refund({
            idempotencyKey: attempt.idempotencyKey,
            chargeReference: charge.providerReference,
            amount: attempt.amount,
            currency: attempt.currency,
          });
    crashPoint("refund:after-provider");
    await runSerializable(db, async (tx) => {
      const done = await tx.paymentAttempt.updateMany({
        where: { id: attempt.id, status: { not: "SUCCEEDED" } },
        data: {
          status: "SUCCEEDED",
          providerReference: refund.reference,
          reportedAmount: refund.amount,
          tries: { increment: 1 },
          lastError: null,
        },
      });
      if (done.count === 0) return;
      const payment = await tx.payment.create({
        select: { id: true, order: { select: { userId: true } } },
        data: {
          orderId: attempt.orderId,
          kind: "REFUND",
          amount: refund.amount,
          currency: attempt.currency,
          provider: payments.name,
          providerReference: refund.reference,
        },
      });
      await recordAudit(tx, {
        actorId: null,
        action: "order.refundConfirmed",
        entityType: "order",
        entityId: attempt.orderId,
        after: { refunded: refund.amount, reference: refund.reference, tries: attempt.tries + 1 },
      });
      // The receipt, with the money: once per refund, whichever path paid it out.
      await queueMailToUsers(tx, [
        {
          key: `refund-receipt:${attempt.id}`,
          userId: payment.order.userId,
          mail: { kind: "refund-receipt", orderId: attempt.orderId, paymentId: payment.id },
        },
      ]);
    });
    metrics.refunds.inc({ outcome: "sent" });
    return true;
  } catch (error) {
    metrics.refunds.inc({ outcome: "failed" });
    await db.paymentAttempt.update({
      where: { id: attempt.id },
      data: { tries: { increment: 1 }, lastError: String(error).slice(0, 500) },
    });
    return false;
  }
}
