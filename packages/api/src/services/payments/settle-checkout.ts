// What OpenTicket does when it learns what became of a checkout — from a webhook, from the
// return page, or from the reconciler asking the provider. Idempotent: replays, duplicates and
// out-of-order reports change nothing once an order is settled.
//
//   paid     + the order's held seats are still its own → PAID: holds become tickets, all or
//              nothing, with the CHARGE the provider reported.
//   paid     + the seats are gone, the event was cancelled, or the order already ended → the
//              CHARGE is recorded, the order FAILS, and the money goes back (refundCharge),
//              which the buyer's order says.
//   failed   → FAILED;  expired → EXPIRED: either way the order's seats go back on sale (a
//              declined buyer holds again and pays with another card).
//   open     → nothing yet.
//
// An order with a discount code (issue 15) holds one use of it while PENDING; whichever path
// moves it from PENDING to FAILED or EXPIRED gives that use back, in the same transaction and
// only when its guarded status change counted a row, so a settlement repeated or raced gives
// back once. A paid order keeps its use, also when later cancelled and refunded.
import { randomUUID } from "node:crypto";
import { type Db, runGuarded, type Tx } from "@openticket/db";
import { recordAudit } from "../audit/record-audit.ts";
import { crashPoint } from "../crash-point.ts";
import { appliesTo, type CodeTickets, type PricedHold } from "../discount/discount-lookup.ts";
import { spreadDiscount } from "../discount/discount-math.ts";
import {
  publishSeatChanges,
  SEAT_CHANGES_CHANNEL,
  seatChangePayloads,
} from "../seat-changes/publish.ts";
import {
  forgetSigningKey,
  StaleSigningKeyError,
  signingKeyInUse,
  signTicketCodes,
} from "../tickets/signing-keys.ts";
import type { CheckoutState, PaymentProvider } from "./payment-provider.ts";
import { refundLatePayment } from "./refund-order.ts";
import { isUniqueViolation } from "./unique-violation.ts";

export type Settlement =
  | "unknown-checkout"
  | "still-open"
  | "paid"
  | "already-settled"
  | "refunded-late-payment"
  | "failed"
  | "expired";

export async function settleCheckout(
  db: Db,
  payments: PaymentProvider,
  report: { reference: string; state: CheckoutState },
  now: Date = new Date(),
): Promise<Settlement> {
  const { state } = report;
  if (state.status !== "paid") {
    const attempt = await db.paymentAttempt.findFirst({
      where: { kind: "CHARGE", provider: payments.name, providerReference: report.reference },
      select: { orderId: true },
    });
    if (!attempt) return "unknown-checkout";
    if (state.status === "open") return "still-open";
    return endUnpaid(db, attempt.orderId, state.status === "failed" ? "FAILED" : "EXPIRED", now);
  }

  crashPoint("settle:before-sale");
  // Guarded writes only (the order's one CHARGE and one live ticket per seat are unique
  // indexes; seats move AVAILABLE → SOLD by a conditional UPDATE whose count is checked).
  const sell = () =>
    runGuarded(
      db,
      (tx) => sellOrRecord(tx, report.reference, state, payments.name, now),
      // Giving up here leaves a paid order to the reconciler: worth trying longer (≈3 s of
      // backoff) than the default, as on a busy on-sale.
      { maxAttempts: 16 },
    );
  // The event's signing key was rotated since this process cached it: the key is forgotten;
  // sell again with the new one (twice, for a rotation that was still committing).
  const retryOnRotation = (error: unknown) =>
    error instanceof StaleSigningKeyError ? sell() : Promise.reject(error);
  const outcome = await sell()
    .catch(retryOnRotation)
    .catch(retryOnRotation)
    .catch((error: unknown) => {
      // The order's one CHARGE is recorded already (a replay racing the first delivery).
      if (isUniqueViolation(error)) return "already-settled" as const;
      throw error;
    });
  crashPoint("settle:after-sale");
  if (typeof outcome === "string") return outcome;
  await refundLatePayment(db, payments, outcome.refundOrderId);
  return "refunded-late-payment";
}

/**
 * In one transaction: PAID with tickets when the order still owns every seat it priced;
 * otherwise the CHARGE alone (the order FAILS) and the order to refund. "unknown-checkout" when
 * no CHARGE of this provider has the reference.
 */
