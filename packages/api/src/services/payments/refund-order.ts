// The one way money goes back to a buyer: a buyer cancelling their order (order.cancel) and an
// organizer cancelling the event (organizer.events.cancel) both end here.
//
// The amount follows one rule (refundDue): the event was cancelled → everything paid back;
// otherwise the event's refund policy. The provider refund comes first, outside any transaction
// and keyed by the order, so two paths racing on one order refund it once at the provider; then
// one short SERIALIZABLE transaction, guarded by status = 'PAID', cancels the tickets, frees the
// seats, records the REFUND and audits it. A run that loses the guard records nothing, and the
// database allows one REFUND per order.
import { type Db, type EventStatus, runSerializable } from "@openticket/db";
import type { Caller, Context } from "../../context.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { publishSeatChanges } from "../seat-changes/publish.ts";
import { LIVE_TICKET_STATUSES } from "../tickets/live-tickets.ts";

export type RefundableOrder = {
  id: string;
  eventId: string;
  total: number;
  currency: string;
  chargeReference: string;
  event: { status: EventStatus; refundPercent: number };
};

/** Whole minor units, rounded down: the buyer never gets back more than they paid. */
export function refundDue(order: Pick<RefundableOrder, "total" | "event">): number {
  if (order.event.status === "CANCELLED") return order.total;
  return Math.floor((order.total * order.event.refundPercent) / 100);
}

/** True when this call refunded the order; false when someone else already had. */
export async function refundOrder(
  db: Db,
  order: RefundableOrder,
  caller: Caller & Pick<Context, "payments">,
  reason: "order.cancel" | "event.cancel",
): Promise<boolean> {
  const now = caller.now();
  const amount = refundDue(order);
  const refund = await caller.payments.refund({
    idempotencyKey: `refund:${order.id}`,
    chargeReference: order.chargeReference,
    amount,
    currency: order.currency,
  });
  return runSerializable(db, async (tx) => {
    const cancelled = await tx.order.updateMany({
      where: { id: order.id, status: "PAID" },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (cancelled.count === 0) return false;
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
    await tx.payment.create({
      data: {
        orderId: order.id,
        kind: "REFUND",
        amount,
        currency: order.currency,
        provider: caller.payments.name,
        providerReference: refund.reference,
      },
    });
    await publishSeatChanges(
      tx,
      order.eventId,
      seatIds.map((seatId) => ({ seatId, status: "AVAILABLE" })),
    );
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "order.refund",
      entityType: "order",
      entityId: order.id,
      before: { status: "PAID" },
      after: { status: "CANCELLED", refund: amount, reason },
    });
    return true;
  });
}
