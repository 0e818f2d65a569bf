// Hold limits the database enforces, whichever app instance a request reaches: the per-order
// maximum, the per-buyer cap across events, the hold window that releasing does not restart,
// and no hold on a cancelled event. "Two instances" are two Prisma clients with their own
// pools, and so their own batchers, on one database — as two app servers would be.
import { createDb, type Db } from "@openticket/db";
import { useTestDatabase } from "@openticket/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, type Context, defaultSettings } from "../src/context.ts";
import { AppError } from "../src/errors.ts";
import { holdSeats } from "../src/services/reservation/hold-seats.ts";
import { releaseSeats } from "../src/services/reservation/release-seats.ts";
import { sweepExpiredHolds } from "../src/services/reservation/sweep-expired-holds.ts";
import { callerFor } from "./helpers/callers.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 10 });
const HOLD_MS = 10 * 60_000;
const TRIALS = 10;

let instanceA: Db;
let instanceB: Db;
beforeAll(() => {
  instanceA = createDb(database().url, { maxConnections: 5 });
  instanceB = createDb(database().url, { maxConnections: 5 });
});
afterAll(async () => {
  await Promise.all([instanceA.$disconnect(), instanceB.$disconnect()]);
});

function asBuyer(
  userId: string,
  options: { now?: Date; maxHeldSeatsPerUser?: number } = {},
): Caller & Pick<Context, "settings"> {
  return {
    user: { id: userId, username: userId, role: "ATTENDEE", sessionVersion: 0 },
    now: () => options.now ?? new Date(),
    settings: {
      ...defaultSettings,
      holdDurationMs: HOLD_MS,
      maxHeldSeatsPerUser: options.maxHeldSeatsPerUser ?? defaultSettings.maxHeldSeatsPerUser,
    },
  };
}

function codeOf(promise: Promise<unknown>) {
  return promise.then(
    () => "OK",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );
}

describe("two app instances on one database", () => {
  it("never let one buyer hold more than the per-order maximum (0 of 10 trials over)", async () => {
    const { db } = database();
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    let over = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const { event, seatIds } = await eventOnSale(db, { event: { maxSeatsPerOrder: 3 } });
      // The same buyer, two tabs, two servers: 3 seats each, at the same moment.
      const outcomes = await Promise.all([
        codeOf(
          holdSeats(
            instanceA,
            { eventId: event.id, seatIds: seatIds.slice(0, 3) },
            asBuyer(buyer.id),
          ),
        ),
        codeOf(
          holdSeats(
            instanceB,
            { eventId: event.id, seatIds: seatIds.slice(3, 6) },
            asBuyer(buyer.id),
          ),
        ),
      ]);
      const held = await db.seatHold.count({ where: { eventId: event.id, userId: buyer.id } });
      if (held > 3) over++;
      expect(outcomes.sort()).toEqual(["BAD_REQUEST", "OK"]);
      expect(held).toBe(3);
      await releaseSeats(db, { eventId: event.id }, asBuyer(buyer.id));
    }
    expect(over).toBe(0);
  });

  it("never let one buyer hold more than the cap across events (0 of 10 trials over)", async () => {
    const { db } = database();
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const cap = { maxHeldSeatsPerUser: 4 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const first = await eventOnSale(db);
      const second = await eventOnSale(db);
      const outcomes = await Promise.all([
        codeOf(
          holdSeats(
            instanceA,
            { eventId: first.event.id, seatIds: first.seatIds.slice(0, 3) },
            asBuyer(buyer.id, cap),
          ),
        ),
        codeOf(
          holdSeats(
            instanceB,
            { eventId: second.event.id, seatIds: second.seatIds.slice(0, 3) },
            asBuyer(buyer.id, cap),
          ),
        ),
      ]);
      expect(outcomes.sort()).toEqual(["BAD_REQUEST", "OK"]);
      expect(await db.seatHold.count({ where: { userId: buyer.id } })).toBe(3);
      await releaseSeats(db, { eventId: first.event.id }, asBuyer(buyer.id));
      await releaseSeats(db, { eventId: second.event.id }, asBuyer(buyer.id));
    }
  });

  it("give a hot seat wanted by 40 buyers through both instances to exactly one", async () => {
    const { db } = database();
    const buyers = await makeBuyers(db, 40);
    for (let trial = 0; trial < 3; trial++) {
      const { event, seatIds } = await eventOnSale(db);
      const hot = seatIds[0] ?? "";
      const outcomes = await Promise.all(
        buyers.map((buyer, i) =>
          codeOf(
            holdSeats(
              i % 2 ? instanceA : instanceB,
              { eventId: event.id, seatIds: [hot] },
              asBuyer(buyer.id),
            ),
          ),
        ),
      );
      expect(outcomes.filter((outcome) => outcome === "OK")).toHaveLength(1);
      expect(
        outcomes.filter((outcome) => outcome !== "OK").every((code) => code === "CONFLICT"),
      ).toBe(true);
      expect(await db.seatHold.count({ where: { eventSeatId: hot } })).toBe(1);
    }
  });
});

