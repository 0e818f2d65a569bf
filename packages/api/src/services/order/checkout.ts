// order.checkout (R4): turns the caller's unexpired holds for an event into one PAID order with a
// ticket per seat and a CHARGE payment.
//
// The payment provider is called between two short SERIALIZABLE transactions, never inside one,
// so a slow provider holds no locks and blocks no other buyer:
//   1. record a PENDING order (its idempotency key is unique per user: a retry finds it);
//   2. charge the provider (idempotent by order id);
//   3. consume the holds and sell the seats, all or nothing. If the holds were lost meanwhile
//      (expired and taken), the charge is refunded and the order FAILS.

import { randomBytes } from "node:crypto";
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller, Context } from "../../context.ts";
import { AppError, uniqueViolationFields } from "../../errors.ts";
import { assertOnSale, loadEventForSale } from "../event/sale-state.ts";
import type { PaymentProvider } from "../payments/payment-provider.ts";
import { publishSeatChanges } from "../seat-changes/publish.ts";
import { getOrder } from "./get-order.ts";

/**
 * Attempts of step 3. Giving up there refunds a charge that went through, which a buyer sees
 * as money going out and back for nothing but a busy moment, so it tries longer (about 3 s of
 * backoff in all) than runSerializable's default.
 */
const SELL_ATTEMPTS = 16;

export const checkoutInput = z.object({
  eventId: z.uuid(),
  /** Chosen by the client per purchase attempt; repeating it returns the same order. */
  idempotencyKey: z.string().trim().min(8).max(100),
  payment: z.object({ cardNumber: z.string().trim().max(30).optional() }).default({}),
});

export async function checkout(
  db: Db,
  input: z.output<typeof checkoutInput>,
  caller: Caller & Pick<Context, "payments">,
) {
  const { payments } = caller;
  const userId = caller.user.id;
  const now = caller.now();
  const existing = await findOrderByKey(db, userId, input.idempotencyKey);
  if (existing) return existingOutcome(db, existing, caller);

  const event = await loadEventForSale(db, input.eventId);
  assertOnSale(event, now);
  const holds = await db.seatHold.findMany({
    where: { eventId: event.id, userId, expiresAt: { gt: now } },
    // The price each seat had when it was held: what the buyer saw is what they pay.
    select: { eventSeatId: true, price: true },
  });
  if (holds.length === 0) {
    throw new AppError(
      "CONFLICT",
      "Your seats are no longer held: the hold expired or was released.",
      {
        reason: "HOLD_EXPIRED",
      },
    );
  }
  if (holds.length > event.maxSeatsPerOrder) {
    throw new AppError("BAD_REQUEST", `At most ${event.maxSeatsPerOrder} seats per order.`);
  }
  const seatIds = holds.map((hold) => hold.eventSeatId);
  const total = holds.reduce((sum, hold) => sum + hold.price, 0);

  // 1. The PENDING order.
  let order: { id: string };
  try {
    order = await runSerializable(db, (tx) =>
      tx.order.create({
        data: {
          userId,
          eventId: event.id,
          status: "PENDING",
          total,
          currency: event.currency,
          idempotencyKey: input.idempotencyKey,
        },
        select: { id: true },
      }),
    );
  } catch (error) {
    // The same key sent twice at once: the other request owns the order.
    if (uniqueViolationFields(error)) {
      const winner = await findOrderByKey(db, userId, input.idempotencyKey);
      if (winner) return existingOutcome(db, winner, caller);
    }
    throw error;
  }

  // 2. The charge, outside any transaction.
  const charge = await payments.charge({
    idempotencyKey: `charge:${order.id}`,
    amount: total,
    currency: event.currency,
    method: input.payment,
  });
  if (!charge.ok) {
    await db.order.update({ where: { id: order.id }, data: { status: "FAILED" } });
    throw new AppError("PAYMENT_REQUIRED", `The payment was declined: ${charge.reason}`, {
      orderId: order.id,
      reason: "PAYMENT_DECLINED",
    });
  }

  // 3. Holds -> tickets, all or nothing. Time passed while the provider worked: read the clock again.
  const paidAt = caller.now();
  const sold = await runSerializable(
    db,
    async (tx) => {
      const consumed = await tx.$queryRaw<{ event_seat_id: string }[]>`
      DELETE FROM seat_holds
      WHERE event_id = ${event.id}::uuid AND user_id = ${userId}::uuid
        AND event_seat_id = ANY(${seatIds}::uuid[]) AND expires_at > ${paidAt}
      RETURNING event_seat_id`;
      if (consumed.length !== seatIds.length) return false;
      const marked = await tx.eventSeat.updateMany({
        where: { id: { in: seatIds }, status: "AVAILABLE" },
        data: { status: "SOLD" },
      });
      if (marked.count !== seatIds.length)
        throw new AppError("CONFLICT", "A seat was sold twice; refusing.");
      await tx.ticket.createMany({
        data: holds.map((hold) => ({
          orderId: order.id,
          eventSeatId: hold.eventSeatId,
          pricePaid: hold.price,
          code: randomBytes(16).toString("base64url"),
        })),
      });
      await tx.payment.create({
        data: {
          orderId: order.id,
          kind: "CHARGE",
          amount: total,
          currency: event.currency,
          provider: payments.name,
          providerReference: charge.reference,
        },
      });
      await tx.order.update({ where: { id: order.id }, data: { status: "PAID" } });
      await publishSeatChanges(
        tx,
        event.id,
        seatIds.map((seatId) => ({ seatId, status: "SOLD" })),
      );
      return true;
    },
    { maxAttempts: SELL_ATTEMPTS },
  ).catch(async (error: unknown) => {
    // Any failure after a successful charge must give the money back.
    await failAndRefund(db, payments, order.id, total, event.currency, charge.reference);
    throw error;
  });

  if (!sold) {
    await failAndRefund(db, payments, order.id, total, event.currency, charge.reference);
    throw new AppError(
      "CONFLICT",
      "Your hold expired before the payment completed; you have not been charged.",
      {
        reason: "HOLD_EXPIRED",
        orderId: order.id,
      },
    );
  }
  return getOrder(db, { orderId: order.id }, caller);
}

async function failAndRefund(
  db: Db,
  payments: PaymentProvider,
  orderId: string,
  amount: number,
  currency: string,
  chargeReference: string,
) {
  const refund = await payments.refund({
    idempotencyKey: `refund:${orderId}`,
    chargeReference,
    amount,
    currency,
  });
  await runSerializable(db, async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: "FAILED" } });
    await tx.payment.createMany({
      data: [
        {
          orderId,
          kind: "CHARGE",
          amount,
          currency,
          provider: payments.name,
          providerReference: chargeReference,
        },
        {
          orderId,
          kind: "REFUND",
          amount,
          currency,
          provider: payments.name,
          providerReference: refund.reference,
        },
      ],
      skipDuplicates: true,
    });
  });
}

function findOrderByKey(db: Db, userId: string, idempotencyKey: string) {
  return db.order.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: { id: true, status: true },
  });
}

async function existingOutcome(db: Db, order: { id: string; status: string }, caller: Caller) {
  if (order.status === "PENDING") {
    throw new AppError("CONFLICT", "This purchase is still being processed.", {
      orderId: order.id,
      reason: "IN_PROGRESS",
    });
  }
  if (order.status === "FAILED") {
    throw new AppError("CONFLICT", "This purchase attempt failed; start a new one.", {
      orderId: order.id,
      reason: "FAILED",
    });
  }
  return getOrder(db, { orderId: order.id }, caller);
}
