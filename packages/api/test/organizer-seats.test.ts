// organizer.seats (R12): the seat map by state, and blocking: only AVAILABLE unheld seats,
// all or nothing, and a blocked seat is out of buyers' reach until unblocked.
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";
import { organizerEvent, sell } from "./helpers/organizer.ts";
import { codeOf, detailsOf, failure } from "./helpers/refusals.ts";

const database = useTestDatabase({ maxConnections: 20 });

describe("organizer.seats.map", () => {
  it("shows every seat's state, with the hold's expiry and the order, filterable", async () => {
    const { db } = database();
    const { api, venue, event, seatIds } = await organizerEvent(db);
    const annex = await api.venues.addSection({
      venueId: venue.id,
      name: "Annex",
      rows: { count: 1 },
      seatsPerRow: 2,
      origin: { x: 0, y: 100 },
    });
    // Published events keep their layout: the annex is not part of this event.
    const whole = await api.seats.map({ eventId: event.id });
    expect(whole.seats).toHaveLength(10);
    // Nor is it in the section filter.
    expect(whole.sections.map((section) => section.name)).toEqual(["Main"]);

    const [buyer, holder, lapsed] = await Promise.all([makeUser(db), makeUser(db), makeUser(db)]);
    if (!buyer || !holder || !lapsed) throw new Error("users");
    const order = await sell(db, {
      eventId: event.id,
      buyerId: buyer.id,
      eventSeatIds: seatIds.slice(0, 2),
    });
    const now = new Date();
    const held = await callerFor(db, holder, { now: () => now }).reservation.hold({
      eventId: event.id,
      seatIds: [seatIds[2] ?? ""],
    });
    // A hold that has run out counts as no hold, swept or not.
    await callerFor(db, lapsed, {
      now: () => new Date(now.getTime() - 11 * 60_000),
    }).reservation.hold({
      eventId: event.id,
      seatIds: [seatIds[3] ?? ""],
    });
    await api.seats.block({ eventId: event.id, seatIds: [seatIds[4] ?? ""] });

    const map = await api.seats.map({ eventId: event.id });
    expect(map.counts).toEqual({ AVAILABLE: 6, HELD: 1, SOLD: 2, BLOCKED: 1 });
    const byId = new Map(map.seats.map((seat) => [seat.id, seat]));
    expect(byId.get(seatIds[0] ?? "")).toMatchObject({
      state: "SOLD",
      orderId: order.id,
      expiresAt: null,
    });
    expect(byId.get(seatIds[2] ?? "")).toMatchObject({
      state: "HELD",
      expiresAt: held.expiresAt,
      orderId: null,
    });
    expect(byId.get(seatIds[3] ?? "")).toMatchObject({ state: "AVAILABLE", expiresAt: null });
    expect(byId.get(seatIds[4] ?? "")).toMatchObject({ state: "BLOCKED", label: "A-5" });
    expect(byId.get(seatIds[5] ?? "")).toMatchObject({ row: "B", number: 1, x: 0, y: 10 });

    const sold = await api.seats.map({ eventId: event.id, state: "SOLD" });
    expect(sold.seats.map((seat) => seat.id).sort()).toEqual(seatIds.slice(0, 2).sort());
    const main = map.sections.find((section) => section.name === "Main");
    expect((await api.seats.map({ eventId: event.id, section: main?.id })).seats).toHaveLength(10);
    const empty = await api.seats.map({ eventId: event.id, section: annex.section.id });
    expect(empty).toMatchObject({
      seats: [],
      counts: { AVAILABLE: 0, HELD: 0, SOLD: 0, BLOCKED: 0 },
    });
    expect(
      (await failure(api.seats.map({ eventId: event.id, state: "RESERVED" as "HELD" }))).code,
    ).toBe("BAD_REQUEST");
  });
});

