// The job queue (graphile-worker) on a real database: an event cancel queues its refunds and
// the queue makes them; the reconciler runs as a job too.
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { runMigrations } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { defaultSettings } from "../src/context.ts";
import { jobQueueFor, runDueJobs } from "../src/jobs/job-queue.ts";
import { auditPaymentInvariants } from "../src/services/payments/audit-invariants.ts";
import { inProcessDemoProvider } from "../src/services/payments/in-process-demo.ts";
import { callerFor } from "./helpers/callers.ts";
import { organizerEvent } from "./helpers/organizer.ts";
import { checkoutAndPay } from "./helpers/sale.ts";

const database = useTestDatabase();

describe("the job queue", () => {
  it("refunds a cancelled event's orders as a job, once, however often it runs", async () => {
    const { db, url } = database();
    await runMigrations({ connectionString: url });
    const { organizer, event, seatIds } = await organizerEvent(db, { rows: 1, seatsPerRow: 6 });
    const buyers = await Promise.all([makeUser(db), makeUser(db), makeUser(db)]);
    for (const [index, buyer] of buyers.entries()) {
      const api = callerFor(db, buyer);
      await api.reservation.hold({
        eventId: event.id,
        seatIds: seatIds.slice(index * 2, index * 2 + 2),
      });
      expect((await checkoutAndPay(api, event.id, `job-queue-${index}`)).status).toBe("PAID");
    }

    const jobs = jobQueueFor(db);
    const cancelled = await callerFor(db, organizer, { jobs }).organizer.events.cancel({
      eventId: event.id,
    });
    expect(cancelled).toMatchObject({ refundsQueued: true, refundedOrders: 0, ordersStillPaid: 3 });
    // Queued ahead of mail (the buyers' confirmations above): money first.
    const queued = await db.$queryRaw<{ task: string; priority: number }[]>`
      SELECT task_identifier AS task, priority FROM graphile_worker.jobs ORDER BY priority, id`;
    expect(queued[0]).toEqual({ task: "refund-cancelled-event", priority: -10 });
    expect(
      queued.filter((job) => job.task === "send-mail").every((job) => job.priority === 0),
    ).toBe(true);
    expect(
      await db.payment.count({ where: { order: { eventId: event.id }, kind: "REFUND" } }),
    ).toBe(0);

    const deps = { db, payments: inProcessDemoProvider(db), settings: defaultSettings };
    await Promise.all([runDueJobs(url, deps), runDueJobs(url, deps)]);
    const refunds = await db.payment.findMany({
      where: { order: { eventId: event.id }, kind: "REFUND" },
      select: { amount: true },
    });
    expect(refunds.map((refund) => refund.amount)).toEqual([2000, 2000, 2000]);
    expect(await db.order.count({ where: { eventId: event.id, status: "PAID" } })).toBe(0);
    expect(await auditPaymentInvariants(db, { now: new Date(), paymentGraceMs: 0 })).toEqual([]);
  });

  it("refunds, from the reconciler, an event whose cancel died before its refunds", async () => {
    const { db, url } = database();
    const { event, seatIds } = await organizerEvent(db, { rows: 1, seatsPerRow: 2 });
    const buyer = await makeUser(db);
    const api = callerFor(db, buyer);
    await api.reservation.hold({ eventId: event.id, seatIds });
    const order = await checkoutAndPay(api, event.id, "reconciled-event");
    // The cancel's first step committed; the job that would refund never ran.
    await db.event.update({ where: { id: event.id }, data: { status: "CANCELLED" } });
    await runDueJobs(url, { db, payments: inProcessDemoProvider(db), settings: defaultSettings });
    expect(
      await db.payment.findMany({ where: { orderId: order.id, kind: "REFUND" } }),
    ).toMatchObject([{ amount: order.total }]);
  });
});
