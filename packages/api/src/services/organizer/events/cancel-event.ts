// organizer.events.cancel: a published event is called off and every buyer gets their money
// back in full, automatically.
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
import { recordAudit } from "../../audit/record-audit.ts";
import { refundOrder } from "../../payments/refund-order.ts";
import { publishSeatChanges } from "../../seat-changes/publish.ts";
import { findOwnEvent } from "../ownership.ts";

export const cancelEventInput = z.object({
  eventId: z.uuid(),
  /** Kept in the audit log. */
  reason: z.string().trim().max(500).optional(),
});

const BATCH_SIZE = 50;

export async function cancelEvent(
  db: Db,
  input: z.output<typeof cancelEventInput>,
  caller: Caller & Pick<Context, "payments">,
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
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "event.cancel",
      entityType: "event",
      entityId: event.id,
      before: { status: "PUBLISHED" },
      after: { status: "CANCELLED", ...(input.reason && { reason: input.reason }) },
    });
  });

  let refundedOrders = 0;
  let refundedAmount = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db.order.findMany({
      where: { eventId: event.id, status: "PAID", ...(after && { id: { gt: after } }) },
      orderBy: { id: "asc" },
      take: BATCH_SIZE,
      select: {
        id: true,
        total: true,
        currency: true,
        payments: { where: { kind: "CHARGE" }, select: { providerReference: true } },
        event: { select: { status: true, refundPercent: true } },
      },
    });
    for (const order of batch) {
      const paid = {
        ...order,
        eventId: event.id,
        chargeReference: order.payments[0]?.providerReference ?? "",
      };
      // One order failing (the provider down, a conflict past every retry) must not strand
      // the others: it stays PAID, is counted below, and the next cancel retries it.
      const refunded = await refundOrder(db, paid, caller, "event.cancel").catch(() => false);
      if (refunded) {
        refundedOrders++;
        refundedAmount += order.total;
      }
    }
    if (batch.length < BATCH_SIZE) break;
    after = batch.at(-1)?.id;
  }

  // A hold taken by a request that read the event as on sale just before step 1 committed.
  await runSerializable(db, (tx) => releaseAllHolds(tx, event.id));
  const stillPaid = await db.order.count({ where: { eventId: event.id, status: "PAID" } });
  return {
    eventId: event.id,
    status: "CANCELLED" as const,
    /** Refunded by this call; a concurrent or earlier call may have refunded others. */
    refundedOrders,
    refundedAmount,
    /** Zero unless an order could not be refunded; cancelling again retries them. */
    ordersStillPaid: stillPaid,
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
