// The organizer's reports checked against sales made here: sales by tier and by Taipei day
// (the tests run in Los Angeles time, so bucketing in the wrong zone fails), the attendee list
// and its CSV (quoting and formula injection), analytics and the comparison across events.
import { createDb, type Db } from "@openticket/db";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";
import { DAY, makeOrganizer, sell } from "./helpers/organizer.ts";

const testDatabase = useTestDatabase();
const at = (iso: string) => new Date(iso);

// Prisma 7's adapter-pg sends timestamptz parameters without an offset, so a server whose
// TimeZone is not UTC stores every instant shifted by its offset (prisma/orm#28629); the
// embedded test server inherits TZ=America/Los_Angeles. Production servers run in UTC, and so do
// this file's connections: the instants below sit minutes from Taipei midnight, so they test the
// reports' day bucketing, which a shifted store would defeat.
let utcDb: Db;
const database = () => ({ db: utcDb });
beforeAll(() => {
  const url = new URL(testDatabase().url);
  url.searchParams.set("options", "-c TimeZone=UTC");
  utcDb = createDb(url.toString());
});
afterAll(() => utcDb.$disconnect());

let organizer: Awaited<ReturnType<typeof makeUser>>;
let eventId: string;
let startsAt: Date;
let endsAt: Date;
const orders: Record<string, { id: string; total: number }> = {};
const api = (now?: Date) =>
  callerFor(database().db, organizer, now ? { now: () => now } : {}).organizer;

async function buyer(db: Db, displayName: string, email: string, phone: string | null) {
  const user = await makeUser(db, { email });
  return db.user.update({ where: { id: user.id }, data: { displayName, phone } });
}

beforeAll(async () => {
  const { db } = database();
  const made = await makeOrganizer(db);
  organizer = made.organizer;
  const venue = await made.api.venues.create({ name: "Legacy", city: "Taipei", address: "1 Rd" });
  const front = await made.api.venues.addSection({
    venueId: venue.id,
    name: "Front",
    rows: { count: 1 },
    seatsPerRow: 4,
  });
  const back = await made.api.venues.addSection({
    venueId: venue.id,
    name: "Back",
    rows: { count: 2, firstLabel: "B" },
    seatsPerRow: 5,
    origin: { x: 0, y: 20 },
  });
  startsAt = new Date(Date.now() + 7 * DAY);
  const event = await made.api.events.create({
    venueId: venue.id,
    title: "Reported Show",
    category: "THEATRE",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    priceTiers: [
      { name: "VIP", price: 3000 },
      { name: "Standard", price: 1000 },
    ],
    sectionTiers: [
      { sectionId: front.section.id, tier: "VIP" },
      { sectionId: back.section.id, tier: "Standard" },
    ],
  });
  eventId = event.id;
  endsAt = event.endsAt;
  await made.api.events.publish({ eventId });
  const seat = new Map(
    (await made.api.seats.map({ eventId })).seats.map((entry) => [entry.label, entry.id]),
  );
  const seats = (...labels: string[]) => labels.map((label) => seat.get(label) ?? label);
  await made.api.seats.block({ eventId, seatIds: seats("C-5") });

  const alice = await buyer(db, 'Lin, Mei "MJ"', "mei.lin@example.tw", "+886912345678");
  const bob = await buyer(db, '=HYPERLINK("http://evil.example")', "bob@example.tw", null);
  const carol = await buyer(db, "@carol", "carol@example.tw", "-5");
  const dave = await buyer(db, "Dave Chen", "dave@example.tw", "0912 000 000");
  // 23:30 on 1 March in Taipei.
  orders.alice = await sell(db, {
    eventId,
    buyerId: alice.id,
    eventSeatIds: seats("A-1", "A-2"),
    at: at("2026-03-01T15:30:00Z"),
    checkedIn: 1,
  });
  // 00:30 on 2 March in Taipei, still 1 March in UTC and in Los Angeles.
  orders.bob = await sell(db, {
    eventId,
    buyerId: bob.id,
    eventSeatIds: seats("B-1"),
    at: at("2026-03-01T16:30:00Z"),
  });
  // Cancelled with an 80% refund at 01:00 on 4 March in Taipei.
  orders.carol = await sell(db, {
    eventId,
    buyerId: carol.id,
    eventSeatIds: seats("B-2", "B-3"),
    at: at("2026-03-02T02:00:00Z"),
    cancelled: { refund: 1600, at: at("2026-03-03T17:00:00Z") },
  });
  orders.dave = await sell(db, {
    eventId,
    buyerId: dave.id,
    eventSeatIds: seats("C-1"),
    at: at("2026-03-03T03:00:00Z"),
  });
});

