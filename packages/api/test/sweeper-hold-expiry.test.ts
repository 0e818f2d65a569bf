// A hold that runs out reaches every open seat map within 2 s of its end, though the sweep
// interval is long: the sweeper sleeps until the next expiry and new holds wake it.
import { useTestDatabase } from "@openticket/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import {
  type HoldExpirySweeper,
  startHoldExpirySweeper,
} from "../src/services/reservation/hold-expiry-sweeper.ts";
import { SeatChangeFeed } from "../src/services/seat-changes/feed.ts";
import { callerFor } from "./helpers/callers.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase();
const feeds: SeatChangeFeed[] = [];
const sweepers: HoldExpirySweeper[] = [];
afterAll(async () => {
  await Promise.all(sweepers.map((sweeper) => sweeper.stop()));
  await Promise.all(feeds.map((feed) => feed.close()));
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("hold expiry reaches open seat maps", () => {
  it("frees an expired seat on another viewer's map within 2 s of the hold's end", async () => {
    const { db, url } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    const feed = new SeatChangeFeed(url);
    feeds.push(feed);
    // The fixed sweep would come only after ten minutes.
    const errors: unknown[] = [];
    sweepers.push(
      startHoldExpirySweeper(db, {
        intervalMs: 10 * 60_000,
        feed,
        onError: (error) => errors.push(error),
      }),
    );

    const bobView = await callerFor(db, bob, { seatChanges: feed }).event.onSeatChange({
      eventId: event.id,
    });
    const bobBatches = bobView[Symbol.asyncIterator]();
    expect((await bobBatches.next()).value).toEqual({ resync: true, seats: [] });

    for (const [round, holdDurationMs] of [1_500, 3_000].entries()) {
      const seatId = seatIds[round] ?? "";
      await callerFor(db, alice, { settings: { holdDurationMs } }).reservation.hold({
        eventId: event.id,
        seatIds: [seatId],
      });
      const held = (await bobBatches.next()).value;
      // Bob sees Alice's seat held, and until when.
      expect(held).toEqual({
        resync: false,
        seats: [{ id: seatId, status: "HELD", expiresAt: expect.any(String) }],
      });
      const expiresAt = Date.parse(held?.seats[0]?.expiresAt ?? "");

      const freed = await Promise.race([
        bobBatches.next().then((next) => next.value),
        pause(10_000).then(() => "nothing within 10 s"),
      ]);
      const lateBy = Date.now() - expiresAt;
      expect(freed).toEqual({ resync: false, seats: [{ id: seatId, status: "AVAILABLE" }] });
      expect(lateBy).toBeLessThan(2_000);
      // Never before the hold's end (the database and this process share one machine's clock).
      expect(lateBy).toBeGreaterThanOrEqual(0);
    }
    expect(errors).toEqual([]);
    await bobBatches.return?.();
  });
});
