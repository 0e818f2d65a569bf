// One paid order of a cancelled event, refunded in full: the provider refund first, outside any
// transaction and keyed by the order (the key order.cancel uses too, so neither path can refund
// an order twice at the provider); then one short SERIALIZABLE transaction, guarded by
// status = 'PAID', that cancels the tickets, frees the seats and records the REFUND. A second
// run that loses the guard records nothing, and the database allows one REFUND per order.
import { type Db, runSerializable } from "@openticket/db";
import { recordAudit } from "../audit/record-audit.ts";
import { publishSeatChanges } from "../seat-changes/publish.ts";
import { LIVE_TICKET_STATUSES } from "../tickets/live-tickets.ts";
import type { PaymentProvider } from "./payment-provider.ts";

export type PaidOrder = {
  id: string;
  eventId: string;
  total: number;
  currency: string;
  chargeReference: string;
};

/** True when this call refunded the order; false when someone else already had. */
export async function refundOrderInFull(
  db: Db,
  order: PaidOrder,
  options: { payments: PaymentProvider; now: Date; actorId: string },
): Promise<boolean> {
  const refund = await options.payments.refund({
    idempotencyKey: `refund:${order.id}`,
    chargeReference: order.chargeReference,
    amount: order.total,
    currency: order.currency,
  });
  return runSerializable(db, async (tx) => {
    const cancelled = await tx.order.updateMany({
      where: { id: order.id, status: "PAID" },
      data: { status: "CANCELLED", cancelledAt: options.now },
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
        amount: order.total,
        currency: order.currency,
        provider: options.payments.name,
        providerReference: refund.reference,
      },
    });
    await publishSeatChanges(
      tx,
      order.eventId,
      seatIds.map((seatId) => ({ seatId, status: "AVAILABLE" })),
    );
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "order.refund",
      entityType: "order",
      entityId: order.id,
      before: { status: "PAID" },
      after: { status: "CANCELLED", refund: order.total, reason: "event.cancel" },
    });
    return true;
  });
}
