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
//
// A discount code (issue 15) is looked up in step 1's read and its use taken in step 1's write,
// by one guarded UPDATE (uses < max_uses): of any number of buyers at once, exactly as many as
// the limit get it, and the rest are refused with nothing written. The order's total is what is
// charged, after the discount; a repeated key finds the order and takes no second use.
//
// Only a buyer whose e-mail address is verified may pay (issue 14): anyone else is refused with
// FORBIDDEN / EMAIL_NOT_VERIFIED before anything is written, and keeps their holds.
import { createHash, randomUUID } from "node:crypto";
import { type Db, type EventStatus, runGuarded, type Tx } from "@openticket/db";
import { z } from "zod";
import type { Caller, Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { admissionPass, id, idempotencyKey } from "../../input.ts";
import { logger } from "../../observability/logger.ts";
import { countOutcome, metrics } from "../../observability/metrics.ts";
import { crashPoint } from "../crash-point.ts";
import {
  assertDiscountApplies,
  discountableSubtotal,
  discountCodeInput,
  discountSql,
  exhausted,
  type FoundDiscount,
  type PricedHold,
} from "../discount/discount-lookup.ts";
import { discountOn } from "../discount/discount-math.ts";
import { assertOnSale } from "../event/sale-state.ts";
import { isProviderUnavailable } from "../payments/payment-provider.ts";
import { endUnpaid } from "../payments/settle-checkout.ts";
import { isUniqueViolation } from "../payments/unique-violation.ts";
import { assertAdmitted } from "../waiting-room/admission-pass.ts";

export const checkoutInput = z.object({
  eventId: id,
  /** Chosen by the client per purchase attempt; repeating it returns the same order. */
  idempotencyKey,
  /** The waiting room's admission pass: required for an event that has one. */
  admission: admissionPass,
  /** A discount code of the event's organizer, as the buyer typed it (any case). */
  discountCode: discountCodeInput.optional(),
});

export type CheckoutOutcome = {
  orderId: string;
  status: "PENDING" | "PAID";
  /** Where the buyer pays; null once the order is paid. */
  redirectUrl: string | null;
};

type CheckoutCaller = Caller & Pick<Context, "payments" | "settings">;

export function checkout(
  db: Db,
  input: z.output<typeof checkoutInput>,
  caller: CheckoutCaller,
): Promise<CheckoutOutcome> {
  return countOutcome(metrics.checkouts, "started", checkoutOnce(db, input, caller));
}

async function checkoutOnce(
  db: Db,
  input: z.output<typeof checkoutInput>,
  caller: CheckoutCaller,
): Promise<CheckoutOutcome> {
  const userId = caller.user.id;
  const now = caller.now();
  const requestHash = hashRequest(input);
  let started: { existing: ExistingOrder } | { charge: Charge };
  try {
    // READ COMMITTED: its reads take no predicate locks (under SERIALIZABLE they locked index
    // pages every other buyer's checkout writes to), and every write is guarded (the key's
    // unique index, the holds' conditional UPDATE), which PostgreSQL re-checks against the
    // newest rows. One transaction, two statements: what the checkout needs to know, then
    // everything it writes.
    started = await runGuarded(db, (tx) => startCheckout(tx, input, requestHash, now, caller));
  } catch (error) {
    // The same key sent twice at once: the other request owns the order.
    if (isUniqueViolation(error)) {
      const winner = await findOrderByKey(db, userId, input.idempotencyKey);
      if (winner) return resume(db, winner, requestHash, caller);
    }
    throw error;
  }
  if ("existing" in started) return resume(db, started.existing, requestHash, caller);
  crashPoint("checkout:after-order");
  return createPayment(db, started.charge, caller);
}

/** Step 1: the PENDING order, its CHARGE intent and its holds, or the order the key made. */
async function startCheckout(
  tx: Tx,
  input: z.output<typeof checkoutInput>,
  requestHash: string,
  now: Date,
  caller: CheckoutCaller,
): Promise<{ existing: ExistingOrder } | { charge: Charge }> {
  const userId = caller.user.id;
  const [state] = await tx.$queryRaw<CheckoutState[]>`/* prepared */
    SELECT
      (SELECT json_build_object('id', o.id, 'status', o.status, 'requestHash', o.request_hash)
       FROM orders o WHERE o.user_id = ${userId}::uuid AND o.idempotency_key = ${input.idempotencyKey})
        AS existing,
      (SELECT json_build_object('id', e.id, 'status', e.status, 'startsAt', e.starts_at,
                                'salesStartAt', e.sales_start_at, 'salesEndAt', e.sales_end_at,
                                'maxSeatsPerOrder', e.max_seats_per_order, 'currency', e.currency,
                                'title', e.title, 'waitingRoomOpensAt', e.waiting_room_opens_at)
       FROM events e WHERE e.id = ${input.eventId}::uuid) AS event,
      (SELECT u.email_verified_at IS NOT NULL FROM users u WHERE u.id = ${userId}::uuid)
        AS verified,
      (SELECT o.id::text FROM orders o
       WHERE o.user_id = ${userId}::uuid AND o.event_id = ${input.eventId}::uuid
         AND o.status = 'PENDING' AND EXISTS (SELECT 1 FROM seat_holds h WHERE h.order_id = o.id)
       LIMIT 1) AS in_flight,
      (SELECT json_agg(json_build_object('id', h.id, 'price', h.price,
                                         'ticketTypeId', h.ticket_type_id, 'tierId', es.tier_id))
       FROM seat_holds h JOIN event_seats es ON es.id = h.event_seat_id
       WHERE h.event_id = ${input.eventId}::uuid AND h.user_id = ${userId}::uuid
         AND h.order_id IS NULL AND h.expires_at > ${now}) AS holds,
      ${discountSql(input.eventId, input.discountCode ?? null)} AS discount`;
  if (state?.existing) return { existing: state.existing };
  const event = state?.event;
  if (!event || event.status === "DRAFT") {
    throw new AppError("NOT_FOUND", "This event does not exist.");
  }
  // Read here, in the checkout's own statement, rather than from the (cached) session user:
  // the moment a link is opened, the next checkout sees it.
  if (!state.verified) {
    throw new AppError("FORBIDDEN", "Verify your e-mail address before paying for tickets.", {
      reason: "EMAIL_NOT_VERIFIED",
    });
  }
  assertAdmitted(
    {
      id: event.id,
      waitingRoomOpensAt: event.waitingRoomOpensAt ? new Date(event.waitingRoomOpensAt) : null,
    },
    userId,
    input.admission,
    now,
    caller.settings.admissionSecret,
  );
  assertOnSale(
    {
      status: event.status,
      startsAt: new Date(event.startsAt),
      salesStartAt: event.salesStartAt ? new Date(event.salesStartAt) : null,
      salesEndAt: event.salesEndAt ? new Date(event.salesEndAt) : null,
    },
    now,
  );
  if (state.in_flight) {
    throw new AppError("CONFLICT", "A payment for these seats is already in progress.", {
      reason: "PAYMENT_IN_PROGRESS",
      orderId: state.in_flight,
    });
  }
  const holds = state.holds ?? [];
  if (holds.length === 0) {
    throw new AppError(
      "CONFLICT",
      "Your seats are no longer held: the hold expired or was released.",
      { reason: "HOLD_EXPIRED" },
    );
  }
  if (holds.length > event.maxSeatsPerOrder) {
    throw new AppError("BAD_REQUEST", `At most ${event.maxSeatsPerOrder} seats per order.`);
  }
  const subtotal = holds.reduce((sum, hold) => sum + hold.price, 0);
  const discount = input.discountCode ? assertDiscountApplies(state.discount, event, now) : null;
  // A code for some ticket types takes its share off those tickets only.
  const discountAmount = discount ? discountOn(discountableSubtotal(discount, holds), discount) : 0;
  const total = subtotal - discountAmount;
  const paymentDueAt = new Date(now.getTime() + caller.settings.paymentWindowMs);
  const holdsKeptUntil = new Date(paymentDueAt.getTime() + caller.settings.paymentGraceMs);
  const orderId = randomUUID();
  const written = new Date();
  // One statement: the holds are attached (guarded: a hold released, expired, re-priced or
  // attached to another checkout meanwhile is not, and the counts differ), the order and its
  // CHARGE intent recorded, and the discount code's use taken (guarded: never past its limit;
  // PostgreSQL re-checks the guard against the newest row, so racing buyers queue on it and
  // each sees the uses the others took). The holds' and the order's foreign keys are checked at
  // the statement's end, once the order exists.
  const [result] = await tx.$queryRaw<
    { attached: number; attempt_id: string; used: number }[]
  >`/* prepared */
    WITH used AS (
      UPDATE discount_codes SET uses = uses + 1, updated_at = ${now}
      WHERE id = ${discount?.id ?? null}::uuid AND active
        AND (max_uses IS NULL OR uses < max_uses)
      RETURNING id
    ), attached AS (
      UPDATE seat_holds h SET order_id = ${orderId}::uuid,
             expires_at = GREATEST(h.expires_at, ${holdsKeptUntil})
      FROM unnest(${holds.map((hold) => hold.id)}::uuid[], ${holds.map((hold) => hold.price)}::int[],
                  ${holds.map((hold) => hold.ticketTypeId)}::uuid[])
             AS r(id, price, type_id)
      -- At the price and type read above: a hold given another ticket type meanwhile is not
      -- attached (its price, and what a code takes off it, were for the other).
      WHERE h.id = r.id AND h.price = r.price AND h.ticket_type_id IS NOT DISTINCT FROM r.type_id
        AND h.user_id = ${userId}::uuid
        AND h.order_id IS NULL AND h.expires_at > ${now}
      RETURNING h.id
    ), placed AS (
      INSERT INTO orders (id, user_id, event_id, status, total, currency, idempotency_key,
                          request_hash, payment_due_at, created_at, updated_at,
                          discount_code_id, discount_amount)
      VALUES (${orderId}::uuid, ${userId}::uuid, ${event.id}::uuid, 'PENDING', ${total},
              ${event.currency}, ${input.idempotencyKey}, ${requestHash}, ${paymentDueAt},
              ${written}, ${written}, (SELECT id FROM used),
              -- No use taken (the last went meanwhile): no discount; the order rolls back below.
              CASE WHEN EXISTS (SELECT 1 FROM used) THEN ${discountAmount}::int ELSE 0 END)
      RETURNING id
    ), attempt AS (
      INSERT INTO payment_attempts (id, order_id, kind, idempotency_key, amount, currency,
                                    provider, created_at, updated_at)
      SELECT gen_random_uuid(), id, 'CHARGE', 'checkout:' || id::text, ${total}, ${event.currency},
             ${caller.payments.name}, ${written}, ${written}
      FROM placed
      RETURNING id
    )
    SELECT (SELECT count(*)::int FROM attached) AS attached,
           (SELECT id::text FROM attempt) AS attempt_id,
           (SELECT count(*)::int FROM used) AS used`;
  if (result?.attached !== holds.length) {
    // Thrown inside the transaction: the order and the attached holds roll back with it.
    throw new AppError("CONFLICT", "Your held seats changed meanwhile; please try again.", {
      reason: "HOLD_EXPIRED",
    });
  }
  // The last use went to another buyer meanwhile: the order and the holds roll back.
  if (discount && result.used !== 1) throw exhausted();
  const charge: Charge = {
    orderId,
    attemptId: result.attempt_id,
    idempotencyKey: `checkout:${orderId}`,
    amount: total,
    currency: event.currency,
    paymentDueAt,
    eventTitle: event.title,
    seats: holds.length,
  };
  return { charge };
}

type CheckoutState = {
  existing: ExistingOrder | null;
  event: {
    id: string;
    status: EventStatus;
    startsAt: string;
    salesStartAt: string | null;
    salesEndAt: string | null;
    maxSeatsPerOrder: number;
    currency: string;
    title: string;
    waitingRoomOpensAt: string | null;
  } | null;
  verified: boolean | null;
  in_flight: string | null;
  holds: (PricedHold & { id: string })[] | null;
  discount: FoundDiscount | null;
};

type ExistingOrder = { id: string; status: string; requestHash: string };

/** What the provider needs to know of an order's CHARGE intent. */
type Charge = {
  orderId: string;
  attemptId: string;
  idempotencyKey: string;
  amount: number;
  currency: string;
  paymentDueAt: Date | null;
  eventTitle: string;
  seats: number;
};

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
  return createPayment(
    db,
    {
      orderId,
      attemptId: attempt.id,
      idempotencyKey: attempt.idempotencyKey,
      amount: attempt.amount,
      currency: attempt.currency,
      paymentDueAt: attempt.order.paymentDueAt,
      eventTitle: attempt.order.event.title,
      seats: attempt.order._count.holds,
    },
    caller,
  );
}