async function sellOrRecord(
  tx: Tx,
  reference: string,
  paid: Extract<CheckoutState, { status: "paid" }>,
  provider: string,
  now: Date,
): Promise<"unknown-checkout" | "paid" | "already-settled" | { refundOrderId: string }> {
  // The checkout's CHARGE attempt and its order, and the attempt marked SUCCEEDED unless the
  // order is already PAID.
  const [order] = await tx.$queryRaw<
    {
      id: string;
      status: string;
      total: number;
      currency: string;
      event_id: string;
      discount_code_id: string | null;
      discount_amount: number;
      discount_types: string[] | null;
      discount_tiers: string[] | null;
    }[]
  >`/* prepared */
    WITH a AS (
      SELECT id, order_id FROM payment_attempts
      WHERE kind = 'CHARGE' AND provider = ${provider} AND provider_reference = ${reference}
      LIMIT 1
    ), o AS (
      SELECT o.id::text, o.status::text, o.total, o.currency, o.event_id::text,
             o.discount_code_id::text, o.discount_amount,
             (SELECT d.ticket_type_ids::text[] FROM discount_codes d WHERE d.id = o.discount_code_id)
               AS discount_types,
             (SELECT d.tier_ids::text[] FROM discount_codes d WHERE d.id = o.discount_code_id)
               AS discount_tiers
      FROM orders o JOIN a ON o.id = a.order_id
    ), reported AS (
      UPDATE payment_attempts SET status = 'SUCCEEDED', reported_amount = ${paid.amount},
                                  updated_at = ${new Date()}
      WHERE id = (SELECT id FROM a) AND (SELECT status FROM o) <> 'PAID'
      RETURNING id
    ), seats AS (
      -- The order's seats locked now, in id order, before the next statement deletes their
      -- holds: a hold being written for one of them (hold-seats.ts share-locks its seats, in id
      -- order, before touching their hold rows) then waits here, or makes this wait, instead of
      -- each waiting on a row the other locked (a deadlock, found only after deadlock_timeout).
      SELECT es.id FROM event_seats es
      WHERE es.id IN (SELECT h.event_seat_id FROM seat_holds h JOIN a ON h.order_id = a.order_id)
      ORDER BY es.id
      FOR NO KEY UPDATE OF es
    )
    SELECT o.*, (SELECT count(*) FROM reported) AS reported, (SELECT count(*) FROM seats) AS seats
    FROM o`;
  if (!order) return "unknown-checkout";
  const orderId = order.id;
  if (order.status === "PAID") return "already-settled";

  // In one statement: the CHARGE (one per order, a unique index), the order's holds deleted, and
  // their seats marked SOLD when the order still owns every seat it priced. Never for an event
  // that is no longer PUBLISHED: a payment that lands after the event was cancelled is refunded,
  // not turned into tickets for a show that will not happen. The seats this marks SOLD are the
  // only ones that may be given back below.
  const [taken] = await tx.$queryRaw<
    {
      holds: (PricedHold & { seatId: string })[] | null;
      sold: string[] | null;
    }[]
  >`/* prepared */
    WITH charge AS (
      INSERT INTO payments (id, order_id, kind, amount, currency, provider, provider_reference,
                            created_at)
      VALUES (gen_random_uuid(), ${orderId}::uuid, 'CHARGE', ${paid.amount}, ${order.currency},
              ${provider}, ${paid.chargeReference}, ${new Date()})
      RETURNING id
    ), gone AS (
      DELETE FROM seat_holds WHERE order_id = ${orderId}::uuid
      RETURNING event_seat_id, price, ticket_type_id
    ), sold AS (
      UPDATE event_seats es SET status = 'SOLD'
      FROM events e
      WHERE es.id IN (SELECT event_seat_id FROM gone) AND es.status = 'AVAILABLE'
        AND e.id = es.event_id AND e.status = 'PUBLISHED'
        AND ${order.status} = 'PENDING'
        AND (SELECT sum(price) FROM gone) = ${order.total + order.discount_amount}
      RETURNING es.id
    )
    SELECT (SELECT json_agg(json_build_object('seatId', g.event_seat_id, 'price', g.price,
                                              'ticketTypeId', g.ticket_type_id,
                                              'tierId', es.tier_id))
            FROM gone g JOIN event_seats es ON es.id = g.event_seat_id) AS holds,
           (SELECT array_agg(id::text) FROM sold) AS sold,
           (SELECT count(*) FROM charge) AS charged`;
  const holds = taken?.holds ?? [];
  const sold = taken?.sold ?? [];
  const seatIds = holds.map((hold) => hold.seatId);
  if (holds.length === 0 || sold.length !== holds.length || paid.amount !== order.total) {
    // Seats gone, or a payment of the wrong amount: keep the record, give the money back. The
    // holds this order still had are released (deleting them above already did).
    const failed = await tx.order.updateMany({
      where: { id: orderId, status: "PENDING" },
      data: { status: "FAILED" },
    });
    if (failed.count === 1) await giveDiscountUseBack(tx, order.discount_code_id);
    if (sold.length > 0) {
      await tx.eventSeat.updateMany({
        where: { id: { in: sold }, status: "SOLD" },
        data: { status: "AVAILABLE" },
      });
    }
    await publishSeatChanges(
      tx,
      order.event_id,
      seatIds.map((seatId) => ({ seatId, status: "AVAILABLE" })),
    );
    await recordAudit(tx, {
      actorId: null,
      action: "order.fail",
      entityType: "order",
      entityId: orderId,
      before: { status: order.status },
      after: { status: "FAILED", charged: paid.amount, reason: "paid after its seats were gone" },
    });
    return { refundOrderId: orderId };
  }
  // In one statement: the tickets (one live ticket per seat, a unique index), the order PAID
  // (guarded on PENDING, its count checked), the audit record, the seat announcements, which
  // NOTIFY delivers on commit only, and the buyer's order confirmation in the mail outbox
  // (as mail/queue-mail.ts does, inlined so settling costs no extra statement; the database
  // queues its send-mail job; keyed by order, so a replayed settlement records no second message).
  const payloads = seatChangePayloads(
    order.event_id,
    seatIds.map((seatId) => ({ seatId, status: "SOLD" })),
  );
  const audit = { status: "PAID", charged: paid.amount, tickets: holds.length };
  // What each ticket cost: its seat's price less its share of the discount, adding up to the
  // charge. A code for some ticket types shares its discount among those tickets only.
  const pricesPaid = discountedPrices(holds, order.discount_amount, {
    ticketTypeIds: order.discount_types ?? [],
    tierIds: order.discount_tiers ?? [],
  });
  // Each ticket's code is signed by the event's key (services/tickets/signing-keys.ts); the
  // statement checks the key is still in use, share-locking it against a rotation.
  const key = await signingKeyInUse(tx, order.event_id);
  const ticketIds = holds.map(() => randomUUID());
  const [result] = await tx.$queryRaw<{ paid: number; signer: number }[]>`/* prepared */
    WITH signer AS (
      SELECT id FROM ticket_signing_keys
      WHERE id = ${key.id}::uuid AND retired_at IS NULL
      FOR SHARE
    ), issued AS (
      INSERT INTO tickets (id, order_id, event_seat_id, price_paid, code, ticket_type_id,
                           created_at)
      SELECT ticket_id, ${orderId}::uuid, seat_id, price, code, type_id, ${new Date()}
      FROM unnest(${ticketIds}::uuid[], ${seatIds}::uuid[], ${pricesPaid}::int[],
                  ${signTicketCodes(key, ticketIds)}::text[],
                  ${holds.map((hold) => hold.ticketTypeId)}::uuid[])
             AS t(ticket_id, seat_id, price, code, type_id)
      WHERE EXISTS (SELECT 1 FROM signer)
      RETURNING id
    ), paid AS (
      UPDATE orders SET status = 'PAID', updated_at = ${now}
      WHERE id = ${orderId}::uuid AND status = 'PENDING' AND EXISTS (SELECT 1 FROM signer)
      RETURNING id, user_id
    ), audited AS (
      INSERT INTO audit_logs (id, actor_id, action, entity_type, entity_id, before, after,
                              created_at)
      SELECT gen_random_uuid(), NULL, 'order.pay', 'order', id::text,
             ${JSON.stringify({ status: "PENDING" })}::jsonb, ${JSON.stringify(audit)}::jsonb,
             ${new Date()}
      FROM paid
      RETURNING id
    ), announced AS (
      SELECT pg_notify(${SEAT_CHANGES_CHANNEL}, payload) FROM unnest(${payloads}::text[]) AS payload
    ), mailed AS (
      INSERT INTO mail_outbox (id, key, kind, user_id, to_address, locale, payload)
      SELECT gen_random_uuid(), 'order-confirmation:' || paid.id, 'order-confirmation', u.id,
             u.email, u.locale,
             jsonb_build_object('kind', 'order-confirmation', 'orderId', paid.id::text)
      FROM paid JOIN users u ON u.id = paid.user_id
      ON CONFLICT (key) DO NOTHING
      RETURNING id
    )
    SELECT (SELECT count(*)::int FROM paid) AS paid, (SELECT count(*) FROM issued) AS issued,
           (SELECT count(*) FROM audited) AS audited, (SELECT count(*) FROM announced) AS announced,
           (SELECT count(*) FROM mailed) AS mailed, (SELECT count(*)::int FROM signer) AS signer`;
  if (result?.signer === 0) {
    forgetSigningKey(order.event_id);
    throw new StaleSigningKeyError(order.event_id);
  }
  if (result?.paid !== 1) throw new Error(`Order ${orderId} changed while it was being sold.`);
  return "paid";
}

