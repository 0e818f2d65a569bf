// 50 buyers race to hold and check out 60 seats while holds expire and the sweeper runs. Whatever
// the interleaving: no ticket without a paid order, no paid order without its tickets, no seat
// sold twice, no money taken without a sale or a refund.
import { useTestDatabase } from "@openticket/db/testing";
import { TRPCError } from "@trpc/server";
import { expect, it } from "vitest";
import { defaultSettings } from "../src/context.ts";
import { auditPaymentInvariants } from "../src/services/payments/audit-invariants.ts";
import { inProcessDemoProvider } from "../src/services/payments/in-process-demo.ts";
import { reconcilePayments } from "../src/services/payments/reconcile-payments.ts";
import { sweepExpiredHolds } from "../src/services/reservation/sweep-expired-holds.ts";
import { callerFor } from "./helpers/callers.ts";
import { checkoutAndPay, eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 40 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const EXPECTED = new Set(["CONFLICT", "BAD_REQUEST"]);

it("keeps orders, tickets, seats and payments consistent under contention", async () => {
  const { db } = database();
  const { event, seatIds } = await eventOnSale(db, {
    // Enough seats that the prompt buyers do not sell out before the dawdlers get going.
    rows: 6,
    seatsPerRow: 10,
    event: { maxSeatsPerOrder: 4 },
  });
  const buyers = await makeBuyers(db, 50);
  const unexpected: unknown[] = [];
  const outcomes = { held: 0, paid: 0, conflicts: 0 };
  const deadline = Date.now() + 6_000;

  const buyerLoop = async (buyer: (typeof buyers)[number], index: number) => {
    // Half the buyers pay promptly on long holds; the other half dawdle on short holds, so that
    // many of theirs expire mid-way and are taken over or swept.
    const prompt = index % 2 === 0;
    const api = callerFor(db, buyer, { settings: { holdDurationMs: prompt ? 60_000 : 300 } });
    let attempt = 0;
    while (Date.now() < deadline) {
      attempt++;
      const wanted = [...seatIds]
        .sort(() => Math.random() - 0.5)
        .slice(0, 1 + Math.floor(Math.random() * 3));
      try {
        await api.reservation.hold({ eventId: event.id, seatIds: wanted });
        outcomes.held++;
        await sleep(Math.random() * (prompt ? 50 : 600));
        const order = await checkoutAndPay(api, event.id, `buyer-${index}-attempt-${attempt}`);
        if (order.status === "PAID") outcomes.paid++;
      } catch (error) {
        if (error instanceof TRPCError && EXPECTED.has(error.code)) outcomes.conflicts++;
        else unexpected.push(error);
        await sleep(Math.random() * 50);
      }
    }
  };
  const sweeper = async () => {
    while (Date.now() < deadline) {
      await sweepExpiredHolds(db, { now: new Date(), batchSize: 5 }).catch((error) =>
        unexpected.push(error),
      );
      await sleep(30);
    }
  };
  await Promise.all([...buyers.map(buyerLoop), sweeper(), sweeper()]);

  expect(unexpected).toEqual([]);
  expect(outcomes.held).toBeGreaterThan(20);
  expect(outcomes.paid).toBeGreaterThan(0);
  expect(outcomes.conflicts).toBeGreaterThan(0);

  // A confirmation that lost every retry to the rush is left to the reconciler, as in
  // production: run it once the payment deadlines have passed.
  const later = new Date(
    Date.now() + defaultSettings.paymentWindowMs + defaultSettings.paymentGraceMs + 60_000,
  );
  await reconcilePayments(db, inProcessDemoProvider(db), defaultSettings, later);
  expect(await auditPaymentInvariants(db, { now: later, paymentGraceMs: 0 })).toEqual([]);

  const problems = await db.$queryRaw<{ problem: string; id: string }[]>`
    SELECT 'seat sold twice' AS problem, event_seat_id::text AS id FROM tickets
      WHERE status IN ('VALID', 'CHECKED_IN') GROUP BY event_seat_id HAVING count(*) > 1
    UNION ALL
    SELECT 'sold seat without exactly one live ticket', es.id::text FROM event_seats es
      WHERE es.event_id = ${event.id}::uuid AND es.status = 'SOLD'
        AND (SELECT count(*) FROM tickets t WHERE t.event_seat_id = es.id AND t.status IN ('VALID', 'CHECKED_IN')) <> 1
    UNION ALL
    SELECT 'live ticket on an unsold seat', t.id::text FROM tickets t JOIN event_seats es ON es.id = t.event_seat_id
      WHERE t.status IN ('VALID', 'CHECKED_IN') AND es.status <> 'SOLD'
    UNION ALL
    SELECT 'ticket without a paid order', t.id::text FROM tickets t JOIN orders o ON o.id = t.order_id
      WHERE o.status <> 'PAID'
    UNION ALL
    SELECT 'paid order without tickets, or total <> tickets', o.id::text FROM orders o
      WHERE o.status = 'PAID' AND o.total <> COALESCE((SELECT sum(price_paid) FROM tickets t WHERE t.order_id = o.id), -1)
    UNION ALL
    SELECT 'paid order without its charge', o.id::text FROM orders o
      WHERE o.status = 'PAID' AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.kind = 'CHARGE' AND p.amount = o.total)
    UNION ALL
    SELECT 'failed order charged and not refunded', o.id::text FROM orders o
      WHERE o.status = 'FAILED' AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.kind = 'CHARGE')
        AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.kind = 'REFUND')
    UNION ALL
    SELECT 'order left pending', o.id::text FROM orders o WHERE o.status = 'PENDING'
    UNION ALL
    SELECT 'hold on a sold seat', h.id::text FROM seat_holds h JOIN event_seats es ON es.id = h.event_seat_id
      WHERE es.status = 'SOLD'
    UNION ALL
    SELECT 'RESERVED stored (held-ness lives in seat_holds only)', es.id::text FROM event_seats es
      WHERE es.status = 'RESERVED'`;
  expect(problems).toEqual([]);
  expect(await db.ticket.count({ where: { status: "VALID" } })).toBe(
    await db.eventSeat.count({ where: { eventId: event.id, status: "SOLD" } }),
  );
}, 60_000);
