// What a paid checkout leaves besides its tickets: the sale announced to every seat map (SOLD,
// delivered on commit) and the "order.pay" audit record. Settlement writes these in the same
// statement as the tickets (settle-checkout.ts), so they are checked here where nothing else
// would notice them missing.
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { type SeatChangeBatch, SeatChangeFeed } from "../src/services/seat-changes/feed.ts";
import { callerFor } from "./helpers/callers.ts";
import { checkoutAndPay, eventOnSale } from "./helpers/sale.ts";

const database = useTestDatabase();
const feeds: SeatChangeFeed[] = [];
afterAll(async () => {
  await Promise.all(feeds.map((feed) => feed.close()));
});

describe("a paid checkout", () => {
  it("announces its seats SOLD and records order.pay", async () => {
    const { db, url } = database();
    const { event, seatIds } = await eventOnSale(db, { rows: 1, seatsPerRow: 4, price: 700 });
    const buyer = await makeUser(db);
    const feed = new SeatChangeFeed(url);
    feeds.push(feed);
    const controller = new AbortController();
    const batches = feed.subscribe(event.id, controller.signal);
    expect((await batches.next()).value?.resync).toBe(true);

    const api = callerFor(db, buyer);
    const wanted = seatIds.slice(0, 3);
    await api.reservation.hold({ eventId: event.id, seatIds: wanted });
    const order = await checkoutAndPay(api, event.id, "announce-1");
    expect(order.status).toBe("PAID");

    const sold: string[] = [];
    while (sold.length < wanted.length) {
      const batch = (await batches.next()).value as SeatChangeBatch;
      for (const change of batch.changes) if (change.status === "SOLD") sold.push(change.seatId);
    }
    controller.abort();
    expect(sold.sort()).toEqual([...wanted].sort());

    const audit = await db.auditLog.findMany({ where: { entityId: order.id } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: "order.pay",
        actorId: null,
        entityType: "order",
        before: { status: "PENDING" },
        after: { status: "PAID", charged: 2100, tickets: 3 },
      }),
    ]);
  });
});