describe("organizer.sales", () => {
  it("adds up tickets and money by tier and by day in the venue's time zone", async () => {
    const sales = await api().sales({ eventId });
    expect(sales).toMatchObject({ currency: "TWD", timeZone: "Asia/Taipei" });
    expect(sales.totals).toEqual({
      ticketsSold: 4,
      revenue: 10_000,
      refunds: 1600,
      net: 8400,
      keptFromCancellations: 400,
      discounts: 0,
    });
    expect(sales.byTier.map(({ tierId: _, ...tier }) => tier)).toEqual([
      { name: "VIP", price: 3000, seats: 4, ticketsSold: 2, revenue: 6000 },
      { name: "Standard", price: 1000, seats: 9, ticketsSold: 2, revenue: 2000 },
    ]);
    expect(sales.byDay).toEqual([
      { date: "2026-03-01", ticketsSold: 2, revenue: 6000, refunds: 0, net: 6000 },
      { date: "2026-03-02", ticketsSold: 1, revenue: 3000, refunds: 0, net: 3000 },
      { date: "2026-03-03", ticketsSold: 1, revenue: 1000, refunds: 0, net: 1000 },
      { date: "2026-03-04", ticketsSold: 0, revenue: 0, refunds: 1600, net: -1600 },
    ]);
    // No order used a discount code.
    expect(sales.byCode).toEqual([]);
  });
});

describe("organizer.attendees", () => {
  it("lists ticket holders in order of purchase with seats and check-in state", async () => {
    const list = await api().attendees({ eventId });
    expect(list.total).toBe(3);
    expect(list.nextCursor).toBeNull();
    expect(list.items.map((item) => item.orderId)).toEqual([
      orders.alice?.id,
      orders.bob?.id,
      orders.dave?.id,
    ]);
    expect(list.items[0]).toMatchObject({
      displayName: 'Lin, Mei "MJ"',
      email: "mei.lin@example.tw",
      phone: "+886912345678",
      orderedAt: at("2026-03-01T15:30:00Z"),
      checkedIn: 1,
      checkIn: "PARTIAL",
      tickets: [
        { seat: "A-1", section: "Front", tier: "VIP", pricePaid: 3000, status: "CHECKED_IN" },
        { seat: "A-2", section: "Front", tier: "VIP", pricePaid: 3000, status: "VALID" },
      ],
    });
    expect(list.items[2]).toMatchObject({ checkIn: "NONE", tickets: [{ seat: "C-1" }] });
  });

  it("searches by name, e-mail and seat, and pages with a cursor", async () => {
    const ids = async (q: string) =>
      (await api().attendees({ eventId, q })).items.map((item) => item.orderId);
    expect(await ids("MEI")).toEqual([orders.alice?.id]);
    expect(await ids("bob@")).toEqual([orders.bob?.id]);
    expect(await ids("c-1")).toEqual([orders.dave?.id]);
    expect(await ids("A-2")).toEqual([orders.alice?.id]);
    // Carol's order was cancelled: she holds no tickets.
    expect(await ids("carol")).toEqual([]);
    // Search text is text: % and _ are not wildcards.
    expect(await ids("%")).toEqual([]);
    expect(await ids("_")).toEqual([]);
    expect(await ids('Mei "MJ')).toEqual([orders.alice?.id]);

    const first = await api().attendees({ eventId, limit: 2 });
    expect(first.items).toHaveLength(2);
    const rest = await api().attendees({
      eventId,
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(rest).toMatchObject({ items: [{ orderId: orders.dave?.id }], nextCursor: null });
  });

  it("exports every ticket as CSV, quoted and safe from formula injection", async () => {
    const file = await api().attendeesCsv({ eventId });
    expect(file).toMatchObject({ contentType: "text/csv; charset=utf-8", rows: 4 });
    expect(file.filename).toBe(`attendees-${eventId}.csv`);
    const lines = file.csv.split("\r\n");
    const checkedInAt = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Asia/Taipei",
      dateStyle: "short",
      timeStyle: "short",
    }).format(startsAt);
    expect(lines).toEqual([
      "order_id,ordered_at,name,email,phone,section,seat,tier,price_paid,discount_code,order_discount,status,checked_in_at,ticket_type",
      `${orders.alice?.id},2026-03-01 23:30,"Lin, Mei ""MJ""",mei.lin@example.tw,'+886912345678,Front,A-1,VIP,3000,,0,CHECKED_IN,${checkedInAt},`,
      `${orders.alice?.id},2026-03-01 23:30,"Lin, Mei ""MJ""",mei.lin@example.tw,'+886912345678,Front,A-2,VIP,3000,,0,VALID,,`,
      `${orders.bob?.id},2026-03-02 00:30,"'=HYPERLINK(""http://evil.example"")",bob@example.tw,,Back,B-1,Standard,1000,,0,VALID,,`,
      `${orders.dave?.id},2026-03-03 11:00,Dave Chen,dave@example.tw,0912 000 000,Back,C-1,Standard,1000,,0,VALID,,`,
      "",
    ]);
  });
});

