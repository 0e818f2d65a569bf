// Standing zones (issue 15): places sold by quantity, the lowest free numbers first, never more
// than the zone holds — under the hot-zone race across two app stacks on one database too — and
// in one order with numbered seats.
import { createDb, type Db } from "@openticket/db";
import { makeEvent, makeUser, makeVenue, useTestDatabase } from "@openticket/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { callerFor } from "./helpers/callers.ts";
import { checkoutAndPay, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 30 });

/**
 * A published event at a venue with a seated section "Stalls" (2 rows of 5) and a standing
 * zone "Floor" of `capacity` places, all at one price.
 */
async function concertWithFloor(db: Db, capacity: number) {
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id, rows: 2, seatsPerRow: 5 });
  const added = await callerFor(db, organizer).organizer.venues.addStandingZone({
    venueId: venue.id,
    name: "Floor",
    capacity,
    origin: { x: 0, y: 200 },
  });
  const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
  return { organizer, event, floor: added.section };
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => {
      if (!(error instanceof TRPCError)) throw error;
      return error;
    },
  );
}

const reasonOf = (error: TRPCError) => (error.cause as { details?: { reason?: string } })?.details;

describe("standing zones", () => {
  it("give the lowest free numbers, by quantity only, and keep best-available seats apart", async () => {
    const { db } = database();
    const { event, floor } = await concertWithFloor(db, 30);
    expect(floor.seats.map((place) => place.label).slice(0, 3)).toEqual(["#1", "#2", "#3"]);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");

    const first = await callerFor(db, alice).reservation.holdBestAvailable({
      eventId: event.id,
      sectionId: floor.id,
      quantity: 3,
    });
    expect(first.seats.map((seat) => seat.label)).toEqual(["#1", "#2", "#3"]);
    expect(first.seats.every((seat) => seat.section === "Floor")).toBe(true);
    const second = await callerFor(db, bob).reservation.holdBestAvailable({
      eventId: event.id,
      sectionId: floor.id,
      quantity: 2,
    });
    expect(second.seats.map((seat) => seat.label)).toEqual(["#4", "#5"]);

    // A place cannot be picked by id: nothing is held.
    const placeIds = await db.eventSeat.findMany({
      where: { eventId: event.id, seat: { sectionId: floor.id, number: { in: [10, 11] } } },
      select: { id: true },
    });
    const picked = await refusal(
      callerFor(db, bob).reservation.hold({
        eventId: event.id,
        seatIds: placeIds.map((place) => place.id),
      }),
    );
    expect(picked.code).toBe("BAD_REQUEST");
    expect(reasonOf(picked)).toMatchObject({ reason: "STANDING_BY_QUANTITY" });
    expect(await db.seatHold.count({ where: { userId: bob.id } })).toBe(2);
    // Holding one's own places again (as a ticket type changes them) chooses nothing: allowed.
    const again = await callerFor(db, bob).reservation.hold({
      eventId: event.id,
      seatIds: second.seatIds,
    });
    expect(again.seatIds.sort()).toEqual([...second.seatIds].sort());
    expect(await db.seatHold.count({ where: { userId: bob.id } })).toBe(2);

    // "Best available" without a section means seats: never a standing place.
    const seats = await callerFor(db, bob).reservation.holdBestAvailable({
      eventId: event.id,
      quantity: 2,
    });
    expect(seats.seats.every((seat) => seat.section !== "Floor")).toBe(true);

    // More than the zone has left: refused with what is left, nothing held.
    await db.eventSeat.updateMany({
      where: { eventId: event.id, seat: { sectionId: floor.id, number: { gte: 6, lte: 28 } } },
      data: { status: "SOLD" },
    });
    const tooMany = await refusal(
      callerFor(db, alice).reservation.holdBestAvailable({
        eventId: event.id,
        sectionId: floor.id,
        quantity: 3,
      }),
    );
    expect(tooMany.code).toBe("CONFLICT");
    expect(reasonOf(tooMany)).toMatchObject({ reason: "NOT_ENOUGH_SEATS", seatsLeft: 2 });
    expect(await db.seatHold.count({ where: { userId: alice.id } })).toBe(3);
  });

  it("sells standing places and numbered seats in one order", async () => {
    const { db } = database();
    const { organizer, event, floor } = await concertWithFloor(db, 20);
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const api = callerFor(db, buyer);
    await api.reservation.holdBestAvailable({ eventId: event.id, quantity: 2 });
    await api.reservation.holdBestAvailable({
      eventId: event.id,
      sectionId: floor.id,
      quantity: 2,
    });
    const order = await checkoutAndPay(api, event.id, "mixed-order-1");
    expect(order.status).toBe("PAID");
    const tickets = await db.ticket.findMany({
      where: { orderId: order.id },
      select: { eventSeat: { select: { seat: { select: { label: true, section: true } } } } },
    });
    expect(tickets.map((ticket) => ticket.eventSeat.seat.section.kind).sort()).toEqual([
      "SEATED",
      "SEATED",
      "STANDING",
      "STANDING",
    ]);
    expect(
      tickets
        .filter((ticket) => ticket.eventSeat.seat.section.kind === "STANDING")
        .map((ticket) => ticket.eventSeat.seat.label)
        .sort(),
    ).toEqual(["#1", "#2"]);
    // The organizer's analytics count the zone as one: 2 of its 20 places sold.
    const { sections } = await callerFor(db, organizer).organizer.analytics({ eventId: event.id });
    expect(
      sections.map(({ name, standing, sold, sellable, utilisation }) => ({
        name,
        standing,
        sold,
        sellable,
        utilisation,
      })),
    ).toEqual([
      expect.objectContaining({ standing: false, sold: 2, sellable: 10 }),
      { name: "Floor", standing: true, sold: 2, sellable: 20, utilisation: 0.1 },
    ]);
  });
});

