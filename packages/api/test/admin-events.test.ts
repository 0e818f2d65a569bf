// admin.events (R14): every event with a status derived from the clock and the seats left,
// filters, sorts and pages.
import type { Prisma } from "@openticket/db";
import { makeEvent, makeUser, makeVenue, useTestDatabase } from "@openticket/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";
import { failure } from "./helpers/refusals.ts";

const database = useTestDatabase();
const hour = 3600_000;
const day = 24 * hour;
// A fixed clock, handed to the procedures: the derived statuses do not drift while tests run.
const now = new Date();
const at = (ms: number) => new Date(now.getTime() + ms);

let admin: Awaited<ReturnType<typeof makeUser>>;
const ids: Record<string, string> = {};
const adminApi = () => callerFor(database().db, admin, { now: () => now }).admin;

beforeAll(async () => {
  const { db } = database();
  admin = await makeUser(db, { role: "ADMIN" });
  const mei = await makeUser(db, { role: "ORGANIZER", username: "mei_lin" });
  const jun = await makeUser(db, { role: "ORGANIZER", username: "jun_chen" });
  // 2 × 5 = 10 seats per event.
  const taipei = await makeVenue(db, { ownerId: mei.id, city: "Taipei" });
  const tainan = await makeVenue(db, { ownerId: jun.id, city: "Tainan" });

  const make = async (
    title: string,
    options: Partial<Parameters<typeof makeEvent>[1]>,
    change: Prisma.EventUpdateInput = {},
  ) => {
    const event = await makeEvent(db, {
      organizerId: mei.id,
      venueId: taipei.id,
      title,
      ...options,
    });
    await db.event.update({ where: { id: event.id }, data: { createdAt: at(-day), ...change } });
    ids[title] = event.id;
    return event;
  };
  const setSeats = async (title: string, status: "SOLD" | "BLOCKED", count: number) => {
    const seats = await db.eventSeat.findMany({
      where: { eventId: ids[title], status: "AVAILABLE" },
      select: { id: true },
      take: count,
    });
    await db.eventSeat.updateMany({
      where: { id: { in: seats.map((seat) => seat.id) } },
      data: { status },
    });
  };

  await make("Draft Recital", { status: "DRAFT", startsAt: at(20 * day) });
  await make("Cancelled Derby", { status: "CANCELLED", startsAt: at(8 * day) });
  await make("Past Gala", { startsAt: at(-10 * day) }, { createdAt: at(-30 * day) });
  await make("Upcoming Opera", { startsAt: at(30 * day) }, { salesStartAt: at(2 * day) });
  await make("Jazz On Sale", { startsAt: at(5 * day) }, { salesStartAt: at(-3 * day) });
  await make("Full House", { startsAt: at(6 * day) });
  await make("Closed Early", { startsAt: at(3 * day) }, { salesEndAt: at(-hour) });
  await make("Running Marathon", { startsAt: at(-hour), category: "SPORTS" });
  await make("Tainan Talk", {
    organizerId: jun.id,
    venueId: tainan.id,
    startsAt: at(4 * day),
    category: "TALK",
    performer: "Dr. Wu",
  });

  await setSeats("Jazz On Sale", "SOLD", 3);
  await setSeats("Jazz On Sale", "BLOCKED", 2);
  await setSeats("Full House", "BLOCKED", 1);
  await setSeats("Full House", "SOLD", 9);
  await setSeats("Past Gala", "SOLD", 7);
  await setSeats("Tainan Talk", "SOLD", 1);
});

const titles = (result: { items: { title: string }[] }) => result.items.map((item) => item.title);

