// event.seatStatus / event.onSeatStatus: one shared board per process per event, kept current
// from the real seat-change feed. Checked against event.seatMap (the per-seat truth) after
// concurrent holds, releases and sales, on two "processes" (two feeds); deltas apply in order,
// a version the process does not know gets a snapshot, and concurrent requests share one read;
// an unknown event, or a draft to anyone but its organizer, streams nothing (NOT_FOUND).
import { randomUUID } from "node:crypto";
import { createDb } from "@openticket/db";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context.ts";
import { createCaller } from "../src/root.ts";
import {
  applySeatStatusMessage,
  decodeSeatLayout,
  decodeSeatStatus,
  SEAT_CODE_NAMES,
  type SeatStatus,
  type SeatStatusMessage,
} from "../src/seat-map.ts";
import { SeatChangeFeed } from "../src/services/seat-changes/feed.ts";
import { getSeatLayout } from "../src/services/seat-map/layout.ts";
import { seatStatusStats } from "../src/services/seat-map/status-board.ts";
import { callerFor } from "./helpers/callers.ts";
import { organizerEvent } from "./helpers/organizer.ts";
import { codeOf } from "./helpers/refusals.ts";
import { checkoutAndPay, eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 30 });
const feeds: SeatChangeFeed[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(feeds.map((feed) => feed.close()));
  await Promise.all(closers.map((close) => close()));
});

function newFeed(url: string) {
  const feed = new SeatChangeFeed(url);
  feeds.push(feed);
  return feed;
}

type Api = ReturnType<typeof callerFor>;

/** seatMap's statuses by position, and the status board's, decoded, as one viewer sees them. */
async function bothViews(api: Api, eventId: string, db: Parameters<typeof getSeatLayout>[0]) {
  const [map, wire, layout] = await Promise.all([
    api.event.seatMap({ eventId }),
    api.event.seatStatus({ eventId }),
    getSeatLayout(db, eventId, { user: null, now: () => new Date() }),
  ]);
  const byId = new Map(map.seats.map((seat) => [seat.id, seat.status]));
  const expected = layout.eventSeatIds.map((id) => byId.get(id));
  const status = decodeSeatStatus(wire, layout.eventSeatIds.length);
  const actual = [...status.statuses].map((code) => SEAT_CODE_NAMES[code]);
  return { expected, actual, wire };
}

