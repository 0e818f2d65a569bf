import { useTestDatabase } from "@openticket/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { decodeSeatLayout } from "../src/seat-map.ts";
import { callerFor } from "./helpers/callers.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

// Many connections, so that concurrent requests really run at once in the database.
const database = useTestDatabase({ maxConnections: 40 });

async function codeOf(promise: Promise<unknown>) {
  return promise.then(
    () => "OK",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
}

describe("reservation.hold", () => {
  it("holds seats for the caller, shows them MINE to the caller and HELD to others", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    const now = new Date();
    const held = await callerFor(db, alice, { now: () => now }).reservation.hold({
      eventId: event.id,
      seatIds: seatIds.slice(0, 2),
    });
    expect(held.expiresAt.getTime()).toBe(now.getTime() + 10 * 60_000);

    const mine = await callerFor(db, alice).event.seatMap({ eventId: event.id });
    const theirs = await callerFor(db, bob).event.seatMap({ eventId: event.id });
    const anonymous = await callerFor(db, null).event.seatMap({ eventId: event.id });
    const statusOf = (map: typeof mine, id: string) =>
      map.seats.find((seat) => seat.id === id)?.status;
    expect(statusOf(mine, seatIds[0] ?? "")).toBe("MINE");
    expect(mine.myHoldExpiresAt).toEqual(held.expiresAt);
    expect(statusOf(theirs, seatIds[0] ?? "")).toBe("HELD");
    expect(statusOf(anonymous, seatIds[1] ?? "")).toBe("HELD");
    expect(statusOf(anonymous, seatIds[2] ?? "")).toBe("AVAILABLE");
    expect(mine.seats).toHaveLength(10);

    // Holding one's own seat again is fine; new seats join the same countdown.
    const later = new Date(now.getTime() + 60_000);
    const again = await callerFor(db, alice, { now: () => later }).reservation.hold({
      eventId: event.id,
      seatIds: seatIds.slice(1, 3),
    });
    expect(again.expiresAt).toEqual(held.expiresAt);
    const cart = await callerFor(db, alice, { now: () => later }).reservation.mine({
      eventId: event.id,
    });
    expect(cart.seats.map((seat) => seat.id)).toEqual(seatIds.slice(0, 3));
    expect(cart).toMatchObject({ total: 3000, expiresAt: held.expiresAt });
    // Where each seat is on the buyer's map, so a hold that runs out can be shown there.
    const layout = decodeSeatLayout(
      await callerFor(db, alice).event.seatLayout({ eventId: event.id }),
    );
    expect(cart.layoutVersion).toBe(layout.version);
    expect(cart.seats.map((seat) => layout.label[seat.position ?? -1])).toEqual(
      cart.seats.map((seat) => seat.label),
    );
    expect((await callerFor(db, bob).reservation.mine({ eventId: event.id })).seats).toEqual([]);

    expect(
      await codeOf(
        callerFor(db, bob).reservation.hold({ eventId: event.id, seatIds: seatIds.slice(2, 4) }),
      ),
    ).toBe("CONFLICT");
    // All or nothing: bob did not get seat 4 either.
    expect(await db.seatHold.count({ where: { userId: bob.id } })).toBe(0);
  });

  it("names the seats that are no longer available", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    await callerFor(db, alice).reservation.hold({ eventId: event.id, seatIds: [seatIds[0] ?? ""] });
    const error = await callerFor(db, bob)
      .reservation.hold({ eventId: event.id, seatIds: seatIds.slice(0, 3) })
      .catch((caught: unknown) => caught as TRPCError);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect((error as TRPCError).cause).toMatchObject({
      details: { unavailableSeatIds: [seatIds[0]] },
    });
  });

  it("treats an expired hold as free before the sweeper runs", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    const start = new Date();
    await callerFor(db, alice, { now: () => start }).reservation.hold({
      eventId: event.id,
      seatIds: [seatIds[0] ?? ""],
    });
    const after = new Date(start.getTime() + 10 * 60_000 + 1);
    const map = await callerFor(db, bob, { now: () => after }).event.seatMap({ eventId: event.id });
    expect(map.seats.find((seat) => seat.id === seatIds[0])?.status).toBe("AVAILABLE");
    await callerFor(db, bob, { now: () => after }).reservation.hold({
      eventId: event.id,
      seatIds: [seatIds[0] ?? ""],
    });
    expect(await db.seatHold.findMany({ where: { eventSeatId: seatIds[0] } })).toEqual([
      expect.objectContaining({ userId: bob.id }),
    ]);
  });

  it("refuses seats of another event, too many seats, and events not on sale", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db, { event: { maxSeatsPerOrder: 3 } });
    const other = await eventOnSale(db);
    const [alice] = await makeBuyers(db, 1);
    if (!alice) throw new Error("buyer");
    const api = callerFor(db, alice);
    expect(
      await codeOf(api.reservation.hold({ eventId: event.id, seatIds: [other.seatIds[0] ?? ""] })),
    ).toBe("BAD_REQUEST");
    await api.reservation.hold({ eventId: event.id, seatIds: seatIds.slice(0, 2) });
    // Counting the two already held: 2 + 2 > 3.
    expect(
      await codeOf(api.reservation.hold({ eventId: event.id, seatIds: seatIds.slice(2, 4) })),
    ).toBe("BAD_REQUEST");
    expect(await db.seatHold.count({ where: { userId: alice.id } })).toBe(2);

    const future = new Date(Date.now() + 86_400_000);
    const notYet = await eventOnSale(db, { event: { salesStartAt: future } });
    expect(
      await codeOf(
        api.reservation.hold({ eventId: notYet.event.id, seatIds: [notYet.seatIds[0] ?? ""] }),
      ),
    ).toBe("BAD_REQUEST");
    const cancelled = await eventOnSale(db, { event: { status: "CANCELLED" } });
    expect(
      await codeOf(
        api.reservation.hold({
          eventId: cancelled.event.id,
          seatIds: [cancelled.seatIds[0] ?? ""],
        }),
      ),
    ).toBe("BAD_REQUEST");
    const draft = await eventOnSale(db, { event: { status: "DRAFT" } });
    expect(
      await codeOf(
        api.reservation.hold({ eventId: draft.event.id, seatIds: [draft.seatIds[0] ?? ""] }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(db, null).reservation.hold({ eventId: event.id, seatIds }))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("releases some or all of the caller's holds, and nobody else's", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    await callerFor(db, alice).reservation.hold({
      eventId: event.id,
      seatIds: seatIds.slice(0, 3),
    });
    await callerFor(db, bob).reservation.hold({ eventId: event.id, seatIds: [seatIds[5] ?? ""] });

    const partial = await callerFor(db, alice).reservation.release({
      eventId: event.id,
      seatIds: [seatIds[0] ?? ""],
    });
    expect(partial.releasedSeatIds).toEqual([seatIds[0]]);
    const notMine = await callerFor(db, alice).reservation.release({
      eventId: event.id,
      seatIds: [seatIds[5] ?? ""],
    });
    expect(notMine.releasedSeatIds).toEqual([]);
    const rest = await callerFor(db, alice).reservation.release({ eventId: event.id });
    expect(rest.releasedSeatIds.sort()).toEqual(seatIds.slice(1, 3).sort());
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(1);
  });
});

