// Refunds every paid order of a cancelled event in full, in batches of short transactions (one
// per order: payments/refund-order.ts), so a 5,000-seat event never holds one long transaction.
// Run by the job queue after organizer.events.cancel (or inline where no queue is wired), and
// by the reconciler for any event a crash left half refunded. Safe to run again and twice at
// once: each order's refund is decided once, under its status.
import type { Db } from "@openticket/db";
import type { PaymentProvider } from "./payment-provider.ts";
import { refundOrder, sendRefund } from "./refund-order.ts";

const BATCH_SIZE = 50;

export async function refundCancelledEvent(
  db: Db,
  eventId: string,
  payments: PaymentProvider,
  options: { actorId?: string | null; now?: () => Date } = {},
) {
  const caller = {
    user: options.actorId ? { id: options.actorId } : null,
    now: options.now ?? (() => new Date()),
    payments,
  };
  let refundedOrders = 0;
  let refundedAmount = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db.order.findMany({
      where: {
        eventId,
        status: "PAID",
        event: { status: "CANCELLED" },
        ...(after && { id: { gt: after } }),
      },
      orderBy: { id: "asc" },
      take: BATCH_SIZE,
      select: {
        id: true,
        eventId: true,
        total: true,
        event: { select: { status: true, refundPercent: true } },
      },
    });
    for (const order of batch) {
      // One order failing (a conflict past every retry) must not strand the others: it stays
      // PAID and the next run takes it.
      const refunded = await refundOrder(db, order, caller, "event.cancel").catch(() => false);
      if (refunded) {
        refundedOrders++;
        refundedAmount += order.total;
      }
    }
    if (batch.length < BATCH_SIZE) break;
    after = batch.at(-1)?.id;
  }

  // Refunds a provider failed on, in this run or an earlier one: try them again now.
  const owed = await db.paymentAttempt.findMany({
    where: { kind: "REFUND", status: "REQUESTED", order: { eventId } },
    select: { id: true },
  });
  for (const refund of owed) await sendRefund(db, payments, refund.id);

  const [ordersStillPaid, refundsPending] = await Promise.all([
    db.order.count({ where: { eventId, status: "PAID" } }),
    db.paymentAttempt.count({ where: { kind: "REFUND", status: "REQUESTED", order: { eventId } } }),
  ]);
  return { refundedOrders, refundedAmount, ordersStillPaid, refundsPending };
}
