// order.checkout (R4): starts paying for the caller's held seats of an event, the way real
// gateways work — it answers where to pay, and the order becomes PAID later, when the provider
// confirms (payments/settle-checkout.ts, by webhook or by the reconciler).
//
//   1. One transaction of guarded writes records the PENDING order (unique per user and idempotency
//      key, with a hash of the request), the CHARGE intent in the ledger, and attaches the
//      caller's holds to the order: while the payment is in flight they belong to it, cannot
//      be released or re-priced, and are kept past their expiry for a bounded grace.
//   2. Outside any transaction, the provider creates the hosted payment (idempotent by the
//      order's key, so a retry after a crash or an outage gets the same one).
//   3. Its reference and URL are recorded; the buyer is sent there.
import { createHash } from "node:crypto";
import { type Db, runGuarded } from "@openticket/db";
import { z } from "zod";
import type { Caller, Context } from "../../context.ts";
import { AppError, uniqueViolationFields } from "../../errors.ts";
import { id, idempotencyKey } from "../../input.ts";
import { crashPoint } from "../crash-point.ts";
import { assertOnSale, loadEventForSale } from "../event/sale-state.ts";
import { isProviderUnavailable } from "../payments/payment-provider.ts";

export const checkoutInput = z.object({
  eventId: id,
  /** Chosen by the client per purchase attempt; repeating it returns the same order. */
  idempotencyKey,
});

export type CheckoutOutcome = {
  orderId: string;
  status: "PENDING" | "PAID";
  /** Where the buyer pays; null once the order is paid. */
  redirectUrl: string | null;
};

type CheckoutCaller = Caller & Pick<Context, "payments" | "settings">;