/** The provider's hosted payment for a CHARGE without one yet, recorded. */
async function createPayment(
  db: Db,
  charge: Charge,
  caller: Pick<CheckoutCaller, "payments" | "settings">,
): Promise<CheckoutOutcome> {
  const { orderId, seats } = charge;
  let session: Awaited<ReturnType<CheckoutCaller["payments"]["createCheckout"]>>;
  try {
    session = await caller.payments.createCheckout({
      idempotencyKey: charge.idempotencyKey,
      orderId,
      amount: charge.amount,
      currency: charge.currency,
      description: `${seats} ${seats === 1 ? "ticket" : "tickets"} · ${charge.eventTitle}`,
      returnUrl: new URL(`/orders/${orderId}`, caller.settings.publicUrl).toString(),
      expiresAt: charge.paymentDueAt ?? new Date(),
    });
  } catch (error) {
    if (!isProviderUnavailable(error)) {
      // The provider answered, and refused (e.g. an amount below its minimum): no payment was
      // opened, and asking again would be refused again. End the order now, so its seats and
      // any discount use go back at once instead of waiting, stuck, for the reconciler.
      await db.paymentAttempt.update({
        where: { id: charge.attemptId },
        data: { tries: { increment: 1 }, lastError: String(error).slice(0, 500) },
      });
      await endUnpaid(db, orderId, "FAILED", new Date());
      logger.warn({ orderId, err: error }, "the payment provider refused a checkout");
      throw new AppError(
        "UNPROCESSABLE_CONTENT",
        "The payment service refused this payment. Nothing was charged; your seats went back on sale.",
        { reason: "PROVIDER_REFUSED", orderId },
      );
    }
    await db.paymentAttempt.update({
      where: { id: charge.attemptId },
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
    where: { id: charge.attemptId },
    data: {
      providerReference: session.reference,
      redirectUrl: session.redirectUrl,
      tries: { increment: 1 },
    },
  });
  return { orderId, status: "PENDING", redirectUrl: session.redirectUrl };
}

function hashRequest(input: z.output<typeof checkoutInput>) {
  return (
    createHash("sha256")
      // The same key with another code is another purchase. (No code hashes as before codes existed.)
      .update(
        JSON.stringify({ eventId: input.eventId, discountCode: input.discountCode?.toLowerCase() }),
      )
      .digest("hex")
  );
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
  order: ExistingOrder,
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
