// admin.sales and admin.salesCsv (R15): figures checked against sales made here, at instants
// chosen to sit on either side of a month boundary in Taipei (the tests run in Los Angeles time,
// so bucketing in the wrong zone fails).
import { randomUUID } from "node:crypto";
import { makeEvent, makeUser, makeVenue, useTestDatabase } from "@openticket/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";
import { failure } from "./helpers/refusals.ts";

const database = useTestDatabase();
const instant = (iso: string) => new Date(iso);

let admin: Awaited<ReturnType<typeof makeUser>>;
let buyer: Awaited<ReturnType<typeof makeUser>>;
const ids: Record<string, string> = {};
/** A title that a spreadsheet would run as a formula. */
const TALK = '=HYPERLINK("http://evil.example","Data Talk")';
const adminApi = () => callerFor(database().db, admin).admin;

/** A paid order of `seats` seats at `at`; with `refund`, cancelled and refunded then. */
async function sell(
  eventId: string,
  seats: number,
  options: { price: number; at: Date; refund?: { amount: number; at: Date } },
) {
  const { db } = database();
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const eventSeats = await db.eventSeat.findMany({
    where: { eventId, status: "AVAILABLE" },
    orderBy: { id: "asc" },
    take: seats,
  });
  const { refund, at, price } = options;
  const total = price * seats;
  const payment = (kind: "CHARGE" | "REFUND", amount: number, createdAt: Date) => ({
    kind,
    amount,
    currency: event.currency,
    provider: "test",
    providerReference: randomUUID(),
    createdAt,
  });
  await db.order.create({
    data: {
      userId: buyer.id,
      eventId,
      status: refund ? "CANCELLED" : "PAID",
      total,
      currency: event.currency,
      idempotencyKey: randomUUID(),
      createdAt: at,
      cancelledAt: refund?.at ?? null,
      tickets: {
        create: eventSeats.map((seat) => ({
          eventSeatId: seat.id,
          pricePaid: price,
          status: refund ? ("CANCELLED" as const) : ("VALID" as const),
          code: randomUUID(),
          createdAt: at,
        })),
      },
      payments: {
        create: [
          payment("CHARGE", total, at),
          ...(refund ? [payment("REFUND", refund.amount, refund.at)] : []),
        ],
      },
    },
  });
  if (!refund) {
    await db.eventSeat.updateMany({
      where: { id: { in: eventSeats.map((seat) => seat.id) } },
      data: { status: "SOLD" },
    });
  }
}

beforeAll(async () => {
  const { db } = database();
  admin = await makeUser(db, { role: "ADMIN" });
  buyer = await makeUser(db);
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  await db.user.update({
    where: { id: organizer.id },
    data: { displayName: 'Lin, Mei "MJ"' },
  });
  const make = async (
    title: string,
    startsAt: string,
    options: Partial<Parameters<typeof makeEvent>[1]> = {},
  ) => {
    // A venue each: 2 × 5 = 10 seats.
    const venue = await makeVenue(db, { ownerId: organizer.id });
    const event = await makeEvent(db, {
      organizerId: organizer.id,
      venueId: venue.id,
      title,
      startsAt: instant(startsAt),
      ...options,
    });
    ids[title] = event.id;
    return event;
  };

  const spring = await make("Spring Concert", "2026-03-15T11:30:00Z", { price: 1000 });
  const blocked = await db.eventSeat.findFirstOrThrow({ where: { eventId: spring.id } });
  await db.eventSeat.update({ where: { id: blocked.id }, data: { status: "BLOCKED" } });
  // 01:30 on 1 February in Taipei, still 31 January in UTC and in Los Angeles.
  await sell(spring.id, 2, { price: 1000, at: instant("2026-01-31T17:30:00Z") });
  // Refunded at 23:59 on 1 March in Taipei.
  await sell(spring.id, 3, {
    price: 1000,
    at: instant("2026-02-10T00:00:00Z"),
    refund: { amount: 2700, at: instant("2026-03-01T15:59:00Z") },
  });

  const talk = await make(TALK, "2026-04-20T10:00:00Z", {
    category: "TALK",
    price: 500,
  });
  // Midnight starting 1 April in Taipei.
  await sell(talk.id, 4, { price: 500, at: instant("2026-03-31T16:00:00Z") });

  const cancelled = await make("Called Off", "2026-05-01T11:00:00Z", { status: "CANCELLED" });
  await sell(cancelled.id, 1, {
    price: 1000,
    at: instant("2026-02-15T03:00:00Z"),
    refund: { amount: 1000, at: instant("2026-02-20T03:00:00Z") },
  });

  await make("Unpublished Draft", "2026-06-01T11:00:00Z", { status: "DRAFT" });

  const dollars = await make("Dollar Show", "2026-03-20T11:00:00Z", { price: 30 });
  await db.event.update({ where: { id: dollars.id }, data: { currency: "USD" } });
  await sell(dollars.id, 1, { price: 30, at: instant("2026-03-05T03:00:00Z") });
});