describe("anti-hoarding", () => {
  it("refuses a buyer's seats beyond the cap across events, with the cap in the details", async () => {
    const { db } = database();
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const events = await Promise.all([eventOnSale(db), eventOnSale(db), eventOnSale(db)]);
    const cap = { maxHeldSeatsPerUser: 5 };
    for (const { event, seatIds } of events.slice(0, 2)) {
      await holdSeats(
        db,
        { eventId: event.id, seatIds: seatIds.slice(0, 2) },
        asBuyer(buyer.id, cap),
      );
    }
    const third = events[2];
    if (!third) throw new Error("event");
    const error = await holdSeats(
      db,
      { eventId: third.event.id, seatIds: third.seatIds.slice(0, 2) },
      asBuyer(buyer.id, cap),
    ).catch((error: unknown) => error);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", details: { maxHeldSeats: 5 } });
    expect(await db.seatHold.count({ where: { eventId: third.event.id } })).toBe(0);
    // One more seat fits.
    await holdSeats(
      db,
      { eventId: third.event.id, seatIds: third.seatIds.slice(0, 1) },
      asBuyer(buyer.id, cap),
    );
  });

  it("does not restart the countdown when seats are released and held again", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const start = new Date();
    const seats = { eventId: event.id, seatIds: seatIds.slice(0, 2) };
    const first = await holdSeats(db, seats, asBuyer(buyer.id, { now: start }));
    expect(first.expiresAt.getTime()).toBe(start.getTime() + HOLD_MS);

    const later = new Date(start.getTime() + 9 * 60_000);
    await releaseSeats(db, { eventId: event.id }, asBuyer(buyer.id, { now: later }));
    const again = await holdSeats(db, seats, asBuyer(buyer.id, { now: later }));
    expect(again.expiresAt.getTime()).toBe(start.getTime() + HOLD_MS);
    const rows = await db.seatHold.findMany({ where: { eventId: event.id } });
    expect(rows.map((row) => row.expiresAt.getTime())).toEqual([
      start.getTime() + HOLD_MS,
      start.getTime() + HOLD_MS,
    ]);

    // Once that window has ended (the seats were free for anyone meanwhile), a new one opens.
    const afterWindow = new Date(start.getTime() + HOLD_MS + 1);
    const next = await holdSeats(db, seats, asBuyer(buyer.id, { now: afterWindow }));
    expect(next.expiresAt.getTime()).toBe(afterWindow.getTime() + HOLD_MS);
  });

  it("forgets a hold window once it has ended and holds nothing (the sweeper)", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [keeps, leaves] = await makeBuyers(db, 2);
    if (!keeps || !leaves) throw new Error("buyers");
    const start = new Date();
    await holdSeats(db, { eventId: event.id, seatIds: seatIds.slice(0, 1) }, asBuyer(keeps.id));
    await holdSeats(db, { eventId: event.id, seatIds: seatIds.slice(1, 2) }, asBuyer(leaves.id));
    await releaseSeats(db, { eventId: event.id, seatIds: seatIds.slice(1, 2) }, asBuyer(leaves.id));
    const windows = () =>
      db.$queryRaw<{ user_id: string }[]>`
        SELECT user_id::text FROM hold_carts WHERE event_id = ${event.id}::uuid ORDER BY 1`;
    // Released, but its window still runs: holding again must not restart it.
    await sweepExpiredHolds(db, { now: new Date(start.getTime() + HOLD_MS / 2) });
    expect((await windows()).length).toBe(2);
    // Both windows over: the expired hold is swept, and both empty windows go.
    await sweepExpiredHolds(db, { now: new Date(start.getTime() + HOLD_MS + 1_000) });
    expect(await windows()).toEqual([]);
  });

  it("lets a buyer whose holds expired choose as many new seats as the maximum allows", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db, { event: { maxSeatsPerOrder: 3 } });
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const start = new Date();
    await holdSeats(
      db,
      { eventId: event.id, seatIds: seatIds.slice(0, 3) },
      asBuyer(buyer.id, { now: start }),
    );
    const later = new Date(start.getTime() + HOLD_MS + 60_000);
    await holdSeats(
      db,
      { eventId: event.id, seatIds: seatIds.slice(3, 6) },
      asBuyer(buyer.id, { now: later }),
    );
    const held = await db.seatHold.findMany({
      where: { eventId: event.id },
      select: { eventSeatId: true },
    });
    expect(held.map((hold) => hold.eventSeatId).sort()).toEqual(seatIds.slice(3, 6).sort());
    expect(
      await db.holdCart.findUnique({
        where: { userId_eventId: { userId: buyer.id, eventId: event.id } },
      }),
    ).toMatchObject({ seats: 3 });
  });
});

describe("event cancel racing a hold", () => {
  it("leaves no held seat on the cancelled event when the hold commits after the cancel", async () => {
    const { db, url } = database();
    const { organizer, event, seatIds } = await eventOnSale(db);
    const [bob, dave] = await makeBuyers(db, 2);
    if (!bob || !dave) throw new Error("buyers");
    const [seat0, seat1] = [seatIds[0] ?? "", seatIds[1] ?? ""];
    // Another transaction holds seat 1 for dave, uncommitted: bob's hold batch has read the
    // event as on sale and waits on that row inside its transaction.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(
        `INSERT INTO seat_holds (id, event_seat_id, event_id, user_id, price, expires_at, created_at)
         VALUES (gen_random_uuid(), $1, $2, $3, 1000, now() + interval '10 minutes', now())`,
        [seat1, event.id, dave.id],
      );
      const bobs = codeOf(
        holdSeats(db, { eventId: event.id, seatIds: [seat0, seat1] }, asBuyer(bob.id)),
      );
      await waitForLockWait(other);
      // Meanwhile the organizer cancels the event, all the way through.
      await callerFor(db, organizer).organizer.events.cancel({ eventId: event.id });
      await other.query("ROLLBACK"); // dave gives up: bob's upsert goes on
      expect(await bobs).toBe("CONFLICT");
    } finally {
      await other.end();
    }
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      status: "CANCELLED",
    });
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(0);
  });
});

/** Waits until some other session is blocked on a lock that `client`'s transaction holds. */
async function waitForLockWait(client: pg.Client) {
  for (let i = 0; i < 500; i++) {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
       WHERE wait_event_type = 'Lock' AND pg_backend_pid() = ANY(pg_blocking_pids(pid))`,
    );
    if ((rows[0]?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("Nobody waited on the lock.");
}