/** A checkout that ended unpaid: the order ends and its seats go back on sale. */
export async function endUnpaid(db: Db, orderId: string, status: "FAILED" | "EXPIRED", now: Date) {
  return runGuarded(db, async (tx) => {
    const ended = await tx.order.updateMany({
      where: { id: orderId, status: "PENDING" },
      data: { status, updatedAt: now },
    });
    if (ended.count === 0) return "already-settled" as const;
    await tx.paymentAttempt.updateMany({
      where: { orderId, kind: "CHARGE", status: "REQUESTED" },
      data: { status: "FAILED" },
    });
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    await giveDiscountUseBack(tx, order.discountCodeId);
    const rows = await tx.$queryRaw<{ event_seat_id: string }[]>`
      DELETE FROM seat_holds WHERE order_id = ${orderId}::uuid RETURNING event_seat_id`;
    const released = rows.map((row) => row.event_seat_id);
    await publishSeatChanges(
      tx,
      order.eventId,
      released.map((seatId) => ({ seatId, status: "AVAILABLE" })),
    );
    await recordAudit(tx, {
      actorId: null,
      action: status === "FAILED" ? "order.fail" : "order.expire",
      entityType: "order",
      entityId: orderId,
      before: { status: "PENDING" },
      after: { status, releasedSeats: released.length },
    });
    return status === "FAILED" ? ("failed" as const) : ("expired" as const);
  });
}

