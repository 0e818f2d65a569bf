// The sweeper runs beside holds, releases and checkouts without getting in their way: no
// SERIALIZABLE predicate lock on seat_holds, no serialization retries for concurrent holds, and
// a hold that checkout is extending (locked, then kept longer) is never swept.
import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@openticket/db/testing";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { holdBatcher } from "../src/services/reservation/hold-seats.ts";
import { releaseBatcher } from "../src/services/reservation/release-seats.ts";
import { sweepExpiredHolds } from "../src/services/reservation/sweep-expired-holds.ts";
import { callerFor } from "./helpers/callers.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 20 });
const MINUTE = 60_000;

/** A new buyer for each seat holds it, with the clock at `at`. */
async function holdOneEach(
  db: Parameters<typeof callerFor>[0],
  eventId: string,
  seatIds: string[],
  at: Date,
) {
  const buyers = await makeBuyers(db, seatIds.length);
  await Promise.all(
    buyers.map((buyer, i) =>
      callerFor(db, buyer, { now: () => at }).reservation.hold({
        eventId,
        seatIds: [seatIds[i] ?? ""],
      }),
    ),
  );
}

describe("sweepExpiredHolds beside other work", () => {
  it("takes no relation-level SIReadLock on seat_holds", async () => {
    const { db, url } = database();
    const { event, seatIds } = await eventOnSale(db, { rows: 2, seatsPerRow: 10 });
    await holdOneEach(db, event.id, seatIds.slice(0, 10), new Date(Date.now() - 20 * MINUTE));

    // A serializable transaction that overlaps the sweep keeps the sweep's SIRead locks
    // visible in pg_locks after the sweep commits (PostgreSQL needs them until it ends).
    const observer = new pg.Client({ connectionString: url });
    await observer.connect();
    try {
      await observer.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
      await observer.query("SELECT count(*) FROM users");
      expect(await sweepExpiredHolds(db, { now: new Date() })).toEqual({ swept: 10 });
      const { rows } = await observer.query<{ locks: number }>(
        `SELECT count(*)::int AS locks FROM pg_locks
         WHERE mode = 'SIReadLock' AND locktype = 'relation'
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND relation = 'seat_holds'::regclass`,
      );
      expect(rows[0]?.locks).toBe(0);
    } finally {
      await observer.query("ROLLBACK").catch(() => {});
      await observer.end();
    }
  });

  it("causes no serialization retries for holds and releases made while it sweeps", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db, {
      rows: 20,
      seatsPerRow: 20,
      event: { maxSeatsPerOrder: 10 },
    });
    await holdOneEach(db, event.id, seatIds.slice(0, 200), new Date(Date.now() - 20 * MINUTE));
    const retries = () => holdBatcher(db).stats.retries + releaseBatcher(db).stats.retries;
    const retriesBefore = retries();

    let sweeping = true;
    let swept = 0;
    const sweeper = (async () => {
      while (sweeping) {
        swept += (await sweepExpiredHolds(db, { now: new Date(), batchSize: 2, maxBatches: 1 }))
          .swept;
      }
    })();
    const buyers = await makeBuyers(db, 100);
    await Promise.all(
      buyers.map(async (buyer, i) => {
        const api = callerFor(db, buyer).reservation;
        const seats = [seatIds[200 + 2 * i] ?? "", seatIds[201 + 2 * i] ?? ""];
        await api.hold({ eventId: event.id, seatIds: seats });
        await api.release({ eventId: event.id, seatIds: seats.slice(1) });
        await api.hold({ eventId: event.id, seatIds: seats.slice(1) });
      }),
    );
    sweeping = false;
    await sweeper;

    expect(retries() - retriesBefore).toBe(0);
    expect(swept).toBeGreaterThan(0);
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(200 + 200 - swept);
  });

  it("never sweeps a hold that checkout is attaching to an order and extending", async () => {
    const { db, url } = database();
    const { event, seatIds } = await eventOnSale(db);
    await holdOneEach(
      db,
      event.id,
      seatIds.slice(0, 2),
      new Date(Date.now() - 10 * MINUTE - 1_000),
    );
    const [attached, plain] = await db.seatHold.findMany({
      where: { eventId: event.id },
      orderBy: { eventSeatId: "asc" },
    });
    if (!attached || !plain) throw new Error("holds");

    // What checkout does, in its own READ COMMITTED transaction: lock the hold, give it to an
    // order and keep it for the payment grace. Until it commits, a sweep must leave it alone.
    const checkout = new pg.Client({ connectionString: url });
    await checkout.connect();
    try {
      await checkout.query("BEGIN");
      const order = await checkout.query<{ id: string }>(
        `INSERT INTO orders (id, user_id, event_id, total, idempotency_key, updated_at)
         VALUES ($1, $2, $3, 0, $4, now()) RETURNING id`,
        [randomUUID(), attached.userId, event.id, randomUUID()],
      );
      await checkout.query(
        `UPDATE seat_holds SET order_id = $1, expires_at = now() + interval '20 minutes'
         WHERE id = $2`,
        [order.rows[0]?.id, attached.id],
      );
      await sweepExpiredHolds(db);
      const during = await db.seatHold.findMany({ where: { eventId: event.id } });
      expect(during.map((hold) => hold.id)).toEqual([attached.id]);
      await checkout.query("COMMIT");
    } finally {
      await checkout.end();
    }
    await sweepExpiredHolds(db);
    const left = await db.seatHold.findMany({ where: { eventId: event.id } });
    expect(left.map((hold) => hold.id)).toEqual([attached.id]);
  });
});