describe("contention", () => {
  it("100 buyers racing for the same 10 seats: every seat ends with exactly one holder", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db, { event: { maxSeatsPerOrder: 10 } });
    const buyers = await makeBuyers(db, 100);
    // Each buyer wants a random 1–3 of the 10 seats, all at the same moment.
    const wants = buyers.map(() => {
      const count = 1 + Math.floor(Math.random() * 3);
      return [...seatIds].sort(() => Math.random() - 0.5).slice(0, count);
    });
    const results = await Promise.all(
      buyers.map((buyer, i) =>
        callerFor(db, buyer)
          .reservation.hold({ eventId: event.id, seatIds: wants[i] ?? [] })
          .then(
            () => ({ ok: true as const, buyer: buyer.id, seats: wants[i] ?? [] }),
            (error: unknown) => ({
              ok: false as const,
              buyer: buyer.id,
              code: (error as TRPCError).code,
            }),
          ),
      ),
    );
    const winners = results.filter((result) => result.ok);
    const losers = results.filter((result) => !result.ok);
    expect(winners.length).toBeGreaterThan(0);
    expect(new Set(losers.map((loser) => loser.code))).toEqual(new Set(["CONFLICT"]));

    // Winners' seats never overlap, and the database agrees seat by seat.
    const claimed = winners.flatMap((winner) => winner.seats);
    expect(new Set(claimed).size).toBe(claimed.length);
    const holds = await db.seatHold.findMany({ where: { eventId: event.id } });
    expect(holds).toHaveLength(claimed.length);
    for (const winner of winners) {
      for (const seat of winner.seats) {
        expect(holds.find((hold) => hold.eventSeatId === seat)?.userId).toBe(winner.buyer);
      }
    }
    // Losers hold nothing at all (all or nothing).
    const loserIds = new Set(losers.map((loser) => loser.buyer));
    expect(holds.filter((hold) => loserIds.has(hold.userId))).toEqual([]);
  });
});
