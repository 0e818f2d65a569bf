import { createDb, runSerializable } from "@openticket/db";
import { useTestDatabase } from "@openticket/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { sweepExpiredHolds } from "../src/services/reservation/sweep-expired-holds.ts";
import { SeatChangeFeed } from "../src/services/seat-changes/feed.ts";
import { publishSeatChanges } from "../src/services/seat-changes/publish.ts";
import { callerFor } from "./helpers/callers.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 20 });
const feeds: SeatChangeFeed[] = [];
afterAll(async () => {
  await Promise.all(feeds.map((feed) => feed.close()));
});

describe("sweepExpiredHolds", () => {
  it("deletes only expired holds, in batches, exactly once across concurrent sweeps", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db, {
      rows: 3,
      seatsPerRow: 10,
      event: { maxSeatsPerOrder: 10 },
    });
    const buyers = await makeBuyers(db, 6);
    const start = new Date();
    // Five buyers' holds will have expired; the sixth's will not.
    for (const [i, buyer] of buyers.entries()) {
      const holdStart = i < 5 ? start : new Date(start.getTime() + 5 * 60_000);
      await callerFor(db, buyer, { now: () => holdStart }).reservation.hold({
        eventId: event.id,
        seatIds: seatIds.slice(i * 5, i * 5 + 5),
      });
    }
    const sweepTime = new Date(start.getTime() + 11 * 60_000);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => sweepExpiredHolds(db, { now: sweepTime, batchSize: 3 })),
    );
    expect(results.reduce((sum, result) => sum + result.swept, 0)).toBe(25);
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(5);
    expect(await sweepExpiredHolds(db, { now: sweepTime })).toEqual({ swept: 0 });
  });
});

describe("live seat updates", () => {
  it("delivers a hold made through another connection, MINE to its holder and HELD to others", async () => {
    const { db, url } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    const feed = new SeatChangeFeed(url);
    feeds.push(feed);
    const aliceView = await callerFor(db, alice, { seatChanges: feed }).event.onSeatChange({
      eventId: event.id,
    });
    const bobView = await callerFor(db, bob, { seatChanges: feed }).event.onSeatChange({
      eventId: event.id,
    });
    const aliceBatches = aliceView[Symbol.asyncIterator]();
    const bobBatches = bobView[Symbol.asyncIterator]();
    // First comes a resync: the subscription is live; fetch the map now.
    expect((await aliceBatches.next()).value).toEqual({ resync: true, seats: [] });
    expect((await bobBatches.next()).value).toEqual({ resync: true, seats: [] });

    // Another app instance: its own Prisma client and connections.
    const otherInstance = createDb(url, { maxConnections: 2 });
    try {
      await callerFor(otherInstance, alice).reservation.hold({
        eventId: event.id,
        seatIds: [seatIds[0] ?? ""],
      });
      const forAlice = (await aliceBatches.next()).value;
      const forBob = (await bobBatches.next()).value;
      expect(forAlice).toMatchObject({
        resync: false,
        seats: [{ id: seatIds[0], status: "MINE" }],
      });
      // Others learn when the hold ends too, so their map can free the seat by itself.
      expect(forBob).toEqual({
        resync: false,
        seats: [{ id: seatIds[0], status: "HELD", expiresAt: expect.any(String) }],
      });

      // The sweeper's releases reach subscribers too.
      await sweepExpiredHolds(otherInstance, { now: new Date(Date.now() + 11 * 60_000) });
      expect((await bobBatches.next()).value).toEqual({
        resync: false,
        seats: [{ id: seatIds[0], status: "AVAILABLE" }],
      });
    } finally {
      await aliceBatches.return?.();
      await bobBatches.return?.();
      await otherInstance.$disconnect();
    }
  });

  it("sends nothing for a change that was rolled back", async () => {
    const { db, url } = database();
    const { event, seatIds } = await eventOnSale(db);
    const feed = new SeatChangeFeed(url);
    feeds.push(feed);
    const controller = new AbortController();
    const batches = feed.subscribe(event.id, controller.signal);
    expect((await batches.next()).value).toEqual({ resync: true, changes: [] });

    const announce = (seatId: string, fail: boolean) =>
      runSerializable(db, async (tx) => {
        await publishSeatChanges(tx, event.id, [{ seatId, status: "SOLD" }]);
        if (fail) throw new Error("rolled back");
      });
    await expect(announce(seatIds[0] ?? "", true)).rejects.toThrow("rolled back");
    await announce(seatIds[1] ?? "", false);
    const next = await batches.next();
    expect(next.done ? [] : next.value.changes.map((change) => change.seatId)).toEqual([
      seatIds[1],
    ]);
    controller.abort();
  });
});
