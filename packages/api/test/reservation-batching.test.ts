// Holds and releases made at the same moment share one transaction (group commit). Sharing must
// not change what each caller gets: all or nothing per request, the per-order maximum, and one
// failing request does not take its batch-mates down.
import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@openticket/db/testing";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { type Caller, type Context, defaultSettings } from "../src/context.ts";
import { AppError } from "../src/errors.ts";
import { holdBatcher, holdSeats } from "../src/services/reservation/hold-seats.ts";
import { releaseBatcher, releaseSeats } from "../src/services/reservation/release-seats.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 10 });
const HOLD_MS = 10 * 60_000;

const hold = (
  db: Parameters<typeof holdSeats>[0],
  userId: string,
  eventId: string,
  seatIds: string[],
) => holdSeats(db, { eventId, seatIds }, asBuyer(userId));

/** The service caller for a buyer: the services below the router read only its id. */
function asBuyer(userId: string): Caller & Pick<Context, "settings"> {
  return {
    user: { id: userId, username: userId, role: "ATTENDEE", sessionVersion: 0 },
    now: () => new Date(),
    settings: { ...defaultSettings, holdDurationMs: HOLD_MS },
  };
}

function settle<T>(promises: Promise<T>[]) {
  return Promise.allSettled(promises).then((results) =>
    results.map((result) =>
      result.status === "fulfilled"
        ? "OK"
        : result.reason instanceof AppError
          ? result.reason.code
          : String(result.reason),
    ),
  );
}

describe("batched holds", () => {
  it("holds of 30 buyers made at once share one transaction, and each gets its seat", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db, { rows: 3, seatsPerRow: 10 });
    const buyers = await makeBuyers(db, 30);
    const before = { ...holdBatcher(db).stats };
    const outcomes = await settle(
      buyers.map((buyer, i) => hold(db, buyer.id, event.id, [seatIds[i] ?? ""])),
    );
    expect(outcomes).toEqual(buyers.map(() => "OK"));
    expect(holdBatcher(db).stats.batches - before.batches).toBe(1);
    const holders = await db.seatHold.findMany({ where: { eventId: event.id } });
    expect(new Set(holders.map((h) => h.userId)).size).toBe(30);
  });

  it("gives a request that lost one seat nothing, and its batch-mates their seats", async () => {
    const { db, url } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [bob, carol, dave] = await makeBuyers(db, 3);
    if (!bob || !carol || !dave) throw new Error("buyers");
    const [seat0, seat1, seat5] = [seatIds[0] ?? "", seatIds[1] ?? "", seatIds[5] ?? ""];
    // Another app instance is holding seat 1 for dave, not committed yet: the batch's check
    // sees the seat free, and its upsert has to wait for that transaction.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(
        `INSERT INTO seat_holds (id, event_seat_id, event_id, user_id, price, expires_at, created_at)
         VALUES (gen_random_uuid(), $1, $2, $3, 1000, now() + interval '10 minutes', now())`,
        [seat1, event.id, dave.id],
      );
      const bobs = hold(db, bob.id, event.id, [seat0, seat1]);
      const carols = hold(db, carol.id, event.id, [seat5]);
      await waitForLockWait(other);
      await other.query("COMMIT");

      const [bobResult, carolResult] = await Promise.allSettled([bobs, carols]);
      expect(carolResult.status).toBe("fulfilled");
      expect(bobResult.status).toBe("rejected");
      const error = (bobResult as PromiseRejectedResult).reason as AppError;
      expect(error.code).toBe("CONFLICT");
      expect(error.details).toEqual({ unavailableSeatIds: [seat1] });
    } finally {
      await other.end();
    }
    const holds = await db.seatHold.findMany({ where: { eventId: event.id } });
    expect(holds.map((h) => [h.eventSeatId, h.userId]).sort()).toEqual(
      [
        [seat1, dave.id],
        [seat5, carol.id],
      ].sort(),
    );
  });

  it("fails only the request that breaks, not the others of its batch", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    // A buyer that does not exist (e.g. deleted meanwhile): its hold breaks a foreign key.
    const outcomes = await settle([
      hold(db, randomUUID(), event.id, [seatIds[0] ?? ""]),
      hold(db, alice.id, event.id, [seatIds[1] ?? ""]),
      hold(db, bob.id, event.id, [seatIds[2] ?? ""]),
    ]);
    expect(outcomes[0]).not.toBe("OK");
    expect(outcomes.slice(1)).toEqual(["OK", "OK"]);
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("keeps one buyer's simultaneous holds within the per-order maximum", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db, { event: { maxSeatsPerOrder: 3 } });
    const [alice] = await makeBuyers(db, 1);
    if (!alice) throw new Error("buyer");
    const outcomes = await settle([
      hold(db, alice.id, event.id, seatIds.slice(0, 2)),
      hold(db, alice.id, event.id, seatIds.slice(2, 4)),
      hold(db, alice.id, event.id, seatIds.slice(4, 6)),
    ]);
    expect(outcomes).toEqual(["OK", "BAD_REQUEST", "BAD_REQUEST"]);
    expect(await db.seatHold.count({ where: { userId: alice.id } })).toBe(2);
  });

  it("lets the first of two buyers asking for the same seat at once have it", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    const outcomes = await settle([
      hold(db, alice.id, event.id, seatIds.slice(0, 2)),
      hold(db, bob.id, event.id, seatIds.slice(1, 3)),
    ]);
    expect(outcomes).toEqual(["OK", "CONFLICT"]);
  });
});

describe("batched releases", () => {
  it("releases of one buyer made at once each free their seats, none twice", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    await hold(db, alice.id, event.id, seatIds.slice(0, 4));
    await hold(db, bob.id, event.id, seatIds.slice(4, 6));
    const before = { ...releaseBatcher(db).stats };
    const [one, all, bobs] = await Promise.all([
      releaseSeats(db, { eventId: event.id, seatIds: [seatIds[0] ?? ""] }, asBuyer(alice.id)),
      releaseSeats(db, { eventId: event.id }, asBuyer(alice.id)),
      releaseSeats(db, { eventId: event.id }, asBuyer(bob.id)),
    ]);
    expect(one.releasedSeatIds).toEqual([seatIds[0]]);
    expect(all.releasedSeatIds.sort()).toEqual(seatIds.slice(1, 4).sort());
    expect(bobs.releasedSeatIds.sort()).toEqual(seatIds.slice(4, 6).sort());
    // Alice's second release waited for the next batch; bob's shared the first.
    expect(releaseBatcher(db).stats.batches - before.batches).toBe(2);
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(0);
  });
});

/** Waits until some other session is waiting for a lock held by `holder`'s transaction. */
async function waitForLockWait(holder: pg.Client) {
  const { rows } = await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const pid = rows[0]?.pid;
  for (let i = 0; i < 200; i++) {
    const waiting = await holder.query(
      "SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))",
      [pid],
    );
    if (waiting.rowCount) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("Nobody waited for the lock.");
}
