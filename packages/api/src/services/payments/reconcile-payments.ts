// The reconciler: finishes whatever a crash, an outage or a lost webhook left half done. Run by
// the job queue every minute (and by the cron route on serverless hosts); safe to run any
// number of times at once, since every step it takes is idempotent.
//
//   - A PENDING order past its payment deadline: ask the provider what became of its checkout
//     (creating it again with the same key first if a crash lost its reference) and settle
//     it — paid → sell (or refund if the seats are gone); failed/expired → end it; still open
//     past the grace → expire it (a payment that lands later is refunded on arrival).
//   - A cancelled event with orders still PAID (its refund job lost, or cut short): refund them.
//   - A REFUND intent the provider has not confirmed: send it again, backing off 1, 2, 4 … 60
//     minutes between tries.
import type { Db } from "@openticket/db";
import type { Settings } from "../../context.ts";
import { logger } from "../../observability/logger.ts";
import { openPayment } from "../order/checkout.ts";
import { isProviderUnavailable, type PaymentProvider } from "./payment-provider.ts";
import { refundCancelledEvent } from "./refund-cancelled-event.ts";
import { sendRefund } from "./refund-order.ts";
import { endUnpaid, settleCheckout } from "./settle-checkout.ts";

const BATCH = 100;

export type ReconcileReport = {
  ordersSettled: Record<string, number>;
  ordersUnreachable: number;
  /** Overdue orders whose settling failed for another reason (logged; tried again next run). */
  ordersErrored: number;
  /** Paid orders of cancelled events refunded by this run (a cancel a crash cut short). */
  eventOrdersRefunded: number;
  refundsSent: number;
  refundsFailed: number;
};

export async function reconcilePayments(
  db: Db,
  payments: PaymentProvider,
  settings: Settings,
  now: Date = new Date(),
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    ordersSettled: {},
    ordersUnreachable: 0,
    ordersErrored: 0,
    eventOrdersRefunded: 0,
    refundsSent: 0,
    refundsFailed: 0,
  };
  const count = (outcome: string) => {
    report.ordersSettled[outcome] = (report.ordersSettled[outcome] ?? 0) + 1;
  };

  const overdue = await db.order.findMany({
    where: {
      status: "PENDING",
      OR: [
        { paymentDueAt: { lt: now } },
        // Orders from before payment deadlines existed.
        {
          paymentDueAt: null,
          createdAt: { lt: new Date(now.getTime() - settings.paymentWindowMs) },
        },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: {
      id: true,
      paymentDueAt: true,
      createdAt: true,
      attempts: { where: { kind: "CHARGE" }, select: { providerReference: true } },
    },
  });
  for (const order of overdue) {
    const attempt = order.attempts[0];
    if (!attempt) {
      count(await endUnpaid(db, order.id, "EXPIRED", now)); // nothing was ever sent to pay
      continue;
    }
    try {
      const reference =
        attempt.providerReference ?? (await recoverReference(db, order.id, payments, settings));
      const state = await payments.getCheckout(reference);
      const due =
        order.paymentDueAt ?? new Date(order.createdAt.getTime() + settings.paymentWindowMs);
      if (state.status === "open") {
        if (now.getTime() < due.getTime() + settings.paymentGraceMs) continue;
        count(await endUnpaid(db, order.id, "EXPIRED", now));
        continue;
      }
      count(await settleCheckout(db, payments, { reference, state }, now));
    } catch (error) {
      if (isProviderUnavailable(error) || isUnavailable(error)) {
        report.ordersUnreachable++;
      } else if (isRefused(error)) {
        count("failed"); // the provider refused to open its payment: openPayment ended it
      } else {
        // One order's fault must not stop the others (or the refunds below) every minute.
        logger.error(
          { orderId: order.id, err: error },
          "reconciler: an order could not be settled",
        );
        report.ordersErrored++;
      }
    }
  }

  // Events cancelled while a crash stopped their refunds midway (or whose job was lost).
  const stranded = await db.event.findMany({
    where: { status: "CANCELLED", orders: { some: { status: "PAID" } } },
    select: { id: true },
    take: 20,
  });
  for (const event of stranded) {
    const refunded = await refundCancelledEvent(db, event.id, payments, { now: () => now });
    report.eventOrdersRefunded += refunded.refundedOrders;
  }

  const owed = await db.paymentAttempt.findMany({
    where: { kind: "REFUND", status: "REQUESTED", provider: payments.name },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: { id: true, tries: true, updatedAt: true },
  });
  for (const refund of owed) {
    const waitMs = Math.min(2 ** Math.max(refund.tries - 1, 0), 60) * 60_000;
    if (refund.tries > 0 && now.getTime() - refund.updatedAt.getTime() < waitMs) continue;
    if (await sendRefund(db, payments, refund.id)) report.refundsSent++;
    else report.refundsFailed++;
  }
  return report;
}

/** A crash between asking the provider and recording its answer: ask again, same key. */
async function recoverReference(
  db: Db,
  orderId: string,
  payments: PaymentProvider,
  settings: Settings,
) {
  await openPayment(db, orderId, { payments, settings });
  const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { orderId, kind: "CHARGE" } });
  if (!attempt.providerReference) throw new Error(`Order ${orderId}: no checkout reference.`);
  return attempt.providerReference;
}

/** openPayment turns an unreachable provider into an AppError for buyers; here it is a skip. */
function isUnavailable(error: unknown) {
  return (error as { code?: string } | null)?.code === "SERVICE_UNAVAILABLE";
}

function isRefused(error: unknown) {
  return (
    (error as { details?: { reason?: string } } | null)?.details?.reason === "PROVIDER_REFUSED"
  );
}