export async function checkout(
  db: Db,
  input: z.output<typeof checkoutInput>,
  caller: CheckoutCaller,
): Promise<CheckoutOutcome> {
  const userId = caller.user.id;
  const now = caller.now();
  const requestHash = hashRequest(input);
  const existing = await findOrderByKey(db, userId, input.idempotencyKey);
  if (existing) return resume(db, existing, requestHash, caller);

  const event = await loadEventForSale(db, input.eventId);
  assertOnSale(event, now);
  const paymentDueAt = new Date(now.getTime() + caller.settings.paymentWindowMs);
  const holdsKeptUntil = new Date(paymentDueAt.getTime() + caller.settings.paymentGraceMs);

  // Reads outside the transaction (inside SERIALIZABLE they would lock index pages that every
  // other buyer's checkout writes to); the transaction below only writes, guarded.
  const inFlight = await db.order.findFirst({
    where: { userId, eventId: event.id, status: "PENDING", holds: { some: {} } },
    select: { id: true },
  });
  if (inFlight) {
    throw new AppError("CONFLICT", "A payment for these seats is already in progress.", {
      reason: "PAYMENT_IN_PROGRESS",
      orderId: inFlight.id,
    });
  }
  const holds = await db.seatHold.findMany({
    where: { eventId: event.id, userId, orderId: null, expiresAt: { gt: now } },
    select: { id: true, price: true },
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
  const total = holds.reduce((sum, hold) => sum + hold.price, 0);

  let orderId: string;
  try {
    // Every write below is guarded (the key's unique index, the holds' conditional UPDATE), so
    // READ COMMITTED suffices; SERIALIZABLE's predicate locks on the small seat_holds indexes
    // aborted neighbouring checkouts during a rush.
    orderId = await runGuarded(db, async (tx) => {
      const order = await tx.order.create({
        data: {
          userId,
          eventId: event.id,
          status: "PENDING",
          total,
          currency: event.currency,
          idempotencyKey: input.idempotencyKey,
          requestHash,
          paymentDueAt,
        },
        select: { id: true },
      });
      // Guarded: a hold released, expired, re-priced or attached to another checkout meanwhile
      // makes the counts differ, and nothing is written.
      const attached = await tx.$executeRaw`
        UPDATE seat_holds SET order_id = ${order.id}::uuid,
               expires_at = GREATEST(expires_at, ${holdsKeptUntil})
        WHERE id = ANY(${holds.map((hold) => hold.id)}::uuid[]) AND user_id = ${userId}::uuid
          AND order_id IS NULL AND expires_at > ${now}`;
      if (attached !== holds.length) {
        throw new AppError("CONFLICT", "Your held seats changed meanwhile; please try again.", {
          reason: "HOLD_EXPIRED",
        });
      }
      await tx.paymentAttempt.create({
        data: {
          orderId: order.id,
          kind: "CHARGE",
          idempotencyKey: `checkout:${order.id}`,
          amount: total,
          currency: event.currency,
          provider: caller.payments.name,
        },
      });
      return order.id;
    });
  } catch (error) {
    // The same key sent twice at once: the other request owns the order.
    if (uniqueViolationFields(error)?.includes("idempotency_key")) {
      const winner = await findOrderByKey(db, userId, input.idempotencyKey);
      if (winner) return resume(db, winner, requestHash, caller);
    }
    throw error;
  }
  crashPoint("checkout:after-order");
  return openPayment(db, orderId, caller);
}

/** Steps 2 and 3: the hosted payment for a PENDING order, created once, recorded. */
export async function openPayment(
  db: Db,
  orderId: string,
  caller: Pick<CheckoutCaller, "payments" | "settings">,
): Promise<CheckoutOutcome> {
  const attempt = await db.paymentAttempt.findFirstOrThrow({
    where: { orderId, kind: "CHARGE" },
    include: {
      order: {
        select: {
          paymentDueAt: true,
          event: { select: { title: true } },
          _count: { select: { holds: true } },
        },
      },
    },
  });
  if (attempt.redirectUrl) return { orderId, status: "PENDING", redirectUrl: attempt.redirectUrl };
  const seats = attempt.order._count.holds;
  let session: Awaited<ReturnType<CheckoutCaller["payments"]["createCheckout"]>>;
  try {
    session = await caller.payments.createCheckout({
      idempotencyKey: attempt.idempotencyKey,
      orderId,
      amount: attempt.amount,
      currency: attempt.currency,
      description: `${seats} ${seats === 1 ? "ticket" : "tickets"} · ${attempt.order.event.title}`,
      returnUrl: new URL(`/orders/${orderId}`, caller.settings.publicUrl).toString(),
      expiresAt: attempt.order.paymentDueAt ?? new Date(),
    });
  } catch (error) {
    if (!isProviderUnavailable(error)) throw error;
    await db.paymentAttempt.update({
      where: { id: attempt.id },
      data: { tries: { increment: 1 }, lastError: String(error).slice(0, 500) },
    });
    throw new AppError(
      "SERVICE_UNAVAILABLE",
      "The payment service is not answering. Please try again in a moment; you have not been charged.",
      { reason: "PROVIDER_UNAVAILABLE", orderId },
    );
  }
  crashPoint("checkout:after-provider");
  await db.paymentAttempt.update({
    where: { id: attempt.id },
    data: {
      providerReference: session.reference,
      redirectUrl: session.redirectUrl,
      tries: { increment: 1 },
    },
  });
  return { orderId, status: "PENDING", redirectUrl: session.redirectUrl };
}

function hashRequest(input: z.output<typeof checkoutInput>) {
  return createHash("sha256")
    .update(JSON.stringify({ eventId: input.eventId }))
    .digest("hex");
}

function findOrderByKey(db: Db, userId: string, idempotencyKey: string) {
  return db.order.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: { id: true, status: true, requestHash: true },
  });
}

/** A repeated key: the same answer as the first time, or a clear refusal. */
async function resume(
  db: Db,
  order: { id: string; status: string; requestHash: string },
  requestHash: string,
  caller: CheckoutCaller,
): Promise<CheckoutOutcome> {
  if (order.requestHash !== requestHash) {
    throw new AppError(
      "UNPROCESSABLE_CONTENT",
      "This idempotency key was already used for a different purchase.",
      { reason: "KEY_REUSED", orderId: order.id },
    );
  }
  if (order.status === "PAID") return { orderId: order.id, status: "PAID", redirectUrl: null };
  if (order.status === "PENDING") return openPayment(db, order.id, caller);
  throw new AppError("CONFLICT", "This purchase attempt ended; start a new one.", {
    orderId: order.id,
    reason: "FAILED",
  });
}
