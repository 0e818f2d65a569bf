// A hold runs in a SERIALIZABLE transaction; a sale (settle-checkout.ts) and an organizer's block
// run READ COMMITTED, which PostgreSQL's serializable checking does not see. A hold whose
// statement started before such a write committed reads the seat as it was: it must still never
// take a seat sold or blocked meanwhile. (Under a loaded CI run, a buyer was given a hold on a
// seat another buyer had just bought, paid for it, and was refunded: the sale's guard caught
// it, the hold should never have been given.)
//
// The race is made certain here: a test connection locks the buyer's cart row, so the buyer's
// hold statement waits inside, on its old snapshot, while the seat is sold (or blocked).
import { createDb, type Db } from "@openticket/db";
import { useTestDatabase } from "@openticket/db/testing";
import { TRPCError } from "@trpc/server";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";
import { checkoutAndPay, eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase();

/** Holds the row lock on `userId`'s cart for `eventId` until `release()` is called. */
async function lockCart(url: string, userId: string, eventId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  const { rowCount } = await client.query(
    "SELECT 1 FROM hold_carts WHERE user_id = $1 AND event_id = $2 FOR UPDATE",
    [userId, eventId],
  );
  expect(rowCount).toBe(1);
  return {
    pid: ((await client.query("SELECT pg_backend_pid() AS pid")).rows[0] as { pid: number }).pid,
    release: async () => {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

/** Waits until some backend is blocked by `pid` (the hold statement waiting on the cart lock). */
async function waitUntilBlockedBy(db: Db, pid: number) {
  for (let i = 0; i < 400; i++) {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE ${pid}::int = ANY (pg_blocking_pids(pid))`;
    if ((row?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the hold never waited on the cart lock");
}

async function refusalOf(promise: Promise<unknown>) {
  return promise.then(
    (value) => ({ held: value }),
    (error: unknown) => {
      if (!(error instanceof TRPCError)) throw error;
      return { refused: error.code };
    },
  );
}

describe("a hold on an old snapshot", () => {
  it("never takes a seat sold while it ran; the buyer is told it is taken", async () => {
    const { db, url } = database();
    const { event, seatIds } = await eventOnSale(db, { rows: 1, seatsPerRow: 4 });
    const [seatA, seatB] = seatIds;
    if (!seatA || !seatB) throw new Error("seats");
    const [late, buyer] = await makeBuyers(db, 2);
    if (!late || !buyer) throw new Error("buyers");
    // The late buyer already holds a seat, so their cart row exists to be locked.
    const lateApi = callerFor(db, late);
    await lateApi.reservation.hold({ eventId: event.id, seatIds: [seatB] });
    const lock = await lockCart(url, late.id, event.id);
    let pending: Promise<unknown> | null = null;
    // The buyer sells through another client (another app instance): this one's batcher is busy.
    const other = createDb(url, { maxConnections: 4 });
    try {
      // Seat A is free when the late buyer asks for it; their statement then waits on the lock.
      pending = refusalOf(lateApi.reservation.hold({ eventId: event.id, seatIds: [seatA] }));
      await waitUntilBlockedBy(db, lock.pid);
      // Meanwhile another buyer holds seat A, pays, and it is sold.
      const buyerApi = callerFor(other, buyer);
      await buyerApi.reservation.hold({ eventId: event.id, seatIds: [seatA] });
      expect((await checkoutAndPay(buyerApi, event.id, "sold-meanwhile")).status).toBe("PAID");
    } finally {
      await lock.release();
      await other.$disconnect();
    }
    expect(await pending).toEqual({ refused: "CONFLICT" });
    // Nobody holds a sold seat; the late buyer still has the seat they had.
    expect(
      await db.seatHold.findMany({
        where: { eventId: event.id },
        select: { eventSeatId: true, userId: true },
      }),
    ).toEqual([{ eventSeatId: seatB, userId: late.id }]);
  });

  it("never takes a seat the organizer blocked while it ran", async () => {
    const { db, url } = database();
    const { organizer, event, seatIds } = await eventOnSale(db, { rows: 1, seatsPerRow: 4 });
    const [seatA, seatB] = seatIds;
    if (!seatA || !seatB) throw new Error("seats");
    const [late] = await makeBuyers(db, 1);
    if (!late) throw new Error("buyers");
    const lateApi = callerFor(db, late);
    await lateApi.reservation.hold({ eventId: event.id, seatIds: [seatB] });
    const lock = await lockCart(url, late.id, event.id);
    let pending: Promise<unknown> | null = null;
    const other = createDb(url, { maxConnections: 4 });
    try {
      pending = refusalOf(lateApi.reservation.hold({ eventId: event.id, seatIds: [seatA] }));
      await waitUntilBlockedBy(db, lock.pid);
      await callerFor(other, organizer).organizer.seats.block({
        eventId: event.id,
        seatIds: [seatA],
      });
    } finally {
      await lock.release();
      await other.$disconnect();
    }
    expect(await pending).toEqual({ refused: "CONFLICT" });
    expect(await db.seatHold.count({ where: { eventSeatId: seatA } })).toBe(0);
  });
});