describe("admin.events", () => {
  it("derives each event's status from its stored status, the clock and the seats left", async () => {
    const { items, total } = await adminApi().events({ limit: 100 });
    expect(total).toBe(9);
    const statusOf = Object.fromEntries(items.map((item) => [item.title, item.status]));
    expect(statusOf).toEqual({
      "Draft Recital": "DRAFT",
      "Cancelled Derby": "CANCELLED",
      "Past Gala": "PAST",
      "Upcoming Opera": "PUBLISHED",
      "Jazz On Sale": "ON_SALE",
      "Full House": "SOLD_OUT",
      "Closed Early": "SALES_CLOSED",
      "Running Marathon": "SALES_CLOSED",
      "Tainan Talk": "ON_SALE",
    });
  });

  it("shows organizer, venue, city, dates, and tickets sold out of the sellable seats", async () => {
    const { items } = await adminApi().events({ q: "jazz on sale" });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: ids["Jazz On Sale"],
      title: "Jazz On Sale",
      city: "Taipei",
      organizer: { username: "mei_lin", displayName: "Test mei_lin" },
      venue: { city: "Taipei", timeZone: "Asia/Taipei" },
      startsAt: at(5 * day),
      ticketsSold: 3,
      seatsSellable: 8,
      seatsAvailable: 5,
    });
    expect(items[0]?.venue.name).toMatch(/^Venue /);
  });

  it("filters by derived status, each one", async () => {
    const expected = {
      DRAFT: ["Draft Recital"],
      PUBLISHED: ["Upcoming Opera"],
      ON_SALE: ["Jazz On Sale", "Tainan Talk"],
      SOLD_OUT: ["Full House"],
      SALES_CLOSED: ["Closed Early", "Running Marathon"],
      CANCELLED: ["Cancelled Derby"],
      PAST: ["Past Gala"],
    } as const;
    for (const [status, want] of Object.entries(expected)) {
      const result = await adminApi().events({
        status: status as keyof typeof expected,
        sort: "title",
      });
      expect({ status, titles: titles(result), total: result.total }).toEqual({
        status,
        titles: want,
        total: want.length,
      });
    }
  });

  it("filters by text (title, performer, venue, organizer), city in any case and organizer", async () => {
    expect(titles(await adminApi().events({ q: "DR. WU" }))).toEqual(["Tainan Talk"]);
    expect(titles(await adminApi().events({ q: "jun_ch" }))).toEqual(["Tainan Talk"]);
    expect(titles(await adminApi().events({ q: "100%_" }))).toEqual([]);
    expect(titles(await adminApi().events({ city: "tainan" }))).toEqual(["Tainan Talk"]);
    const mei = await database().db.user.findUniqueOrThrow({ where: { username: "mei_lin" } });
    const byMei = await adminApi().events({ organizerId: mei.id, limit: 100 });
    expect(byMei.total).toBe(8);
    expect(titles(byMei)).not.toContain("Tainan Talk");
    expect(
      titles(await adminApi().events({ q: "talk", city: "Taipei", organizerId: mei.id })),
    ).toEqual([]);
  });

  it("sorts by start, title, creation or tickets sold, either way", async () => {
    const byStart = titles(await adminApi().events({ sort: "startsAt", direction: "asc" }));
    expect(byStart[0]).toBe("Past Gala");
    expect(byStart.at(-1)).toBe("Upcoming Opera");
    expect(titles(await adminApi().events({ sort: "startsAt" }))[0]).toBe("Upcoming Opera");

    const byTitle = titles(await adminApi().events({ sort: "title" }));
    expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b)));
    expect(titles(await adminApi().events({ sort: "title", direction: "desc" }))).toEqual(
      [...byTitle].reverse(),
    );

    const bySold = (await adminApi().events({ sort: "sold" })).items.map((item) => [
      item.title,
      item.ticketsSold,
    ]);
    expect(bySold.slice(0, 4)).toEqual([
      ["Full House", 9],
      ["Past Gala", 7],
      ["Jazz On Sale", 3],
      ["Tainan Talk", 1],
    ]);
    expect(titles(await adminApi().events({ sort: "createdAt", direction: "asc" }))[0]).toBe(
      "Past Gala",
    );
  });

  it("pages through the list without gaps or repeats", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await adminApi().events({ sort: "title", page, limit: 4 });
      expect(result).toMatchObject({ page, limit: 4, total: 9, pageCount: 3 });
      seen.push(...titles(result));
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    const beyond = await adminApi().events({ page: 4, limit: 4 });
    expect(beyond).toMatchObject({ items: [], total: 9, pageCount: 3 });
  });

  it.each([
    ["an unknown status", { status: "ALMOST_SOLD" }],
    ["an unknown sort", { sort: "revenue" }],
    ["a zero limit", { limit: 0 }],
    ["a huge limit", { limit: 1000 }],
    ["page zero", { page: 0 }],
    ["an organizer id that is not a uuid", { organizerId: "mei" }],
  ])("refuses %s with BAD_REQUEST", async (_, input) => {
    const error = await failure(adminApi().events(input as never));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("is for admins only: organizers and attendees FORBIDDEN, anonymous UNAUTHORIZED", async () => {
    const { db } = database();
    for (const role of ["ORGANIZER", "ATTENDEE"] as const) {
      const user = await makeUser(db, { role });
      expect((await failure(callerFor(db, user).admin.events())).code).toBe("FORBIDDEN");
    }
    expect((await failure(callerFor(db, null).admin.events())).code).toBe("UNAUTHORIZED");
  });
});
