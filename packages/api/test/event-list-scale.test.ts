// The event list's indexes and counters (issue 13) give the answers the plain queries gave:
// text search against the ILIKE it replaced, seat counts against counting event_seats after
// every path that changes a seat, events running at `from`, and the cities.
import type { Db } from "@openticket/db";
import { makeEvent, makeUser, makeVenue, useTestDatabase } from "@openticket/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { countSeats } from "../src/services/event/list-events.ts";
import { loadEventCards } from "../src/services/me/event-cards.ts";
import { sweepExpiredHolds } from "../src/services/reservation/sweep-expired-holds.ts";
import { containsText } from "../src/services/text-search.ts";
import { callerFor } from "./helpers/callers.ts";
import { checkoutAndPay, eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase();
const api = () => callerFor(database().db, null);
const hour = 3600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * hour);
const titles = (items: { title: string }[]) => items.map((item) => item.title);

/** What event.list answered before issue 13: Prisma's ILIKE over the three fields, unindexed. */
async function listedBefore(db: Db, q: string) {
  const rows = await db.event.findMany({
    where: {
      status: "PUBLISHED",
      endsAt: { gte: new Date() },
      OR: [
        { title: containsText(q) },
        { performer: containsText(q) },
        { venue: { name: containsText(q) } },
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { title: true },
  });
  return titles(rows);
}

describe("event.list text search", () => {
  let organizerId = "";
  let arenaId = "";

  beforeAll(async () => {
    const { db } = database();
    const organizer = await makeUser(db, { role: "ORGANIZER" });
    organizerId = organizer.id;
    const arena = await makeVenue(db, { ownerId: organizer.id });
    await db.venue.update({ where: { id: arena.id }, data: { name: "台北小巨蛋 Taipei Arena" } });
    arenaId = arena.id;
    const hall = await makeVenue(db, { ownerId: organizer.id, city: "Tainan" });
    const events: [string, string, string][] = [
      ["Jazz Night", "Blue Quartet", hall.id],
      ["周杰倫 嘉年華世界巡迴演唱會", "周杰倫 Jay Chou", arena.id],
      ["五月天 好好好想見到你", "五月天", arena.id],
      ["100% Pure Talk", "", hall.id],
      ["A_B Testing Workshop", "Data Folk", hall.id],
      ["Back\\slash Comedy", "", hall.id],
      ["ÉCOLE Française", "Chœur", hall.id],
      ["Night", "Blue Notes", hall.id],
    ];
    for (const [i, [title, performer, venueId]] of events.entries()) {
      await makeEvent(db, { organizerId, venueId, title, performer, startsAt: inHours(24 + i) });
    }
    await makeEvent(db, {
      organizerId,
      venueId: hall.id,
      title: "Jazz Draft",
      status: "DRAFT",
      startsAt: inHours(30),
    });
  });

  it("finds what the ILIKE found, for Latin, CJK, one and two characters and wildcards", async () => {
    const { db } = database();
    const queries = [
      "jazz",
      "JAZZ",
      "quartet",
      "blue",
      "周杰",
      "杰",
      "周杰倫",
      "五月天",
      "好想",
      "小巨蛋",
      "taipei arena",
      "蛋 T",
      "%",
      "100%",
      "_",
      "A_B",
      "a_b",
      "ab",
      "\\",
      "k\\s",
      "é",
      "école",
      "œ",
      "z",
      "zz",
      "night blue",
      "t",
    ];
    for (const q of queries) {
      const { items } = await api().event.list({ q, limit: 50 });
      expect({ q, titles: titles(items) }).toEqual({ q, titles: await listedBefore(db, q) });
    }
    // A few that must find something, so the comparison above is not all empty lists.
    expect(titles((await api().event.list({ q: "杰" })).items)).toEqual([
      "周杰倫 嘉年華世界巡迴演唱會",
    ]);
    expect(titles((await api().event.list({ q: "a_b" })).items)).toEqual(["A_B Testing Workshop"]);
    expect(titles((await api().event.list({ q: "蛋" })).items)).toHaveLength(2);
    expect(titles((await api().event.list({ q: "\\" })).items)).toEqual(["Back\\slash Comedy"]);
    // Pieces of two fields side by side are not a match.
    expect(titles((await api().event.list({ q: "night blue" })).items)).toEqual([]);
  });

  it("follows a renamed venue and a retitled event", async () => {
    const { db } = database();
    const organizer = await db.user.findUniqueOrThrow({ where: { id: organizerId } });
    await callerFor(db, organizer).organizer.venues.update({
      venueId: arenaId,
      name: "Kaohsiung Dome 高雄巨蛋",
    });
    expect(titles((await api().event.list({ q: "小巨蛋" })).items)).toEqual([]);
    expect(titles((await api().event.list({ q: "高雄" })).items)).toHaveLength(2);
    const jazz = await db.event.findFirstOrThrow({ where: { title: "Jazz Night" } });
    await db.event.update({ where: { id: jazz.id }, data: { title: "Swing Night" } });
    expect(titles((await api().event.list({ q: "jazz" })).items)).toEqual([]);
    expect(titles((await api().event.list({ q: "swing" })).items)).toEqual(["Swing Night"]);
    expect(titles((await api().event.list({ q: "swing" })).items)).toEqual(
      await listedBefore(db, "swing"),
    );
  });

  it("pages a search with a cursor without gaps or repeats", async () => {
    const { db } = database();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api().event.list({ q: "n", limit: 2, cursor });
      seen.push(...titles(page.items));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual(await listedBefore(db, "n"));
  });
});

describe("event.list dates", () => {
  it("lists an event running at `from` (started before it), soonest first, and not one that ended", async () => {
    const { db } = database();
    const organizer = await makeUser(db, { role: "ORGANIZER" });
    const venue = await makeVenue(db, { ownerId: organizer.id, city: "Hualien" });
    const make = async (title: string, startsAt: Date, endsAt: Date) => {
      const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id, title });
      await db.event.update({ where: { id: event.id }, data: { startsAt, endsAt } });
    };
    await make("Month-long Exhibition", inHours(-24 * 10), inHours(24 * 20));
    await make("Ended Yesterday", inHours(-30), inHours(-24));
    await make("Tomorrow", inHours(24), inHours(26));
    await make("Ends Exactly Then", inHours(100), inHours(200));
    const list = async (input: { from?: Date; to?: Date }) =>
      titles((await api().event.list({ city: "hualien", ...input })).items);
    expect(await list({})).toEqual(["Month-long Exhibition", "Tomorrow", "Ends Exactly Then"]);
    expect(await list({ from: inHours(25), to: inHours(24 * 30) })).toEqual([
      "Month-long Exhibition",
      "Tomorrow",
      "Ends Exactly Then",
    ]);
    expect(await list({ from: inHours(27), to: inHours(150) })).toEqual([
      "Month-long Exhibition",
      "Ends Exactly Then",
    ]);
    const endsAt = (await db.event.findFirstOrThrow({ where: { title: "Ends Exactly Then" } }))
      .endsAt;
    expect(await list({ from: endsAt })).toEqual(["Month-long Exhibition", "Ends Exactly Then"]);
    expect(await list({ from: new Date(endsAt.getTime() + 1) })).toEqual(["Month-long Exhibition"]);
    expect(await list({ from: inHours(24 * 21) })).toEqual([]);
  });
});