describe("admin.sales", () => {
  it("gives tickets sold and unsold, revenue, refunds and net per event", async () => {
    const report = await adminApi().sales();
    const byTitle = Object.fromEntries(report.events.map((event) => [event.title, event]));
    expect(Object.keys(byTitle)).not.toContain("Unpublished Draft");
    expect(report.events.map((event) => event.id)).toHaveLength(4);
    expect(byTitle["Spring Concert"]).toMatchObject({
      organizer: 'Lin, Mei "MJ"',
      category: "CONCERT",
      status: "PUBLISHED",
      currency: "TWD",
      ticketsSold: 2,
      ticketsUnsold: 7, // 10 seats, 1 blocked, 2 sold
      revenue: 5000,
      refunds: 2700,
      net: 2300,
    });
    expect(byTitle["Called Off"]).toMatchObject({
      status: "CANCELLED",
      ticketsSold: 0,
      ticketsUnsold: 0,
      revenue: 1000,
      refunds: 1000,
      net: 0,
    });
    expect(byTitle["Dollar Show"]).toMatchObject({ currency: "USD", ticketsSold: 1, revenue: 30 });
  });

  it("totals per currency and tickets platform-wide, never adding TWD to USD", async () => {
    const report = await adminApi().sales();
    expect(report.tickets).toEqual({ sold: 7, unsold: 22 });
    expect(report.totals).toEqual([
      {
        currency: "TWD",
        events: 3,
        ticketsSold: 6,
        ticketsUnsold: 13,
        revenue: 8000,
        refunds: 3700,
        net: 4300,
      },
      {
        currency: "USD",
        events: 1,
        ticketsSold: 1,
        ticketsUnsold: 9,
        revenue: 30,
        refunds: 0,
        net: 30,
      },
    ]);
  });

  it("agrees with the database: sold = SOLD seats, revenue = CHARGE payments, refunds = REFUND payments", async () => {
    const { db } = database();
    const report = await adminApi().sales();
    const amount = async (kind: "CHARGE" | "REFUND", currency: string) =>
      (await db.payment.aggregate({ where: { kind, currency }, _sum: { amount: true } }))._sum
        .amount ?? 0;
    expect(report.tickets.sold).toBe(await db.eventSeat.count({ where: { status: "SOLD" } }));
    for (const total of report.totals) {
      expect(total.revenue).toBe(await amount("CHARGE", total.currency));
      expect(total.refunds).toBe(await amount("REFUND", total.currency));
    }
  });

  it("buckets money and tickets by calendar month in Taipei", async () => {
    const report = await adminApi().sales();
    expect(report.byMonth).toEqual([
      {
        month: "2026-02",
        currency: "TWD",
        ticketsSold: 2,
        revenue: 6000,
        refunds: 1000,
        net: 5000,
      },
      { month: "2026-03", currency: "TWD", ticketsSold: 0, revenue: 0, refunds: 2700, net: -2700 },
      { month: "2026-03", currency: "USD", ticketsSold: 1, revenue: 30, refunds: 0, net: 30 },
      { month: "2026-04", currency: "TWD", ticketsSold: 4, revenue: 2000, refunds: 0, net: 2000 },
    ]);
  });

  it("groups by category and currency", async () => {
    const report = await adminApi().sales();
    expect(report.byCategory).toEqual(
      expect.arrayContaining([
        {
          category: "CONCERT",
          currency: "TWD",
          events: 2,
          ticketsSold: 2,
          ticketsUnsold: 7,
          revenue: 6000,
          refunds: 3700,
          net: 2300,
        },
        {
          category: "TALK",
          currency: "TWD",
          events: 1,
          ticketsSold: 4,
          ticketsUnsold: 6,
          revenue: 2000,
          refunds: 0,
          net: 2000,
        },
        expect.objectContaining({ category: "CONCERT", currency: "USD", revenue: 30 }),
      ]),
    );
    expect(report.byCategory).toHaveLength(3);
  });

  it("with from/to, covers the events starting in that range, whenever their money moved", async () => {
    const report = await adminApi().sales({
      from: instant("2026-04-01T00:00:00Z"),
      to: instant("2026-05-01T11:00:00Z"),
    });
    expect(report.events.map((event) => event.id)).toEqual([ids[TALK]]);
    expect(report.tickets).toEqual({ sold: 4, unsold: 6 });
    expect(report.byMonth).toEqual([
      { month: "2026-04", currency: "TWD", ticketsSold: 4, revenue: 2000, refunds: 0, net: 2000 },
    ]);
    const nothing = await adminApi().sales({ from: instant("2030-01-01T00:00:00Z") });
    expect(nothing).toMatchObject({
      tickets: { sold: 0, unsold: 0 },
      totals: [],
      byMonth: [],
      events: [],
    });
  });

  it.each([
    ["an empty range", { from: "2026-04-01T00:00:00Z", to: "2026-04-01T00:00:00Z" }],
    ["a reversed range", { from: "2026-05-01T00:00:00Z", to: "2026-04-01T00:00:00Z" }],
    ["a date that is not one", { from: "next tuesday" }],
  ])("refuses %s with BAD_REQUEST", async (_, input) => {
    expect((await failure(adminApi().sales(input as never))).code).toBe("BAD_REQUEST");
    expect((await failure(adminApi().salesCsv(input as never))).code).toBe("BAD_REQUEST");
  });

  it("is for admins only", async () => {
    const { db } = database();
    for (const role of ["ORGANIZER", "ATTENDEE"] as const) {
      const caller = callerFor(db, await makeUser(db, { role })).admin;
      expect((await failure(caller.sales())).code).toBe("FORBIDDEN");
      expect((await failure(caller.salesCsv())).code).toBe("FORBIDDEN");
    }
    expect((await failure(callerFor(db, null).admin.sales())).code).toBe("UNAUTHORIZED");
  });
});

