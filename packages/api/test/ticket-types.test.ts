// Ticket (price) types (issue 15): an organizer's Student and Early bird next to the tier's own
// price; a buyer holds seats as a type at its price, which is what they pay whatever the type
// costs later; the type's window, tier and quota are enforced, the quota by the database — 50
// buyers at once from two app stacks for an early bird of 10 get exactly 10.
import { createDb, type Db } from "@openticket/db";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { sweepExpiredHolds } from "../src/services/reservation/sweep-expired-holds.ts";
import { callerFor } from "./helpers/callers.ts";
import { checkoutAndPay, eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 30 });

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

const detailsOf = (error: TRPCError) =>
  (error.cause as { details?: { reason?: string; field?: string; ticketsLeft?: number } })?.details;

const DAY = 24 * 60 * 60_000;

/** An event of `seats` seats at NT$1,000 (tier "Standard"), with Student and Early bird. */
async function eventWithTypes(db: Db, seats: number, earlyBirdQuota: number) {
  const sale = await eventOnSale(db, {
    rows: 1,
    seatsPerRow: seats,
    price: 1000,
    event: { refundableUntilHours: 1 },
  });
  const organizer = callerFor(db, sale.organizer);
  const tier = await db.priceTier.findFirstOrThrow({ where: { eventId: sale.event.id } });
  const student = await organizer.organizer.ticketTypes.create({
    eventId: sale.event.id,
    name: "Student",
    price: 600,
    tierId: tier.id,
    note: "Bring your student ID.",
  });
  const earlyBird = await organizer.organizer.ticketTypes.create({
    eventId: sale.event.id,
    name: "Early bird",
    price: 800,
    quota: earlyBirdQuota,
    salesEndAt: new Date(Date.now() + DAY),
  });
  return { ...sale, organizer, tier, student, earlyBird };
}