describe("event.cities", () => {
  it("lists each city with a published event that has not ended, once, in order", async () => {
    const { db } = database();
    const organizer = await makeUser(db, { role: "ORGANIZER" });
    for (const [city, status, startsAt] of [
      ["Penghu", "PUBLISHED", inHours(5)],
      ["Penghu", "PUBLISHED", inHours(9)],
      ["Kinmen", "DRAFT", inHours(5)],
      ["Matsu", "PUBLISHED", inHours(-48)],
      ["Alishan", "CANCELLED", inHours(5)],
      ["alishan", "PUBLISHED", inHours(5)],
    ] as const) {
      const venue = await makeVenue(db, { ownerId: organizer.id, city });
      await makeEvent(db, { organizerId: organizer.id, venueId: venue.id, status, startsAt });
    }
    const cities = await api().event.cities();
    const before = await db.event.findMany({
      where: { status: "PUBLISHED", endsAt: { gte: new Date() } },
      distinct: ["city"],
      select: { city: true },
      orderBy: { city: "asc" },
    });
    expect(cities).toEqual(before.map((row) => row.city));
    expect(cities).toContain("Penghu");
    expect(cities).toContain("alishan");
    expect(cities).not.toContain("Kinmen");
    expect(cities).not.toContain("Matsu");
    expect(cities).not.toContain("Alishan");
  });
});

