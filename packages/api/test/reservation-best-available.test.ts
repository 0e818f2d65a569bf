// reservation.holdBestAvailable (issue 15): the best free seats together in a row, nearest the
// front-centre; the best pieces when no row has enough together; only the section or tier asked
// for; bad input refused with nothing held; and under contention every buyer served while seats
// remain, no seat held twice, not even against buyers picking on the map at the same moment.
import type { Db } from "@openticket/db";
import { makeEvent, makeUser, useTestDatabase } from "@openticket/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { createContext } from "../src/context.ts";
import { decodeSeatLayout } from "../src/seat-map.ts";
import type { holdBestAvailable } from "../src/services/reservation/hold-best-available.ts";
import { holdSeats } from "../src/services/reservation/hold-seats.ts";
import { sweepExpiredHolds } from "../src/services/reservation/sweep-expired-holds.ts";
import { callerFor } from "./helpers/callers.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

// Many connections, so that concurrent requests really run at once in the database.
const database = useTestDatabase({ maxConnections: 40 });

type Held = Awaited<ReturnType<ReturnType<typeof callerFor>["reservation"]["holdBestAvailable"]>>;

const labels = (held: Held) => held.seats.map((seat) => seat.label);

/** Seats next to each other: one section, one row, numbers in a run. */
function adjacent(held: Held) {
  const numbers = held.seats.map((seat) => seat.number).sort((a, b) => a - b);
  return (
    new Set(held.seats.map((seat) => `${seat.section} ${seat.rowLabel}`)).size === 1 &&
    numbers.every((number, index) => index === 0 || number === (numbers[index - 1] ?? 0) + 1)
  );
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

/** Marks seats (by label, section "Main") of an event sold, as a past sale would have. */
async function markSold(db: Db, eventId: string, seatLabels: string[]) {
  await db.eventSeat.updateMany({
    where: { eventId, seat: { label: { in: seatLabels } } },
    data: { status: "SOLD" },
  });
}

/**
 * A venue with two sections facing a stage at the top — "Front" (rows A–B) and "Back" (rows
 * A–C, further down) — 6 seats a row, and an event on it: Front in tier "Standard", Back in
 * tier "Back".
 */
async function twoSectionEvent(db: Db) {
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await db.venue.create({
    data: {
      ownerId: organizer.id,
      name: "Two Rooms",
      city: "Taipei",
      address: "1 Test Road",
      sections: {
        create: [
          { name: "Front", ordering: 0 },
          { name: "Back", ordering: 1 },
        ],
      },
    },
    include: { sections: { orderBy: { ordering: "asc" } } },
  });
  const [front, back] = venue.sections;
  if (!front || !back) throw new Error("sections");
  const rowsOf = (sectionId: string, rows: string[], top: number) =>
    rows.flatMap((rowLabel, row) =>
      Array.from({ length: 6 }, (_, i) => ({
        venueId: venue.id,
        sectionId,
        rowLabel,
        number: i + 1,
        label: `${rowLabel}-${i + 1}`,
        x: (i + 1) * 10,
        y: top + row * 10,
      })),
    );
  await db.seat.createMany({
    data: [...rowsOf(front.id, ["A", "B"], 0), ...rowsOf(back.id, ["A", "B", "C"], 100)],
  });
  const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
  const backTier = await db.priceTier.create({
    data: { eventId: event.id, name: "Back", price: 500, ordering: 1 },
  });
  await db.eventSeat.updateMany({
    where: { eventId: event.id, seat: { sectionId: back.id } },
    data: { tierId: backTier.id },
  });
  return { event, front, back, backTier };
}

describe("reservation.holdBestAvailable", () => {
  it("holds seats together in the front row's centre, then the next best", async () => {
    const { db } = database();
    // Rows A–C of 8 seats; the stage is above row A.
    const { event } = await eventOnSale(db, { rows: 3, seatsPerRow: 8 });
    const [alice, bob, carol] = await makeBuyers(db, 3);
    if (!alice || !bob || !carol) throw new Error("buyers");

    const first = await callerFor(db, alice).reservation.holdBestAvailable({
      eventId: event.id,
      quantity: 4,
    });
    expect(labels(first)).toEqual(["A-3", "A-4", "A-5", "A-6"]);
    expect(first.together).toBe(true);
    const holds = await db.seatHold.findMany({ where: { eventId: event.id } });
    expect(holds.map((hold) => hold.eventSeatId).sort()).toEqual([...first.seatIds].sort());
    expect(holds.every((hold) => hold.userId === alice.id && hold.price === 1000)).toBe(true);
    expect(holds[0]?.expiresAt).toEqual(first.expiresAt);
    // The seats are where the buyer's map draws them.
    const layout = decodeSeatLayout(
      await callerFor(db, alice).event.seatLayout({ eventId: event.id }),
    );
    expect(first.layoutVersion).toBe(layout.version);
    expect(first.seats.map((seat) => layout.label[seat.position ?? -1])).toEqual(labels(first));

    // Row A has no 4 together any more (1–2 and 7–8 are left): the centre of row B.
    const second = await callerFor(db, bob).reservation.holdBestAvailable({
      eventId: event.id,
      quantity: 4,
    });
    expect(labels(second)).toEqual(["B-3", "B-4", "B-5", "B-6"]);
    // Two: the centre of row C is nearer the front-centre than the ends of rows A and B.
    const third = await callerFor(db, carol).reservation.holdBestAvailable({
      eventId: event.id,
      quantity: 2,
    });
    expect(labels(third)).toEqual(["C-4", "C-5"]);
    expect(third.together).toBe(true);
    // Each buyer holds just their own seats.
    for (const [buyer, held] of [
      [alice, first],
      [bob, second],
      [carol, third],
    ] as const) {
      const theirs = await db.seatHold.findMany({ where: { userId: buyer.id } });
      expect(theirs.map((hold) => hold.eventSeatId).sort()).toEqual([...held.seatIds].sort());
    }
  });

  it("prefers a centre block a row back to the far end of the front row", async () => {
    const { db } = database();
    const { event } = await eventOnSale(db, { rows: 2, seatsPerRow: 12 });
    // Row A: only 1–4 free.
    await markSold(db, event.id, ["A-5", "A-6", "A-7", "A-8", "A-9", "A-10", "A-11", "A-12"]);
    const [alice] = await makeBuyers(db, 1);
    if (!alice) throw new Error("buyer");
    const held = await callerFor(db, alice).reservation.holdBestAvailable({
      eventId: event.id,
      quantity: 4,
    });
    expect(labels(held)).toEqual(["B-5", "B-6", "B-7", "B-8"]);
  });

  it("falls back to the best pieces when no row has enough seats together", async () => {
    const { db } = database();
    const { event } = await eventOnSale(db, { rows: 2, seatsPerRow: 5 });
    // Every row is cut in the middle: pairs at each end, nowhere 3 together.
    await markSold(db, event.id, ["A-3", "B-3"]);
    const [alice] = await makeBuyers(db, 1);
    if (!alice) throw new Error("buyer");
    const held = await callerFor(db, alice).reservation.holdBestAvailable({
      eventId: event.id,
      quantity: 3,
    });
    expect(held.together).toBe(false);
    expect(adjacent(held)).toBe(false);
    // A pair and a single, all in the front row, rather than three singles or row B.
    expect(labels(held)).toEqual(["A-1", "A-2", "A-4"]);
    expect(await db.seatHold.count({ where: { userId: alice.id } })).toBe(3);
  });

  it("holds only in the section or price tier asked for, from that section's front row", async () => {
    const { db } = database();
    const { event, back, backTier } = await twoSectionEvent(db);
    const [alice, bob, carol] = await makeBuyers(db, 3);
    if (!alice || !bob || !carol) throw new Error("buyers");

    const anywhere = await callerFor(db, alice).reservation.holdBestAvailable({
      eventId: event.id,
      quantity: 2,
    });
    expect(anywhere.seats.map((seat) => `${seat.section} ${seat.label}`)).toEqual([
      "Front A-3",
      "Front A-4",
    ]);
    const inBack = await callerFor(db, bob).reservation.holdBestAvailable({
      eventId: event.id,
      quantity: 2,
      sectionId: back.id,
    });
    expect(inBack.seats.map((seat) => `${seat.section} ${seat.label}`)).toEqual([
      "Back A-3",
      "Back A-4",
    ]);
    const inTier = await callerFor(db, carol).reservation.holdBestAvailable({
      eventId: event.id,
      quantity: 4,
      tierId: backTier.id,
    });
    expect(inTier.seats.every((seat) => seat.section === "Back")).toBe(true);
    // Back row A has 1–2 and 5–6 left: the centre of row B is nearer the stage.
    expect(labels(inTier)).toEqual(["B-2", "B-3", "B-4", "B-5"]);
    // Held at the tier's price.
    const prices = await db.seatHold.findMany({ where: { userId: carol.id } });
    expect(prices.map((hold) => hold.price)).toEqual([500, 500, 500, 500]);
  });

  it("refuses bad quantities and foreign sections or tiers, holding nothing", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db, {
      rows: 2,
      seatsPerRow: 5,
      event: { maxSeatsPerOrder: 4 },
    });
    const other = await twoSectionEvent(db);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    const api = callerFor(db, alice).reservation;

    for (const quantity of [0, -1, 2.5, 51]) {
      const error = await refusal(api.holdBestAvailable({ eventId: event.id, quantity }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toBeInstanceOf(ZodError);
      expect((error.cause as ZodError).issues.map((issue) => issue.path)).toEqual([["quantity"]]);
    }
    // Within what any event allows, above this event's maximum per order.
    const overMax = await refusal(api.holdBestAvailable({ eventId: event.id, quantity: 5 }));
    expect(overMax.code).toBe("BAD_REQUEST");
    expect(overMax.cause).toMatchObject({ details: { field: "quantity", maxSeatsPerOrder: 4 } });

    const foreign = [
      { sectionId: other.back.id },
      { sectionId: "00000000-0000-4000-8000-000000000000" },
      { tierId: other.backTier.id },
      { tierId: "00000000-0000-4000-8000-000000000000" },
    ];
    for (const filter of foreign) {
      const error = await refusal(
        api.holdBestAvailable({ eventId: event.id, quantity: 2, ...filter }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ details: { field: Object.keys(filter)[0] } });
    }
    const unknownEvent = await refusal(
      api.holdBestAvailable({ eventId: "00000000-0000-4000-8000-000000000000", quantity: 2 }),
    );
    expect(unknownEvent.code).toBe("NOT_FOUND");

    // Three seats left: four is more than remains.
    await callerFor(db, bob).reservation.hold({ eventId: event.id, seatIds: seatIds.slice(0, 4) });
    await markSold(db, event.id, ["B-3", "B-4", "B-5"]);
    const tooMany = await refusal(api.holdBestAvailable({ eventId: event.id, quantity: 4 }));
    expect(tooMany.code).toBe("CONFLICT");
    expect(tooMany.cause).toMatchObject({
      details: { reason: "NOT_ENOUGH_SEATS", field: "quantity", seatsLeft: 3 },
    });

    expect(await db.seatHold.count({ where: { userId: alice.id } })).toBe(0);
    expect(await db.holdCart.count({ where: { userId: alice.id } })).toBe(0);
    // The three that are left can still be had.
    const rest = await api.holdBestAvailable({ eventId: event.id, quantity: 3 });
    expect(labels(rest).sort()).toEqual(["A-5", "B-1", "B-2"]);
  });

  it("answers a retry with the same requestKey with the same seats, holding nothing more", async () => {
    const { db } = database();
    const { event } = await eventOnSale(db, { rows: 3, seatsPerRow: 8 });
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    const api = callerFor(db, alice).reservation;
    const ask = { eventId: event.id, quantity: 2, requestKey: "best-try-0001" };

    // The answer was lost on the way: the buyer's page asks again with the same key, even while
    // the first call still runs.
    const [first, sameTime] = await Promise.all([
      api.holdBestAvailable(ask),
      api.holdBestAvailable(ask),
    ]);
    const again = await api.holdBestAvailable(ask);
    expect(labels(first)).toEqual(["A-4", "A-5"]);
    expect(sameTime).toEqual(first);
    expect(labels(again)).toEqual(labels(first));
    expect(again.seatIds.sort()).toEqual([...first.seatIds].sort());
    expect(again.together).toBe(true);
    expect(again.expiresAt).toEqual(first.expiresAt);
    expect(again.seats.map((seat) => seat.position)).toEqual(first.seats.map((s) => s.position));
    expect(await db.seatHold.count({ where: { userId: alice.id } })).toBe(2);
    // The key is the buyer's own: another buyer with it gets seats of their own.
    const bobs = await callerFor(db, bob).reservation.holdBestAvailable(ask);
    expect(bobs.seatIds).toHaveLength(2);
    expect(bobs.seatIds.some((id) => first.seatIds.includes(id))).toBe(false);
    // A new request (a new key) holds two more.
    const more = await api.holdBestAvailable({ ...ask, requestKey: "best-try-0002" });
    expect(more.seatIds.some((id) => first.seatIds.includes(id))).toBe(false);
    expect(await db.seatHold.count({ where: { userId: alice.id } })).toBe(4);
    // Released seats are not the request's any more: the same key returns what is left of it.
    const [kept, released] = first.seatIds;
    if (!kept || !released) throw new Error("seats");
    await api.release({ eventId: event.id, seatIds: [released] });
    const rest = await api.holdBestAvailable(ask);
    expect(rest.seatIds).toEqual([kept]);
    expect(await db.seatHold.count({ where: { userId: alice.id } })).toBe(3);
    // Once none of its seats is held (released, expired), the request is over: the same key
    // holds nothing and says so; a new key holds afresh.
    await db.seatHold.updateMany({
      where: { userId: alice.id, requestKey: "best-try-0001" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const ended = await refusal(api.holdBestAvailable(ask));
    expect(ended.code).toBe("CONFLICT");
    expect(ended.cause).toMatchObject({ details: { reason: "REQUEST_ENDED" } });
    const afresh = await api.holdBestAvailable({ ...ask, requestKey: "best-try-0003" });
    expect(afresh.seatIds).toHaveLength(2);
    // The sweeper forgets keys after a day.
    await sweepExpiredHolds(db, { now: new Date(Date.now() + 2 * 86_400_000) });
    expect(await db.holdRequest.count({ where: { userId: alice.id } })).toBe(0);

    // A key too short to be one is refused as input, holding nothing.
    const before = await db.seatHold.count();
    const bad = await refusal(api.holdBestAvailable({ ...ask, requestKey: "short" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect((bad.cause as ZodError).issues.map((issue) => issue.path)).toEqual([["requestKey"]]);
    expect(await db.seatHold.count()).toBe(before);
  });

  it("serves 50 buyers × 4 seats at once on a 400-seat section, no seat twice", async () => {
    const { db } = database();
    const { event } = await eventOnSale(db, { rows: 20, seatsPerRow: 20 });
    const buyers = await makeBuyers(db, 50);
    const results = await Promise.allSettled(
      buyers.map((buyer) =>
        callerFor(db, buyer).reservation.holdBestAvailable({ eventId: event.id, quantity: 4 }),
      ),
    );
    const refused = results.flatMap((result) =>
      result.status === "rejected" ? [String(result.reason)] : [],
    );
    expect(refused).toEqual([]);
    const held = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const seatIds = held.flatMap((result) => result.seatIds);
    expect(seatIds).toHaveLength(200);
    expect(new Set(seatIds).size).toBe(200);
    expect(held.every((result) => result.together && adjacent(result))).toBe(true);
    // The database agrees: each buyer holds exactly the seats they were told.
    const holds = await db.seatHold.findMany({ where: { eventId: event.id } });
    expect(holds).toHaveLength(200);
    const holderOf = new Map(holds.map((hold) => [hold.eventSeatId, hold.userId]));
    buyers.forEach((buyer, index) => {
      for (const seatId of held[index]?.seatIds ?? ["missing"]) {
        expect(holderOf.get(seatId)).toBe(buyer.id);
      }
    });
    // The best went first: no block of 4 left free is nearer the front-centre (the middle of
    // row A, seats 10 units apart) than any block handed out.
    const centre = { x: 105, y: 0 };
    const distance = (seats: { x: number; y: number }[]) =>
      Math.hypot(
        seats.reduce((sum, seat) => sum + seat.x, 0) / seats.length - centre.x,
        seats.reduce((sum, seat) => sum + seat.y, 0) / seats.length - centre.y,
      );
    const spots = await db.eventSeat.findMany({
      where: { eventId: event.id },
      select: { id: true, seat: { select: { rowLabel: true, number: true, x: true, y: true } } },
    });
    const spotOf = new Map(spots.map((spot) => [spot.id, spot.seat]));
    const worstHeld = Math.max(
      ...held.map((result) => distance(result.seatIds.map((id) => spotOf.get(id) ?? centre))),
    );
    const freeBlocks = spots
      .filter((spot) => !holderOf.has(spot.id))
      .map((spot) => spot.seat)
      .filter((seat, _, free) =>
        [1, 2, 3].every((step) =>
          free.some(
            (other) => other.rowLabel === seat.rowLabel && other.number === seat.number + step,
          ),
        ),
      )
      .map((seat) => distance([0, 1, 2, 3].map((step) => ({ x: seat.x + 10 * step, y: seat.y }))));
    expect(freeBlocks.length).toBeGreaterThan(0);
    expect(worstHeld).toBeLessThanOrEqual(Math.min(...freeBlocks));
  }, 60_000);

  it("never hands a best-available buyer a seat someone picks on the map at the same time", async () => {
    const { db } = database();
    const { event } = await eventOnSale(db, { rows: 20, seatsPerRow: 20 });
    const layout = decodeSeatLayout(
      await callerFor(db, null).event.seatLayout({ eventId: event.id }),
    );
    const positionOf = new Map(layout.label.map((label, position) => [label, position]));
    const bestBuyers = await makeBuyers(db, 25);
    const mapBuyers = await makeBuyers(db, 25);
    // The map buyers go for the very seats best-available ranks first: pairs across the centre
    // of the front rows, so the two kinds of buyer collide.
    const mapPicks = mapBuyers.map((_, index) => {
      const row = "ABCDE"[index % 5] ?? "A";
      const first = 7 + 2 * Math.floor(index / 5);
      return [`${row}-${first}`, `${row}-${first + 1}`].map((label) => positionOf.get(label) ?? -1);
    });
    const best = bestBuyers.map((buyer) =>
      callerFor(db, buyer).reservation.holdBestAvailable({ eventId: event.id, quantity: 4 }),
    );
    const picked = mapBuyers.map((buyer, index) =>
      callerFor(db, buyer).reservation.hold({
        eventId: event.id,
        layoutVersion: layout.version,
        positions: mapPicks[index] ?? [],
      }),
    );
    const bestResults = await Promise.allSettled(best);
    const pickedResults = await Promise.allSettled(picked);

    // Every best-available buyer is served: 100 + 50 seats never run out of 400.
    expect(bestResults.filter((result) => result.status === "rejected")).toEqual([]);
    // A map buyer either got both seats or was told they were taken.
    for (const result of pickedResults) {
      if (result.status === "rejected") {
        expect(result.reason).toBeInstanceOf(TRPCError);
        expect((result.reason as TRPCError).code).toBe("CONFLICT");
      }
    }
    const claimed = [
      ...bestResults.flatMap((result, index) =>
        result.status === "fulfilled"
          ? result.value.seatIds.map((seatId) => ({ seatId, userId: bestBuyers[index]?.id }))
          : [],
      ),
      ...pickedResults.flatMap((result, index) =>
        result.status === "fulfilled"
          ? result.value.seatIds.map((seatId) => ({ seatId, userId: mapBuyers[index]?.id }))
          : [],
      ),
    ];
    expect(new Set(claimed.map((claim) => claim.seatId)).size).toBe(claimed.length);
    const holds = await db.seatHold.findMany({ where: { eventId: event.id } });
    expect(holds.map((hold) => `${hold.eventSeatId} ${hold.userId}`).sort()).toEqual(
      claimed.map((claim) => `${claim.seatId} ${claim.userId}`).sort(),
    );
    expect(holds.length).toBeGreaterThanOrEqual(100);
  }, 60_000);
});

describe("reservation.holdBestAvailable across app instances", () => {
  it("serves buyers racing from 5 instances, which do not see each other's choices", async () => {
    const { db } = database();
    // 50 buyers × 4 seats = 200 of 240: the last buyers get the scraps.
    const { event } = await eventOnSale(db, { rows: 12, seatsPerRow: 20 });
    const buyers = await makeBuyers(db, 50);
    // A fresh copy of the modules is an instance of its own: its own choices in flight, its own
    // hold batcher.
    const instances: { holdBestAvailable: typeof holdBestAvailable }[] = [];
    for (let i = 0; i < 5; i++) {
      vi.resetModules();
      instances.push(await import("../src/services/reservation/hold-best-available.ts"));
    }
    const results = await Promise.allSettled(
      buyers.map((buyer, index) =>
        instances[index % instances.length]?.holdBestAvailable(
          db,
          { eventId: event.id, quantity: 4 },
          createContext({ db, user: buyer }) as Parameters<typeof holdBestAvailable>[2],
        ),
      ),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const seatIds = results.flatMap((result) =>
      result.status === "fulfilled" ? (result.value?.seatIds ?? []) : [],
    );
    expect(seatIds).toHaveLength(200);
    expect(new Set(seatIds).size).toBe(200);
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(200);
  }, 60_000);

  it("holds a request once when its retry reaches another instance while it still runs", async () => {
    const { db } = database();
    const { event } = await eventOnSale(db, { rows: 3, seatsPerRow: 8 });
    const [alice] = await makeBuyers(db, 1);
    if (!alice) throw new Error("buyer");
    const instances: { holdBestAvailable: typeof holdBestAvailable }[] = [];
    for (let i = 0; i < 3; i++) {
      vi.resetModules();
      instances.push(await import("../src/services/reservation/hold-best-available.ts"));
    }
    const ask = { eventId: event.id, quantity: 3, requestKey: "retry-elsewhere-1" };
    const answers = await Promise.all(
      instances.map((instance) =>
        instance.holdBestAvailable(
          db,
          ask,
          createContext({ db, user: alice }) as Parameters<typeof holdBestAvailable>[2],
        ),
      ),
    );
    const [first] = answers;
    for (const answer of answers)
      expect([...answer.seatIds].sort()).toEqual([...(first?.seatIds ?? [])].sort());
    expect(await db.seatHold.count({ where: { userId: alice.id } })).toBe(3);
    // The database is what decides: a hold carrying the claimed key, for other seats (a try that
    // chose differently), holds nothing.
    const other = await db.eventSeat.findFirst({
      where: { eventId: event.id, id: { notIn: first?.seatIds ?? [] } },
      select: { id: true },
    });
    if (!other) throw new Error("seat");
    const late = holdSeats(
      db,
      { eventId: event.id, seatIds: [other.id] },
      {
        ...(createContext({ db, user: alice }) as Parameters<typeof holdSeats>[2]),
        byQuantity: false,
        requestKey: ask.requestKey,
      },
    );
    await expect(late).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.seatHold.count({ where: { userId: alice.id } })).toBe(3);
  });
});
