// organizer.events.cancel: a published event is called off and every buyer gets their money
// back in full, automatically, and a notice by mail.
//
//   1. One transaction marks the event CANCELLED and deletes all its holds, so no checkout in
//      flight can complete (checkout consumes holds) and no new one can start (not on sale).
//   2. The paid orders are refunded in batches, each in its own short transaction
//      (payments/refund-order.ts), so a 5,000-seat event never holds one long transaction.
//
// Safe to run again and to run twice at once: step 1 is guarded by status, every refund by the
// order's status, and the provider refund is keyed by order. A run that crashed midway is
// finished by calling cancel again, which refunds what is still PAID and nothing else.
import { type Db, runSerializable, type Tx } from "@openticket/db";
import { z } from "zod";
import type { Caller, Context } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id, text } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { queueMailToUsers } from "../../mail/queue-mail.ts";
import { refundCancelledEvent } from "../../payments/refund-cancelled-event.ts";
import { publishSeatChanges } from "../../seat-changes/publish.ts";
import { findOwnEvent } from "../ownership.ts";

export const cancelEventInput = z.object({
  eventId: id,
  /** Kept in the audit log. */
  reason: text(500).optional(),
});

export async function cancelEvent(
  db: Db,
  input: z.output<typeof cancelEventInput>,
  caller: Caller & Pick<Context, "payments" | "jobs">,
) {
  const now = caller.now();
  const event = await findOwnEvent(db, caller.user, input.eventId, {
    id: true,
    status: true,
    endsAt: true,
  });
  if (event.status === "DRAFT") {
    throw new AppError("BAD_REQUEST", "A draft has nothing to cancel; delete it instead.");
  }
  if (event.status === "PUBLISHED" && event.endsAt <= now) {
    throw new AppError("BAD_REQUEST", "This event has already taken place.");
  }

  await runSerializable(db, async (tx) => {
    const cancelled = await tx.event.updateMany({
      where: { id: event.id, status: "PUBLISHED" },
      data: { status: "CANCELLED" },
    });
    await releaseAllHolds(tx, event.id);
    if (cancelled.count === 0) return; // already cancelled: this run only finishes the refunds
    // One notice per holder (not per ticket or order), with the refund over all their orders,
    // in the same transaction as the cancel: committed together or not at all.
    const holders = await tx.$queryRaw<{ user_id: string; order_ids: string[] }[]>`
      SELECT user_id::text, array_agg(id::text ORDER BY id) AS order_ids
      FROM orders WHERE event_id = ${event.id}::uuid AND status = 'PAID'
      GROUP BY user_id`;
    await queueMailToUsers(
      tx,
      holders.map((holder) => ({
        key: `event-cancelled:${event.id}:${holder.user_id}`,
        userId: holder.user_id,
        mail: { kind: "event-cancelled", eventId: event.id, orderIds: holder.order_ids },
      })),
    );
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "event.cancel",
      entityType: "event",
      entityId: event.id,
      before: { status: "PUBLISHED" },
      after: { status: "CANCELLED", ...(input.reason && { reason: input.reason }) },
    });
  });

  // 2. The refunds: queued where a job queue runs them, otherwise here and now.
  const refunds = caller.jobs
    ? await caller.jobs.refundCancelledEvent(event.id).then(() => null)
    : await refundCancelledEvent(db, event.id, caller.payments, {
        actorId: caller.user.id,
        now: caller.now,
      });

  // A hold taken by a request that read the event as on sale just before step 1 committed.
  await runSerializable(db, (tx) => releaseAllHolds(tx, event.id));
  const ordersToRefund = refunds
    ? refunds.ordersStillPaid
    : await db.order.count({ where: { eventId: event.id, status: "PAID" } });
  return {
    eventId: event.id,
    status: "CANCELLED" as const,
    /** True when the refunds were queued as a job instead of made during this call. */
    refundsQueued: refunds === null,
    /** Refunded by this call; a concurrent or earlier call may have refunded others. */
    refundedOrders: refunds?.refundedOrders ?? 0,
    refundedAmount: refunds?.refundedAmount ?? 0,
    /** Paid orders not yet refunded: queued, or left by a failure; cancelling again retries. */
    ordersStillPaid: ordersToRefund,
    /** Refunds decided but not yet confirmed by the provider; retried until they are. */
    refundsPending: refunds?.refundsPending ?? 0,
  };
}

async function releaseAllHolds(tx: Tx, eventId: string) {
  const released = await tx.$queryRaw<{ event_seat_id: string }[]>`
    DELETE FROM seat_holds WHERE event_id = ${eventId}::uuid RETURNING event_seat_id`;
  await publishSeatChanges(
    tx,
    eventId,
    released.map((hold) => ({ seatId: hold.event_seat_id, status: "AVAILABLE" })),
  );
}