describe("seat counts", () => {
  async function counted(db: Db, eventId: string) {
    const [row] = await db.$queryRaw<{ total: number; available: number }[]>`
      SELECT count(*) FILTER (WHERE status <> 'BLOCKED')::int AS total,
             count(*) FILTER (WHERE status = 'AVAILABLE')::int AS available
      FROM event_seats WHERE event_id = ${eventId}::uuid`;
    return row;
  }

  it("stay exact through holds, sales, blocking, unblocking, refunds and folding", async () => {
    const { db } = database();
    const sale = await eventOnSale(db, {
      rows: 2,
      seatsPerRow: 5,
      event: { refundableUntilHours: 48, refundPercent: 100 },
    });
    const eventId = sale.event.id;
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const buyerApi = callerFor(db, buyer);
    const organizerApi = callerFor(db, sale.organizer);
    const card = async () => {
      const items = (await api().event.list({ q: sale.event.title })).items;
      return { total: items[0]?.seatsTotal, available: items[0]?.seatsAvailable };
    };
    const expectCounts = async (total: number, available: number) => {
      expect(await counted(db, eventId)).toEqual({ total, available });
      expect((await countSeats(db, [eventId])).get(eventId)).toEqual({ total, available });
      expect(await card()).toEqual({ total, available });
    };

    await expectCounts(10, 10);
    // The list's own query gives the cards the Prisma select gives elsewhere (me/event-cards).
    const listed = (await api().event.list({ q: sale.event.title })).items;
    expect(listed).toEqual(await loadEventCards(db, [eventId]));
    expect(listed[0]).toMatchObject({ lowestPrice: 1000, startsAt: sale.event.startsAt });
    // A held seat is still AVAILABLE (held-ness lives in seat_holds), as before.
    await buyerApi.reservation.hold({ eventId, seatIds: sale.seatIds.slice(0, 2) });
    await expectCounts(10, 10);
    const order = await checkoutAndPay(buyerApi, eventId, "scale-test-checkout");
    expect(order.status).toBe("PAID");
    await expectCounts(10, 8);
    await organizerApi.organizer.seats.block({ eventId, seatIds: sale.seatIds.slice(2, 5) });
    await expectCounts(7, 5);
    await organizerApi.organizer.seats.unblock({ eventId, seatIds: sale.seatIds.slice(2, 3) });
    await expectCounts(8, 6);
    await buyerApi.order.cancel({ orderId: order.id, idempotencyKey: "scale-test-cancel" });
    await expectCounts(8, 8);

    const changes = () => db.eventSeatCountChange.count({ where: { eventId } }).then((n) => n > 0);
    expect(await changes()).toBe(true);
    await sweepExpiredHolds(db);
    expect(await changes()).toBe(false);
    await expectCounts(8, 8);
    await organizerApi.organizer.seats.block({ eventId, seatIds: sale.seatIds.slice(5, 6) });
    await expectCounts(7, 7);
  });

  it("let an event with seats be deleted, and drop its changes when folding", async () => {
    const { db } = database();
    const sale = await eventOnSale(db, { rows: 1, seatsPerRow: 4 });
    await db.event.delete({ where: { id: sale.event.id } });
    await sweepExpiredHolds(db);
    expect(await db.eventSeatCountChange.count({ where: { eventId: sale.event.id } })).toBe(0);
    expect(await db.eventSeatCount.count({ where: { eventId: sale.event.id } })).toBe(0);
  });
});