describe("the hot standing-zone race across two app stacks", () => {
  it("sells exactly the zone's last 50 places to 200 buyers asking 2–4 each, no 5xx", async () => {
    const { db, url } = database();
    const { event, floor } = await concertWithFloor(db, 120);
    // 70 places went in earlier sales: 50 are left.
    await db.eventSeat.updateMany({
      where: { eventId: event.id, seat: { sectionId: floor.id, number: { lte: 70 } } },
      data: { status: "SOLD" },
    });
    const buyers = await makeBuyers(db, 201);
    const last = buyers.pop();
    if (!last) throw new Error("buyers");

    // Two stacks: each its own database client (pool, hold batcher) and its own copy of the
    // modules (choices in flight), as two app servers would have.
    const stacks: Db[] = [];
    const callers: ((user: (typeof buyers)[number]) => ReturnType<typeof callerFor>)[] = [];
    for (let i = 0; i < 2; i++) {
      vi.resetModules();
      const stackDb = createDb(url, { maxConnections: 10 });
      const { createCaller } = await import("../src/root.ts");
      const { createContext } = await import("../src/context.ts");
      stacks.push(stackDb);
      callers.push((user) => createCaller(createContext({ db: stackDb, user })));
    }
    const quantityOf = (index: number) => 2 + (index % 3);
    try {
      const results = await Promise.allSettled(
        buyers.map(async (buyer, index) => {
          const api = callers[index % 2]?.(buyer);
          if (!api) throw new Error("stack");
          await api.reservation.holdBestAvailable({
            eventId: event.id,
            sectionId: floor.id,
            quantity: quantityOf(index),
          });
          return checkoutAndPay(api, event.id, `ga-race-${index}`);
        }),
      );
      const free = async () =>
        db.eventSeat.count({
          where: {
            eventId: event.id,
            status: "AVAILABLE",
            seat: { sectionId: floor.id },
          },
        });
      const left = await free();
      // Everyone refused was told so with a reason, never a server error, and only when fewer
      // places were left than they asked for.
      results.forEach((result, index) => {
        if (result.status === "fulfilled") {
          expect(result.value.status).toBe("PAID");
          return;
        }
        expect(result.reason).toBeInstanceOf(TRPCError);
        const error = result.reason as TRPCError;
        expect(`${error.code} ${reasonOf(error)?.reason}`).toBe("CONFLICT NOT_ENOUGH_SEATS");
        expect(quantityOf(index)).toBeGreaterThan(left);
      });
      const sold = results.reduce(
        (total, result, index) => total + (result.status === "fulfilled" ? quantityOf(index) : 0),
        0,
      );
      expect(sold + left).toBe(50);
      // The last buyer takes what is left: the zone is sold out at exactly its capacity.
      if (left > 0) {
        const api = callerFor(db, last);
        await api.reservation.holdBestAvailable({
          eventId: event.id,
          sectionId: floor.id,
          quantity: left,
        });
        expect((await checkoutAndPay(api, event.id, "ga-race-last")).status).toBe("PAID");
      }
      expect(await free()).toBe(0);
      const zoneTickets = await db.ticket.findMany({
        where: { eventSeat: { eventId: event.id, seat: { sectionId: floor.id } } },
        select: { eventSeatId: true, status: true },
      });
      expect(zoneTickets).toHaveLength(50);
      expect(new Set(zoneTickets.map((ticket) => ticket.eventSeatId)).size).toBe(50);
      expect(
        await db.eventSeat.count({
          where: { eventId: event.id, status: "SOLD", seat: { sectionId: floor.id } },
        }),
      ).toBe(120);
    } finally {
      await Promise.all(stacks.map((stack) => stack.$disconnect()));
    }
  }, 120_000);
});