describe("organizer.analytics", () => {
  it("gives utilisation overall and per section and row, leaving blocked seats out", async () => {
    const analytics = await api().analytics({ eventId });
    expect(analytics.seats).toEqual({
      total: 14,
      blocked: 1,
      sellable: 13,
      sold: 4,
      unsold: 9,
      utilisation: 4 / 13,
    });
    expect(
      analytics.sections.map(({ name, sellable, sold, blocked, utilisation }) => ({
        name,
        sellable,
        sold,
        blocked,
        utilisation,
      })),
    ).toEqual([
      { name: "Front", sellable: 4, sold: 2, blocked: 0, utilisation: 0.5 },
      { name: "Back", sellable: 9, sold: 2, blocked: 1, utilisation: 2 / 9 },
    ]);
    expect(analytics.sections[1]?.rows).toEqual([
      { row: "B", sellable: 5, sold: 1, utilisation: 0.2 },
      { row: "C", sellable: 4, sold: 1, utilisation: 0.25 },
    ]);
    expect(analytics.revenue).toEqual({ revenue: 10_000, refunds: 1600, net: 8400 });
    // Attendance means nothing before the doors open.
    expect(analytics.attendance).toBeNull();
    // No ticket types: every ticket is at its tier's price, nothing to break down.
    expect(analytics.byType).toEqual([]);
    expect(analytics.byCode).toEqual([]);
  });

  it("gives attendance once the event has started, final once it has ended", async () => {
    const during = await api(new Date(startsAt.getTime() + 60_000)).analytics({ eventId });
    expect(during.attendance).toEqual({ sold: 4, checkedIn: 1, rate: 0.25, final: false });
    const after = await api(new Date(endsAt.getTime() + 60_000)).analytics({ eventId });
    expect(after.attendance).toMatchObject({ final: true, rate: 0.25 });
  });
});

describe("organizer.comparison", () => {
  it("sets the caller's events side by side, with totals", async () => {
    const { db } = database();
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
    await api().events.create({
      venueId: event.venueId,
      title: "Next Season",
      category: "THEATRE",
      startsAt: new Date(startsAt.getTime() + 30 * DAY),
      endsAt: new Date(startsAt.getTime() + 30 * DAY + 3600_000),
      priceTiers: [{ name: "All", price: 500 }],
    });
    const comparison = await api(new Date(endsAt.getTime() + 60_000)).comparison();
    expect(comparison.events.map((item) => [item.title, item.status])).toEqual([
      ["Reported Show", "PUBLISHED"],
      ["Next Season", "DRAFT"],
    ]);
    expect(comparison.events[0]).toMatchObject({
      ticketsSold: 4,
      sellable: 13,
      utilisation: 4 / 13,
      checkedIn: 1,
      attendanceRate: 0.25,
      revenue: 10_000,
      refunds: 1600,
      net: 8400,
    });
    expect(comparison.events[1]).toMatchObject({
      ticketsSold: 0,
      sellable: 14,
      attendanceRate: null,
    });
    expect(comparison.totals).toEqual([
      {
        currency: "TWD",
        events: 2,
        ticketsSold: 4,
        sellable: 13,
        checkedIn: 1,
        revenue: 10_000,
        refunds: 1600,
        net: 8400,
        utilisation: 4 / 13,
        attendanceRate: 0.25,
      },
    ]);
    // Another organizer compares nothing of this one's.
    const other = await makeOrganizer(db);
    expect(await other.api.comparison()).toEqual({ events: [], totals: [] });
  });
});