/** Each hold's price less its share of `discount`, shared among the tickets the code is for. */
function discountedPrices(
  holds: readonly PricedHold[],
  discount: number,
  code: CodeTickets,
): number[] {
  const forCode = holds.flatMap((hold, index) => (appliesTo(code, hold) ? [index] : []));
  const carries = forCode.reduce((sum, index) => sum + (holds[index]?.price ?? 0), 0);
  // The tickets the code was for at checkout, unless they can no longer carry its discount (a
  // seat in payment keeps its tier, so never expected): then every ticket shares it, so that
  // the prices still add up to what was charged.
  const eligible = carries >= discount ? forCode : holds.map((_, index) => index);
  const shared = spreadDiscount(
    eligible.map((index) => holds[index]?.price ?? 0),
    discount,
  );
  const prices = holds.map((hold) => hold.price);
  eligible.forEach((index, at) => {
    prices[index] = shared[at] ?? prices[index] ?? 0;
  });
  return prices;
}

/** Called only by the transaction whose guarded update ended a PENDING order: once per order. */
async function giveDiscountUseBack(tx: Tx, discountCodeId: string | null) {
  if (!discountCodeId) return;
  await tx.$executeRaw`
    UPDATE discount_codes SET uses = uses - 1, updated_at = ${new Date()}
    WHERE id = ${discountCodeId}::uuid`;
}