describe("ticket types", () => {
  it("are an organizer's to set, with clear refusals", async () => {
    const { db } = database();
    const { event, organizer, student } = await eventWithTypes(db, 4, 10);
    const list = await organizer.organizer.ticketTypes.list({ eventId: event.id });
    expect(list.map((type) => [type.name, type.price, type.quota])).toEqual([
      ["Student", 600, null],
      ["Early bird", 800, 10],
    ]);

    const taken = await refusal(
      organizer.organizer.ticketTypes.create({ eventId: event.id, name: "Student", price: 1 }),
    );
    expect([taken.code, detailsOf(taken)?.field]).toEqual(["CONFLICT", "name"]);
    const inverted = await refusal(
      organizer.organizer.ticketTypes.create({
        eventId: event.id,
        name: "Late",
        price: 1,
        salesStartAt: new Date(Date.now() + DAY),
        salesEndAt: new Date(),
      }),
    );
    expect([inverted.code, detailsOf(inverted)?.field]).toEqual(["BAD_REQUEST", "salesEndAt"]);
    const other = await eventOnSale(db);
    const otherTier = await db.priceTier.findFirstOrThrow({ where: { eventId: other.event.id } });
    const foreignTier = await refusal(
      organizer.organizer.ticketTypes.create({
        eventId: event.id,
        name: "Foreign",
        price: 1,
        tierId: otherTier.id,
      }),
    );
    expect([foreignTier.code, detailsOf(foreignTier)?.field]).toEqual(["BAD_REQUEST", "tierId"]);
    const negative = await refusal(
      organizer.organizer.ticketTypes.create({ eventId: event.id, name: "Neg", price: -1 }),
    );
    expect(negative.code).toBe("BAD_REQUEST");

    // Another organizer sees none of it.
    const stranger = callerFor(db, await makeUser(db, { role: "ORGANIZER" }));
    expect((await refusal(stranger.organizer.ticketTypes.list({ eventId: event.id }))).code).toBe(
      "NOT_FOUND",
    );
    const update = stranger.organizer.ticketTypes.update({
      ticketTypeId: student.id,
      name: "Mine",
      price: 1,
    });
    expect((await refusal(update)).code).toBe("NOT_FOUND");
    expect(await db.ticketType.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("price a held seat, which pays what it was held at, and the ticket keeps its type", async () => {
    const { db } = database();
    const { event, organizer, student, earlyBird, seatIds } = await eventWithTypes(db, 4, 10);
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const api = callerFor(db, buyer);
    const [first, second] = seatIds;
    if (!first || !second) throw new Error("seats");

    await api.reservation.hold({ eventId: event.id, seatIds: [first, second] });
    // Holding one's own seat again with a type changes its type and price.
    await api.reservation.hold({ eventId: event.id, seatIds: [first], ticketTypeId: student.id });
    await api.reservation.hold({
      eventId: event.id,
      seatIds: [second],
      ticketTypeId: earlyBird.id,
    });
    const holds = await db.seatHold.findMany({
      where: { eventId: event.id },
      select: { eventSeatId: true, price: true, ticketTypeId: true },
    });
    expect(
      new Map(holds.map((hold) => [hold.eventSeatId, [hold.price, hold.ticketTypeId]])),
    ).toEqual(
      new Map([
        [first, [600, student.id]],
        [second, [800, earlyBird.id]],
      ]),
    );
    const forBuyers = await callerFor(db, null).event.ticketTypes({ eventId: event.id });
    expect(forBuyers.map((type) => [type.name, type.left, type.note])).toEqual([
      ["Student", null, "Bring your student ID."],
      ["Early bird", 9, ""],
    ]);

    // The organizer raises the student price after the hold: the buyer pays what they saw.
    await organizer.organizer.ticketTypes.update({
      ticketTypeId: student.id,
      name: "Student",
      price: 700,
      tierId: student.tierId,
      note: student.note,
    });
    const order = await checkoutAndPay(api, event.id, "typed-order-1");
    expect([order.status, order.total]).toEqual(["PAID", 1400]);
    const tickets = await db.ticket.findMany({
      where: { orderId: order.id },
      select: { pricePaid: true, ticketTypeId: true },
      orderBy: { pricePaid: "asc" },
    });
    expect(tickets).toEqual([
      { pricePaid: 600, ticketTypeId: student.id },
      { pricePaid: 800, ticketTypeId: earlyBird.id },
    ]);
    // The early bird's place moved from held to sold.
    expect(
      await db.ticketType.findUniqueOrThrow({
        where: { id: earlyBird.id },
        select: { held: true, sold: true },
      }),
    ).toEqual({ held: 0, sold: 1 });

    // Cancelling gives the early bird's place back to its quota.
    await api.order.cancel({ orderId: order.id, idempotencyKey: "typed-cancel-1" });
    const after = await db.ticketType.findUniqueOrThrow({
      where: { id: earlyBird.id },
      select: { held: true, sold: true },
    });
    expect(after).toEqual({ held: 0, sold: 0 });

    // A type in use cannot be deleted; the quota cannot go below what is taken.
    const inUse = await refusal(
      organizer.organizer.ticketTypes.delete({ ticketTypeId: student.id }),
    );
    expect([inUse.code, detailsOf(inUse)?.reason]).toEqual(["CONFLICT", "TICKET_TYPE_IN_USE"]);
  });

  it("refuse a type outside its window or for another tier's seats, holding nothing", async () => {
    const { db } = database();
    const { event, organizer, tier, seatIds } = await eventWithTypes(db, 4, 10);
    const later = await organizer.organizer.ticketTypes.create({
      eventId: event.id,
      name: "Door price",
      price: 1200,
      salesStartAt: new Date(Date.now() + DAY),
    });
    const vipTier = await db.priceTier.create({
      data: { eventId: event.id, name: "VIP", price: 3000 },
    });
    const vipOnly = await organizer.organizer.ticketTypes.create({
      eventId: event.id,
      name: "VIP student",
      price: 2000,
      tierId: vipTier.id,
    });
    expect(tier.id).not.toBe(vipTier.id);
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const api = callerFor(db, buyer);
    const seatId = seatIds[0] ?? "";

    const early = await refusal(
      api.reservation.hold({ eventId: event.id, seatIds: [seatId], ticketTypeId: later.id }),
    );
    expect([early.code, detailsOf(early)?.reason]).toEqual(["BAD_REQUEST", "TYPE_NOT_ON_SALE"]);
    // A pre-sale price whose sale has ended (its end date passed since it was set up).
    const ended = await organizer.organizer.ticketTypes.create({
      eventId: event.id,
      name: "Pre-sale",
      price: 700,
      salesEndAt: new Date(Date.now() + DAY),
    });
    await db.ticketType.update({
      where: { id: ended.id },
      data: { salesEndAt: new Date(Date.now() - 1000) },
    });
    const late = await refusal(
      api.reservation.hold({ eventId: event.id, seatIds: [seatId], ticketTypeId: ended.id }),
    );
    expect([late.code, detailsOf(late)?.reason]).toEqual(["BAD_REQUEST", "TYPE_NOT_ON_SALE"]);
    const wrongTier = await refusal(
      api.reservation.hold({ eventId: event.id, seatIds: [seatId], ticketTypeId: vipOnly.id }),
    );
    expect([wrongTier.code, detailsOf(wrongTier)?.reason]).toEqual([
      "BAD_REQUEST",
      "TYPE_NOT_FOR_SEATS",
    ]);
    const other = await eventWithTypes(db, 2, 5);
    const foreign = await refusal(
      api.reservation.hold({
        eventId: event.id,
        seatIds: [seatId],
        ticketTypeId: other.student.id,
      }),
    );
    expect([foreign.code, detailsOf(foreign)?.field]).toEqual(["BAD_REQUEST", "ticketTypeId"]);
    expect(await db.seatHold.count({ where: { userId: buyer.id } })).toBe(0);
  });

  it("sell an early bird of 10 to exactly 10 of 50 buyers racing from two app stacks", async () => {
    const { db, url } = database();
    const { event, earlyBird } = await eventWithTypes(db, 60, 10);
    const buyers = await makeBuyers(db, 50);
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
    try {
      const results = await Promise.allSettled(
        buyers.map((buyer, index) =>
          callers[index % 2]?.(buyer).reservation.holdBestAvailable({
            eventId: event.id,
            quantity: 1,
            ticketTypeId: earlyBird.id,
          }),
        ),
      );
      const refused = results.flatMap((result) =>
        result.status === "rejected" ? [result.reason as TRPCError] : [],
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(10);
      expect(refused.map((error) => `${error.code} ${detailsOf(error)?.reason}`).sort()[0]).toBe(
        "CONFLICT TYPE_SOLD_OUT",
      );
      expect(new Set(refused.map((error) => detailsOf(error)?.reason))).toEqual(
        new Set(["TYPE_SOLD_OUT"]),
      );
      expect(await db.seatHold.count({ where: { ticketTypeId: earlyBird.id } })).toBe(10);
      expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(10);
      expect(
        await db.ticketType.findUniqueOrThrow({
          where: { id: earlyBird.id },
          select: { held: true },
        }),
      ).toEqual({ held: 10 });

      // The database itself refuses an 11th, however it is written.
      const free = await db.eventSeat.findFirstOrThrow({
        where: { eventId: event.id, hold: null },
        select: { id: true },
      });
      await expect(
        db.seatHold.create({
          data: {
            eventSeatId: free.id,
            eventId: event.id,
            userId: buyers[0]?.id ?? "",
            price: 800,
            ticketTypeId: earlyBird.id,
            expiresAt: new Date(Date.now() + DAY),
          },
        }),
      ).rejects.toThrow(/over its quota/);
      expect(await db.seatHold.count({ where: { eventSeatId: free.id } })).toBe(0);

      // Holds that expire and are swept give their places back to the quota.
      await sweepExpiredHolds(db, { now: new Date(Date.now() + DAY) });
      expect(
        await db.ticketType.findUniqueOrThrow({
          where: { id: earlyBird.id },
          select: { held: true },
        }),
      ).toEqual({ held: 0 });
    } finally {
      await Promise.all(stacks.map((stack) => stack.$disconnect()));
    }
  }, 120_000);
  it("are counted in the event's sales: tickets by the type they were sold as", async () => {
    const { db } = database();
    const { event, organizer, tier, student, earlyBird, seatIds } = await eventWithTypes(db, 4, 10);
    const unsold = await organizer.organizer.ticketTypes.create({
      eventId: event.id,
      name: "Door price",
      price: 1200,
    });
    const [keeper, canceller] = await makeBuyers(db, 2);
    const [first, second, third, fourth] = seatIds;
    if (!keeper || !canceller || !first || !second || !third || !fourth) throw new Error("setup");

    // One order: a student seat, an early bird and one at the tier's own price.
    const kept = callerFor(db, keeper);
    await kept.reservation.hold({ eventId: event.id, seatIds: [first], ticketTypeId: student.id });
    await kept.reservation.hold({
      eventId: event.id,
      seatIds: [second],
      ticketTypeId: earlyBird.id,
    });
    await kept.reservation.hold({ eventId: event.id, seatIds: [third] });
    expect((await checkoutAndPay(kept, event.id, "by-type-kept")).total).toBe(2400);
    // Another student seat, paid and then cancelled.
    const cancelled = callerFor(db, canceller);
    await cancelled.reservation.hold({
      eventId: event.id,
      seatIds: [fourth],
      ticketTypeId: student.id,
    });
    const order = await checkoutAndPay(cancelled, event.id, "by-type-cancelled");
    await cancelled.order.cancel({ orderId: order.id, idempotencyKey: "by-type-cancel" });

    const sales = await organizer.organizer.sales({ eventId: event.id });
    expect(sales.byType).toEqual([
      { ticketTypeId: null, name: null, ticketsSold: 1, cancelledTickets: 0, revenue: 1000 },
      {
        ticketTypeId: student.id,
        name: "Student",
        ticketsSold: 1,
        cancelledTickets: 1,
        revenue: 600,
      },
      {
        ticketTypeId: earlyBird.id,
        name: "Early bird",
        ticketsSold: 1,
        cancelledTickets: 0,
        revenue: 800,
      },
      {
        ticketTypeId: unsold.id,
        name: "Door price",
        ticketsSold: 0,
        cancelledTickets: 0,
        revenue: 0,
      },
    ]);
    // The same tickets and money as by tier, split another way.
    const total = (rows: { ticketsSold: number; revenue: number }[]) => ({
      tickets: rows.reduce((sum, row) => sum + row.ticketsSold, 0),
      revenue: rows.reduce((sum, row) => sum + row.revenue, 0),
    });
    expect(total(sales.byType)).toEqual(total(sales.byTier));

    // Analytics: each type's live tickets against its quota, and how many came in.
    const [studentTicket] = await db.ticket.findMany({
      where: { order: { userId: keeper.id }, ticketTypeId: student.id },
    });
    await db.ticket.update({
      where: { id: studentTicket?.id ?? "" },
      data: { status: "CHECKED_IN", checkedInAt: new Date() },
    });
    const analytics = await organizer.organizer.analytics({ eventId: event.id });
    expect(analytics.byType).toEqual([
      { ticketTypeId: null, name: tier.name, quota: null, sold: 1, checkedIn: 0 },
      { ticketTypeId: student.id, name: "Student", quota: null, sold: 1, checkedIn: 1 },
      { ticketTypeId: earlyBird.id, name: "Early bird", quota: 10, sold: 1, checkedIn: 0 },
      { ticketTypeId: unsold.id, name: "Door price", quota: null, sold: 0, checkedIn: 0 },
    ]);

    // The attendee list shows each ticket's type; filtered by a type, the orders with a live
    // ticket of it (the cancelled student order is no attendee).
    const attendees = organizer.organizer.attendees;
    const all = await attendees({ eventId: event.id });
    expect(all.items.flatMap((item) => item.tickets.map((ticket) => ticket.ticketType))).toEqual(
      expect.arrayContaining(["Student", "Early bird", null]),
    );
    const students = await attendees({ eventId: event.id, ticketTypeId: student.id });
    expect([students.total, students.items[0]?.orderId]).toEqual([1, all.items[0]?.orderId]);
    expect((await attendees({ eventId: event.id, ticketTypeId: unsold.id })).total).toBe(0);
    // The CSV names each ticket's type.
    const csv = await organizer.organizer.attendeesCsv({ eventId: event.id });
    const lines = csv.csv.split("\r\n").map((line) => line.split(","));
    const header = lines[0] ?? [];
    const types = lines.slice(1, -1).map((line) => line[header.indexOf("ticket_type")]);
    expect(types.sort()).toEqual(["", "Early bird", "Student"]);
  });
});