describe("admin.salesCsv", () => {
  it("writes the per-event figures, quoted where needed and defused against formulas", async () => {
    const { filename, contentType, csv } = await adminApi().salesCsv();
    expect(filename).toMatch(/^openticket-sales-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(contentType).toBe("text/csv; charset=utf-8");
    const lines = csv.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(
      "event_id,title,organizer,category,status,starts_at_taipei,currency,tickets_sold,tickets_unsold,revenue,refunds,net",
    );
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines).toContain(
      `${ids["Spring Concert"]},Spring Concert,"Lin, Mei ""MJ""",CONCERT,PUBLISHED,2026-03-15 19:30,TWD,2,7,5000,2700,2300`,
    );
    expect(lines).toContain(
      `${ids[TALK]},"'=HYPERLINK(""http://evil.example"",""Data Talk"")","Lin, Mei ""MJ""",TALK,PUBLISHED,2026-04-20 18:00,TWD,4,6,2000,0,2000`,
    );
  });

  it("covers the same events as the report for the same range", async () => {
    const range = { from: instant("2026-03-01T00:00:00Z"), to: instant("2026-04-01T00:00:00Z") };
    const report = await adminApi().sales(range);
    const { csv } = await adminApi().salesCsv(range);
    const eventIds = csv
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(eventIds).toEqual(report.events.map((event) => event.id));
    expect(eventIds).toHaveLength(2);
  });
});
