// The live seat feed survives the database going away: it reconnects for as long as it takes
// (an outage longer than one retry, its connection killed again and again), asks subscribers to
// resync, and delivers the changes made afterwards.
import { runGuarded } from "@openticket/db";
import { useTestDatabase } from "@openticket/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import {
  SEAT_FEED_APPLICATION_NAME,
  type SeatChangeBatch,
  SeatChangeFeed,
} from "../src/services/seat-changes/feed.ts";
import { publishSeatChanges } from "../src/services/seat-changes/publish.ts";
import { eventOnSale } from "./helpers/sale.ts";
import { startTcpProxy } from "./helpers/tcp-proxy.ts";

const database = useTestDatabase();
const feeds: SeatChangeFeed[] = [];
afterAll(async () => {
  await Promise.all(feeds.map((feed) => feed.close()));
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads batches with a deadline, without losing the one a timed-out read was waiting for. */
function reader(batches: AsyncGenerator<SeatChangeBatch>) {
  let pending: Promise<IteratorResult<SeatChangeBatch>> | null = null;
  return async (ms = 20_000): Promise<SeatChangeBatch | null> => {
    pending ??= batches.next();
    const result = await Promise.race([pending, pause(ms).then(() => null)]);
    if (!result) return null;
    pending = null;
    return result.done ? null : result.value;
  };
}

describe("SeatChangeFeed reconnection", () => {
  it("comes back after an outage and after its connection is killed repeatedly", async () => {
    const { db, url } = database();
    const { event, seatIds } = await eventOnSale(db, { rows: 1, seatsPerRow: 5 });
    const proxy = await startTcpProxy(url);
    const feed = new SeatChangeFeed(proxy.url, { maxBackoffMs: 1_000 });
    feeds.push(feed);
    const controller = new AbortController();
    const next = reader(feed.subscribe(event.id, controller.signal));
    const sell = (seatId: string) =>
      runGuarded(db, (tx) => publishSeatChanges(tx, event.id, [{ seatId, status: "SOLD" }]));
    /** Announces a change until it arrives (one sent while reconnecting is lost, by design). */
    const resyncThenChange = async (seatId: string) => {
      const seen: string[] = [];
      for (let tries = 0; tries < 20; tries++) {
        const batch = await next(1_000);
        if (batch?.resync) seen.push("resync");
        if (batch?.changes.some((change) => change.seatId === seatId)) {
          seen.push("change");
          return seen;
        }
        if (seen.includes("resync") && !batch) await sell(seatId);
      }
      return seen;
    };

    expect(await next()).toEqual({ resync: true, changes: [] });
    await sell(seatIds[0] ?? "");
    expect((await next())?.changes).toEqual([{ seatId: seatIds[0], status: "SOLD" }]);

    // The database is unreachable for 2.5 s: several reconnection attempts fail.
    await proxy.cut();
    await pause(2_500);
    await proxy.restore();
    expect(await resyncThenChange(seatIds[1] ?? "")).toEqual(["resync", "change"]);

    // The LISTEN connection is terminated three times in a row, each as soon as it is back.
    let last: number | null = null;
    for (let kill = 0; kill < 3; kill++) {
      let pid: number | null = null;
      for (let wait = 0; wait < 200 && (pid === null || pid === last); wait++) {
        const rows = await db.$queryRaw<{ pid: number }[]>`
          SELECT pid FROM pg_stat_activity
          WHERE application_name = ${SEAT_FEED_APPLICATION_NAME}
            AND datname = current_database()`;
        pid = rows[0]?.pid ?? null;
        if (pid === null || pid === last) await pause(50);
      }
      expect(pid).not.toBeNull();
      await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
      last = pid;
    }
    const seen = await resyncThenChange(seatIds[2] ?? "");
    expect(seen.at(-1)).toBe("change");
    expect(seen).toContain("resync");
    controller.abort();
    await proxy.cut();
  });

  it("notices a connection that went silent (half-open) and comes back", async () => {
    const { db, url } = database();
    const { event, seatIds } = await eventOnSale(db, { rows: 1, seatsPerRow: 5 });
    const proxy = await startTcpProxy(url);
    const feed = new SeatChangeFeed(proxy.url, { heartbeatMs: 500, maxBackoffMs: 1_000 });
    feeds.push(feed);
    const controller = new AbortController();
    const next = reader(feed.subscribe(event.id, controller.signal));
    const sell = (seatId: string) =>
      runGuarded(db, (tx) => publishSeatChanges(tx, event.id, [{ seatId, status: "SOLD" }]));
    expect(await next()).toEqual({ resync: true, changes: [] });

    // No error, no end: the connection just stops carrying anything.
    proxy.freeze();
    await sell(seatIds[0] ?? "");
    const seen: string[] = [];
    for (let tries = 0; tries < 20 && !seen.includes("change"); tries++) {
      const batch = await next(1_000);
      if (batch?.resync) seen.push("resync");
      if (batch?.changes.some((change) => change.seatId === seatIds[1])) seen.push("change");
      if (seen.includes("resync") && !batch) await sell(seatIds[1] ?? "");
    }
    expect(seen).toEqual(["resync", "change"]);
    controller.abort();
    await proxy.cut();
  });
});