describe("organizer.seats.block", () => {
  it("refuses sold and held seats, naming them, and blocks nothing of that request", async () => {
    const { db } = database();
    const { api, event, seatIds } = await organizerEvent(db);
    const [buyer, holder] = await Promise.all([makeUser(db), makeUser(db)]);
    if (!buyer || !holder) throw new Error("users");
    await sell(db, { eventId: event.id, buyerId: buyer.id, eventSeatIds: [seatIds[0] ?? ""] });
    await callerFor(db, holder).reservation.hold({
      eventId: event.id,
      seatIds: [seatIds[1] ?? ""],
    });

    const soldRefusal = await failure(
      api.seats.block({ eventId: event.id, seatIds: [seatIds[0] ?? "", seatIds[2] ?? ""] }),
    );
    expect(soldRefusal.code).toBe("CONFLICT");
    expect(detailsOf(soldRefusal)).toEqual({
      unavailableSeats: [{ id: seatIds[0], state: "SOLD" }],
    });
    const heldRefusal = await failure(
      api.seats.block({ eventId: event.id, seatIds: [seatIds[1] ?? ""] }),
    );
    expect(heldRefusal.code).toBe("CONFLICT");
    expect(detailsOf(heldRefusal)).toEqual({
      unavailableSeats: [{ id: seatIds[1], state: "HELD" }],
    });
    expect(await db.eventSeat.count({ where: { eventId: event.id, status: "BLOCKED" } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: event.id, action: "seat.block" } })).toBe(
      0,
    );

    const other = await organizerEvent(db);
    const foreign = await failure(
      api.seats.block({ eventId: event.id, seatIds: [seatIds[2] ?? "", other.seatIds[0] ?? ""] }),
    );
    expect(foreign.code).toBe("BAD_REQUEST");
    expect(
      await db.eventSeat.count({
        where: { status: "BLOCKED", eventId: { in: [event.id, other.event.id] } },
      }),
    ).toBe(0);
  });

  it("takes an available seat off sale until it is unblocked", async () => {
    const { db } = database();
    const { organizer, api, event, seatIds } = await organizerEvent(db);
    const target = seatIds.slice(2, 4);
    expect(await api.seats.block({ eventId: event.id, seatIds: target })).toEqual({
      eventId: event.id,
      blockedSeatIds: expect.arrayContaining(target),
    });
    // Blocking again changes nothing and is not an error.
    expect((await api.seats.block({ eventId: event.id, seatIds: target })).blockedSeatIds).toEqual(
      [],
    );

    const buyer = await makeUser(db);
    const buyerApi = callerFor(db, buyer);
    expect(
      await codeOf(buyerApi.reservation.hold({ eventId: event.id, seatIds: target.slice(0, 1) })),
    ).toBe("CONFLICT");
    const publicMap = await callerFor(db, null).event.seatMap({ eventId: event.id });
    expect(
      publicMap.seats
        .filter((seat) => seat.status === "BLOCKED")
        .map((seat) => seat.id)
        .sort(),
    ).toEqual([...target].sort());
    const details = await callerFor(db, null).event.byId({ id: event.id });
    expect(details.priceTiers[0]).toMatchObject({ seatsTotal: 8, seatsAvailable: 8 });

    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: event.id, action: "seat.block" },
    });
    expect(audit).toMatchObject({ actorId: organizer.id, after: { status: "BLOCKED" } });

    expect(
      await api.seats.unblock({ eventId: event.id, seatIds: [...target, seatIds[5] ?? ""] }),
    ).toEqual({
      eventId: event.id,
      unblockedSeatIds: expect.arrayContaining(target),
    });
    expect(
      await codeOf(buyerApi.reservation.hold({ eventId: event.id, seatIds: target.slice(0, 1) })),
    ).toBe("OK");
    expect(await db.auditLog.count({ where: { entityId: event.id, action: "seat.unblock" } })).toBe(
      1,
    );
  });

  it("never leaves a seat both blocked and held when a block and a hold race", async () => {
    const { db } = database();
    const { api, event, seatIds } = await organizerEvent(db, { rows: 2, seatsPerRow: 10 });
    const buyers = await Promise.all(seatIds.map(() => makeUser(db)));
    const outcomes = await Promise.all(
      seatIds.map(async (seatId, index) => {
        const buyer = buyers[index];
        if (!buyer) throw new Error("buyer");
        const [block, hold] = await Promise.all([
          codeOf(api.seats.block({ eventId: event.id, seatIds: [seatId] })),
          codeOf(callerFor(db, buyer).reservation.hold({ eventId: event.id, seatIds: [seatId] })),
        ]);
        return { block, hold };
      }),
    );
    for (const outcome of outcomes) {
      expect([outcome.block, outcome.hold].filter((code) => code === "OK")).toHaveLength(1);
    }
    const blocked = await db.eventSeat.findMany({
      where: { eventId: event.id, status: "BLOCKED" },
      select: { id: true, hold: { select: { id: true } } },
    });
    expect(blocked.every((seat) => seat.hold === null)).toBe(true);
    expect(blocked.length + (await db.seatHold.count({ where: { eventId: event.id } }))).toBe(20);
  });

  it("is refused on a cancelled event", async () => {
    const { db } = database();
    const { api, event, seatIds } = await organizerEvent(db);
    await api.events.cancel({ eventId: event.id });
    expect(
      (await failure(api.seats.block({ eventId: event.id, seatIds: seatIds.slice(0, 1) }))).code,
    ).toBe("BAD_REQUEST");
  });
});
