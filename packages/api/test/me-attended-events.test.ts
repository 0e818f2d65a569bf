// me.attendedEvents: only past events the caller held a live ticket for, newest first, with
// ticket counts and check-in, paged by cursor; nobody else's, nothing cancelled or ahead.
import { randomUUID } from "node:crypto";
import type { Db, TicketStatus } from "@openticket/db";
import { makeEvent, makeUser, makeVenue, useTestDatabase } from "@openticket/db/testing";
import type { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";

const database = useTestDatabase();
const day = 24 * 3600_000;
const NOW = new Date();
const inDays = (days: number) => new Date(NOW.getTime() + days * day);

/** An order of `userId` for the next free seats of `eventId`, one ticket per status given. */
async function book(
  db: Db,
  userId: string,
  eventId: string,
  tickets: TicketStatus[],
  status: "PAID" | "CANCELLED" = "PAID",
) {
  const seats = await db.eventSeat.findMany({
    where: { eventId, status: "AVAILABLE" },
    orderBy: { id: "asc" },
    take: tickets.length,
  });
  await db.order.create({
    data: {
      userId,
      eventId,
      status,
      total: 1000 * tickets.length,
      idempotencyKey: randomUUID(),
      tickets: {
        create: seats.map((seat, i) => ({
          eventSeatId: seat.id,
          pricePaid: 1000,
          status: tickets[i] ?? "VALID",
          code: randomUUID(),
        })),
      },
    },
  });
  if (status === "PAID") {
    await db.eventSeat.updateMany({
      where: { id: { in: seats.map((seat) => seat.id) } },
      data: { status: "SOLD" },
    });
  }
}

let attendee: Awaited<ReturnType<typeof makeUser>>;
let venueName = "";

beforeAll(async () => {
  const { db } = database();
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const someoneElse = await makeUser(db);
  attendee = await makeUser(db);
  const venue = await makeVenue(db, { ownerId: organizer.id, city: "Tainan" });
  venueName = venue.name;
  const make = (title: string, startsAt: Date) =>
    makeEvent(db, {
      organizerId: organizer.id,
      venueId: venue.id,
      title,
      startsAt,
      category: "TALK",
      performer: "Dr. Chou",
    });

  const lastWeek = await make("Last Week", inDays(-7));
  await book(db, attendee.id, lastWeek.id, ["CHECKED_IN", "VALID"]);
  const lastMonth = await make("Last Month", inDays(-30));
  await book(db, attendee.id, lastMonth.id, ["VALID"]);
  const twoOrders = await make("Two Orders", inDays(-14));
  await book(db, attendee.id, twoOrders.id, ["VALID"]);
  await book(db, attendee.id, twoOrders.id, ["VALID"]);
  await book(db, attendee.id, twoOrders.id, ["CANCELLED", "CANCELLED"], "CANCELLED");
  const refunded = await make("Refunded Show", inDays(-3));
  await book(db, attendee.id, refunded.id, ["CANCELLED"], "CANCELLED");
  const nextWeek = await make("Next Week", inDays(7));
  await book(db, attendee.id, nextWeek.id, ["VALID"]);
  const othersShow = await make("Someone Else's Show", inDays(-2));
  await book(db, someoneElse.id, othersShow.id, ["CHECKED_IN"]);
  await make("Not Booked", inDays(-1));
  for (let i = 0; i < 5; i++) {
    const series = await make(`Series ${i}`, inDays(-40 - i));
    await book(db, attendee.id, series.id, ["CHECKED_IN"]);
  }
});

const api = (now = NOW) => callerFor(database().db, attendee, { now: () => now });
const titles = (items: { title: string }[]) => items.map((item) => item.title);
const ATTENDED = [
  "Last Week",
  "Two Orders",
  "Last Month",
  ...Array.from({ length: 5 }, (_, i) => `Series ${i}`),
];

describe("me.attendedEvents", () => {
  it("lists past events with a live ticket, newest first, and nothing cancelled, ahead or not mine", async () => {
    const { items, nextCursor } = await api().me.attendedEvents({ limit: 50 });
    expect(titles(items)).toEqual(ATTENDED);
    expect(nextCursor).toBeNull();
  });

  it("gives card fields, the live ticket count and whether any ticket was checked in", async () => {
    const { items } = await api().me.attendedEvents({ limit: 3 });
    expect(items[0]).toEqual({
      id: expect.any(String),
      title: "Last Week",
      performer: "Dr. Chou",
      category: "TALK",
      city: "Tainan",
      imageUrl: null,
      startsAt: inDays(-7),
      venue: { name: venueName, timeZone: "Asia/Taipei" },
      ticketCount: 2,
      checkedIn: true,
    });
    expect(items.map(({ ticketCount, checkedIn }) => ({ ticketCount, checkedIn }))).toEqual([
      { ticketCount: 2, checkedIn: true },
      // Two paid orders count; the cancelled one's tickets do not.
      { ticketCount: 2, checkedIn: false },
      { ticketCount: 1, checkedIn: false },
    ]);
  });

  it("follows the application clock: an event becomes attended once it has started", async () => {
    const later = await api(inDays(8)).me.attendedEvents({ limit: 2 });
    expect(titles(later.items)).toEqual(["Next Week", "Last Week"]);
  });

  it("pages with a cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await api().me.attendedEvents({ limit: 3, cursor });
      seen.push(...titles(page.items));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ATTENDED);
  });

  it("is empty for someone who has attended nothing", async () => {
    const { db } = database();
    const newcomer = await makeUser(db);
    const page = await callerFor(db, newcomer).me.attendedEvents();
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it("refuses the signed-out with UNAUTHORIZED and a bad page size with BAD_REQUEST", async () => {
    const signedOut = await callerFor(database().db, null)
      .me.attendedEvents({})
      .catch((caught: unknown) => caught);
    expect((signedOut as TRPCError).code).toBe("UNAUTHORIZED");
    const oversized = await api()
      .me.attendedEvents({ limit: 500 })
      .catch((caught: unknown) => caught);
    expect((oversized as TRPCError).code).toBe("BAD_REQUEST");
  });
});