describe("the shared seat status", () => {
  it("equals seatMap after concurrent holds, releases and sales, on two processes", async () => {
    const { db, url } = database();
    // The second "process": its own database client and its own feed.
    const otherDb = createDb(url);
    closers.push(() => otherDb.$disconnect());
    const [feedA, feedB] = [newFeed(url), newFeed(url)];
    const { event, seatIds } = await eventOnSale(db, {
      rows: 4,
      seatsPerRow: 10,
      event: { maxSeatsPerOrder: 10 },
    });
    const buyers = await makeBuyers(db, 8);
    const viewer = buyers[0];
    if (!viewer) throw new Error("buyers");
    const viewA = callerFor(db, viewer, { seatChanges: feedA });
    const viewB = callerFor(otherDb, viewer, { seatChanges: feedB });
    // Boards exist (and listen) before the rush.
    await Promise.all([
      viewA.event.seatStatus({ eventId: event.id }),
      viewB.event.seatStatus({ eventId: event.id }),
    ]);

    await Promise.all(
      buyers.map(async (buyer, index) => {
        const api = callerFor(index % 2 ? otherDb : db, buyer);
        const mine = seatIds.slice(index * 5, index * 5 + 5);
        await api.reservation.hold({ eventId: event.id, seatIds: mine });
        if (index % 3 === 0) {
          await api.reservation.release({ eventId: event.id, seatIds: mine.slice(0, 2) });
        }
        if (index % 3 === 1) await checkoutAndPay(api, event.id, `status-${index}`);
      }),
    );
    // A contested seat: many try, one wins.
    await Promise.allSettled(
      buyers.map((buyer) =>
        callerFor(db, buyer).reservation.hold({
          eventId: event.id,
          seatIds: [seatIds[45] as string],
        }),
      ),
    );

    for (const view of [viewA, viewB]) {
      await expect
        .poll(
          async () => {
            const { expected, actual } = await bothViews(view, event.id, db);
            return JSON.stringify(actual) === JSON.stringify(expected);
          },
          { timeout: 10_000, interval: 100 },
        )
        .toBe(true);
    }
    const { actual } = await bothViews(viewA, event.id, db);
    expect(actual.filter((status) => status === "SOLD").length).toBeGreaterThan(0);
    expect(actual.filter((status) => status === "MINE").length).toBeGreaterThan(0);
    expect(actual.filter((status) => status === "HELD").length).toBeGreaterThan(0);
  });

  it("streams deltas that apply in order; an unknown, garbage or future version gets a snapshot", async () => {
    const { db, url } = database();
    const feed = newFeed(url);
    const { event, seatIds } = await eventOnSale(db, { rows: 2, seatsPerRow: 5 });
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    const aliceApi = callerFor(db, alice, { seatChanges: feed });
    const layout = decodeSeatLayout(await aliceApi.event.seatLayout({ eventId: event.id }));
    const n = layout.seatCount;

    const controller = new AbortController();
    /** Alice's api, whose subscriptions end when `signal` aborts. */
    const aliceUntil = (signal: AbortSignal) =>
      createCaller(createContext({ db, user: alice, seatChanges: feed }), { signal });
    const stream = await aliceUntil(controller.signal).event.onSeatStatus({ eventId: event.id });
    const messages = stream[Symbol.asyncIterator]() as AsyncIterator<SeatStatusMessage>;
    const first = (await messages.next()).value as SeatStatusMessage;
    expect("snapshot" in first).toBe(true);
    let status = applySeatStatusMessage(null, first, n) as SeatStatus;

    await aliceApi.reservation.hold({ eventId: event.id, seatIds: seatIds.slice(0, 2) });
    await callerFor(db, bob).reservation.hold({
      eventId: event.id,
      seatIds: [seatIds[2] as string],
    });
    await aliceApi.reservation.release({ eventId: event.id, seatIds: [seatIds[1] as string] });
    const deltas: SeatStatusMessage[] = [];
    while (deltas.length < 3) {
      const next = (await messages.next()).value as SeatStatusMessage;
      expect("changes" in next).toBe(true);
      deltas.push(next);
    }
    for (const delta of deltas) status = applySeatStatusMessage(status, delta, n) as SeatStatus;
    const fresh = decodeSeatStatus(await aliceApi.event.seatStatus({ eventId: event.id }), n);
    expect(status.version).toBe(fresh.version);
    expect([...status.statuses]).toEqual([...fresh.statuses]);
    expect(status.mine.positions).toHaveLength(1);
    expect(SEAT_CODE_NAMES[status.statuses[status.mine.positions[0] as number] as number]).toBe(
      "MINE",
    );
    // A delta skipped: the next one does not apply, and the client must resubscribe.
    const skipped = applySeatStatusMessage(
      applySeatStatusMessage(null, first, n),
      deltas[1] as SeatStatusMessage,
      n,
    );
    expect(skipped).toBeNull();
    controller.abort();

    /** The first message of a subscription from `since`, or null when none comes at once. */
    const firstFrom = async (since: string) => {
      const abort = new AbortController();
      const from = await aliceUntil(abort.signal).event.onSeatStatus({ eventId: event.id, since });
      const iterator = from[Symbol.asyncIterator]() as AsyncIterator<SeatStatusMessage>;
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 300));
      const message = await Promise.race([iterator.next().then((result) => result.value), timeout]);
      abort.abort();
      return message as SeatStatusMessage | null;
    };
    // From a version a few back: exactly the missed deltas, in order.
    const catchUp = await firstFrom((deltas[0] as SeatStatusMessage).version);
    expect(catchUp).toEqual(deltas[1]);
    // From the current version: nothing to send.
    expect(await firstFrom(fresh.version)).toBeNull();
    const [line, seq] = fresh.version.split(".");
    for (const since of [
      "garbage",
      `${line}.${Number(seq) + 5}`,
      `other.${seq}`,
      "",
      `${line}.-1`,
    ]) {
      const message = await firstFrom(since);
      expect(message && "snapshot" in message, since).toBe(true);
    }
  });

  it("reads the snapshot once for 200 concurrent requests, with and without a feed", async () => {
    const { db, url } = database();
    const feed = newFeed(url);
    for (const seatChanges of [feed, null]) {
      const { event } = await eventOnSale(db, { rows: 10, seatsPerRow: 20 });
      const before = seatStatusStats.snapshots;
      const answers = await Promise.all(
        Array.from({ length: 200 }, () =>
          callerFor(db, null, { seatChanges }).event.seatStatus({ eventId: event.id }),
        ),
      );
      expect(seatStatusStats.snapshots - before).toBe(1);
      expect(new Set(answers.map((answer) => answer.version)).size).toBe(1);
    }
  });

  it("streams nothing for an unknown event or, to a buyer, a draft: NOT_FOUND", async () => {
    const { db, url } = database();
    const feed = newFeed(url);
    const draft = await organizerEvent(db, { draft: true });
    const buyer = await makeUser(db);
    const firstMessage = async (user: Parameters<typeof callerFor>[1], eventId: string) => {
      const controller = new AbortController();
      try {
        const api = createCaller(createContext({ db, user, seatChanges: feed }), {
          signal: controller.signal,
        });
        const stream = await api.event.onSeatStatus({ eventId });
        await stream[Symbol.asyncIterator]().next();
      } finally {
        controller.abort();
      }
    };
    expect({
      unknown: await codeOf(firstMessage(buyer, randomUUID())),
      draftBuyer: await codeOf(firstMessage(buyer, draft.event.id)),
      draftAnonymous: await codeOf(firstMessage(null, draft.event.id)),
      draftOrganizer: await codeOf(firstMessage(draft.organizer, draft.event.id)),
    }).toEqual({
      unknown: "NOT_FOUND",
      draftBuyer: "NOT_FOUND",
      draftAnonymous: "NOT_FOUND",
      draftOrganizer: "OK",
    });
  });
});
