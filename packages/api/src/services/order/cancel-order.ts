// order.cancel (R5): while the event's refund policy allows, the tickets are cancelled, the seats
// return to sale, and one REFUND of the policy's amount is recorded. Cancelling twice (or twice
// at once) refunds once: the provider refund is keyed by order, the status change is guarded,
// and the database allows one REFUND per order.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import type { PaymentProvider } from "../payments/payment-provider.ts";
import { publishSeatChanges } from "../seat-changes/publish.ts";
import { getOrder } from "./get-order.ts";
import { canRefund, refundAmount } from "./refund-policy.ts";

export const cancelOrderInput = z.object({
  orderId: z.uuid(),
  /** Accepted for symmetry with checkout; cancellation is idempotent by order whatever the key. */
  idempotencyKey: z.string().trim().min(8).max(100),
});

export async function cancelOrder(
  db: Db,
  input: z.output<typeof cancelOrderInput>,
  options: { userId: string; now: Date; payments: PaymentProvider },
) {
  const { userId, now } = options;
  const order = await db.order.findFirst({
    where: { id: input.orderId, userId },
    select: {
      id: true,
      status: true,
      total: true,
      currency: true,
      eventId: true,
      event: { select: { startsAt: true, refundableUntilHours: true, refundPercent: true } },
      payments: { where: { kind: "CHARGE" }, select: { providerReference: true } },
      tickets: { where: { status: "CHECKED_IN" }, select: { id: true } },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "This order does not exist.");
  if (order.status === "CANCELLED") return getOrder(db, { orderId: order.id }, { userId, now });
  if (order.status !== "PAID")
    throw new AppError("BAD_REQUEST", "Only paid orders can be cancelled.");
  if (order.tickets.length)
    throw new AppError("BAD_REQUEST", "Tickets of this order were already used.");
  if (!canRefund(order.event, now)) {
    throw new AppError(
      "BAD_REQUEST",
      "This order can no longer be cancelled under the event's refund policy.",
    );
  }
  const amount = refundAmount(order.total, order.event);
  const refund = await options.payments.refund({
    idempotencyKey: `refund:${order.id}`,
    chargeReference: order.payments[0]?.providerReference ?? "",
    amount,
    currency: order.currency,
  });

  await runSerializable(db, async (tx) => {
    const cancelled = await tx.order.updateMany({
      where: { id: order.id, userId, status: "PAID" },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (cancelled.count === 0) return; // a concurrent cancel got here first
    const tickets = await tx.ticket.findMany({
      where: { orderId: order.id, status: "VALID" },
      select: { eventSeatId: true },
    });
    const seatIds = tickets.map((ticket) => ticket.eventSeatId);
    await tx.ticket.updateMany({
      where: { orderId: order.id, status: "VALID" },
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
        provider: options.payments.name,
        providerReference: refund.reference,
      },
    });
    await publishSeatChanges(
      tx,
      order.eventId,
      seatIds.map((seatId) => ({ seatId, status: "AVAILABLE" })),
    );
  });
  return getOrder(db, { orderId: order.id }, { userId, now });
}
