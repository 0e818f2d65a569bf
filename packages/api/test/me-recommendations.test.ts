// me.recommendations: upcoming events ranked performer > category > city from the caller's paid
// bookings, sooner first on ties, topped up with the best sellers; nothing past, unpublished,
// sold out, not yet on sale or already booked. No history: best sellers only.
import { randomUUID } from "node:crypto";
import type { Db, EventCategory, Prisma } from "@openticket/db";
import { makeEvent, makeUser, makeVenue, useTestDatabase } from "@openticket/db/testing";
import type { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";

const database = useTestDatabase();
const day = 24 * 3600_000;
const NOW = new Date();
const inDays = (days: number) => new Date(NOW.getTime() + days * day);

/** An order of `userId` for the next `count` free seats of `eventId`. */
async function book(
  db: Db,
  userId: string,
  eventId: string,
  count: number,
  status: "PAID" | "CANCELLED" = "PAID",
) {
  const seats = await db.eventSeat.findMany({
    where: { eventId, status: "AVAILABLE" },
    orderBy: { id: "asc" },
    take: count,
  });
  await db.order.create({
    data: {
      userId,
      eventId,
      status,
      total: 1000 * count,
      idempotencyKey: randomUUID(),
      tickets: {
        create: seats.map((seat) => ({
          eventSeatId: seat.id,
          pricePaid: 1000,
          status: status === "PAID" ? ("VALID" as const) : ("CANCELLED" as const),
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

type User = Awaited<ReturnType<typeof makeUser>>;
let fan: User;
let upcomingOnly: User;
let newcomer: User;

beforeAll(async () => {
  const { db } = database();
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const crowd = await makeUser(db);
  [fan, upcomingOnly, newcomer] = await Promise.all([makeUser(db), makeUser(db), makeUser(db)]);
  const venues = {
    Taipei: await makeVenue(db, { ownerId: organizer.id, city: "Taipei" }),
    Kaohsiung: await makeVenue(db, { ownerId: organizer.id, city: "Kaohsiung" }),
    Hualien: await makeVenue(db, { ownerId: organizer.id, city: "Hualien" }),
  };
  const make = async (
    title: string,
    options: {
      performer?: string;
      category: EventCategory;
      city: keyof typeof venues;
      day: number;
      sold?: number;
      event?: Prisma.EventUpdateInput;
      status?: "DRAFT" | "CANCELLED";
    },
  ) => {
    const event = await makeEvent(db, {
      organizerId: organizer.id,
      venueId: venues[options.city].id,
      title,
      performer: options.performer ?? `${title} Band`,
      category: options.category,
      startsAt: inDays(options.day),
      status: options.status,
    });
    if (options.event) await db.event.update({ where: { id: event.id }, data: options.event });
    if (options.sold) await book(db, crowd.id, event.id, options.sold);
    return event;
  };

  // The fan's history: one show attended, one ahead, one refunded (which does not count).
  const farewell = await make("Neon Farewell", {
    performer: "Neon Harbour",
    category: "CONCERT",
    city: "Taipei",
    day: -30,
  });
  await book(db, fan.id, farewell.id, 1);
  const tonight = await make("Neon Tonight", {
    performer: "Neon Harbour",
    category: "CONCERT",
    city: "Taipei",
    day: 10,
    sold: 1,
  });
  await book(db, fan.id, tonight.id, 2);
  await book(db, upcomingOnly.id, tonight.id, 1);
  const refunded = await make("Refunded Workshop", {
    category: "WORKSHOP",
    city: "Hualien",
    day: 6,
  });
  await book(db, fan.id, refunded.id, 2, "CANCELLED");

  // Candidates; the comment gives the fan's score (performer 4, category 2, city 1).
  await make("Neon Live", {
    performer: "Neon Harbour",
    category: "OTHER",
    city: "Kaohsiung",
    day: 20,
    sold: 1,
  }); // 4
  await make("Neon Encore", {
    performer: "Neon Harbour",
    category: "OTHER",
    city: "Kaohsiung",
    day: 30,
    event: { salesStartAt: inDays(3) }, // on sale soon
  }); // 4
  await make("Taipei Concert", { category: "CONCERT", city: "Taipei", day: 3, sold: 2 }); // 3
  await make("Kaohsiung Concert", { category: "CONCERT", city: "Kaohsiung", day: 2, sold: 4 }); // 2
  await make("Taipei Derby", { category: "SPORTS", city: "Taipei", day: 1 }); // 1
  await make("Taipei Expo", { category: "EXHIBITION", city: "Taipei", day: 4, sold: 3 }); // 1
  await make("Harbour Derby", { category: "SPORTS", city: "Kaohsiung", day: 1, sold: 6 }); // 0
  await make("Hualien Talk", { category: "TALK", city: "Hualien", day: 8, sold: 5 }); // 0

  // Never recommended, however well they match.
  const neon = { performer: "Neon Harbour", category: "CONCERT", city: "Taipei" } as const;
  await make("Neon Past", { ...neon, day: -5 });
  await make("Neon Draft", { ...neon, day: 12, status: "DRAFT" });
  await make("Neon Called Off", { ...neon, day: 13, status: "CANCELLED" });
  await make("Neon Sold Out", { ...neon, day: 14, sold: 10 });
  await make("Neon Sales Closed", { ...neon, day: 1, event: { salesEndAt: inDays(-0.1) } });
  await make("Neon Later", { ...neon, day: 90, event: { salesStartAt: inDays(60) } });
});

const api = (user: User) => callerFor(database().db, user, { now: () => NOW });
const titles = (items: { title: string }[]) => items.map((item) => item.title);

describe("me.recommendations", () => {
  it("ranks performer > category > city, sooner first, then tops up with best sellers", async () => {
    const { items } = await api(fan).me.recommendations({ limit: 24 });
    expect(titles(items)).toEqual([
      "Neon Live", // performer, day 20
      "Neon Encore", // performer, day 30
      "Taipei Concert", // category + city
      "Kaohsiung Concert", // category
      "Taipei Derby", // city, day 1
      "Taipei Expo", // city, day 4
      "Harbour Derby", // popular, 6 sold
      "Hualien Talk", // popular, 5 sold
      "Refunded Workshop", // popular, 0 sold: a refunded order neither excludes nor counts
    ]);
  });

  it("says why, naming the latest event attended", async () => {
    const { items } = await api(fan).me.recommendations({ limit: 24 });
    const reasons = Object.fromEntries(items.map((item) => [item.title, item.reason]));
    const because = { becauseEventTitle: "Neon Farewell", becauseEventPast: true };
    expect(reasons).toEqual({
      "Neon Live": { kind: "performer", value: "Neon Harbour", ...because },
      "Neon Encore": { kind: "performer", value: "Neon Harbour", ...because },
      "Taipei Concert": { kind: "category", value: "CONCERT", ...because },
      "Kaohsiung Concert": { kind: "category", value: "CONCERT", ...because },
      "Taipei Derby": { kind: "city", value: "Taipei", ...because },
      "Taipei Expo": { kind: "city", value: "Taipei", ...because },
      "Harbour Derby": { kind: "popular" },
      "Hualien Talk": { kind: "popular" },
      "Refunded Workshop": { kind: "popular" },
    });
  });

  it("names an upcoming booking when nothing matching has happened yet", async () => {
    const { items } = await api(upcomingOnly).me.recommendations({ limit: 1 });
    expect(items[0]).toMatchObject({
      title: "Neon Live",
      reason: {
        kind: "performer",
        value: "Neon Harbour",
        becauseEventTitle: "Neon Tonight",
        becauseEventPast: false,
      },
    });
  });

  it("gives six by default, each in the shape of an event.list item", async () => {
    const { db } = database();
    const { items } = await api(fan).me.recommendations();
    expect(items).toHaveLength(6);
    const [listed] = (await callerFor(db, null).event.list({ q: "Neon Live" })).items;
    const { reason, ...card } = items[0] ?? { reason: null };
    expect(card).toEqual(listed);
    expect(card).toMatchObject({ lowestPrice: 1000, seatsTotal: 10, seatsAvailable: 9 });
    expect(reason).toMatchObject({ kind: "performer" });
  });

  it("gives someone without history the best sellers, sooner first on equal sales", async () => {
    const { items } = await api(newcomer).me.recommendations({ limit: 5 });
    expect(titles(items)).toEqual([
      "Harbour Derby", // 6 sold
      "Hualien Talk", // 5
      "Kaohsiung Concert", // 4, day 2
      "Neon Tonight", // 4 (1 + the fan's 2 + 1), day 10
      "Taipei Expo", // 3
    ]);
    expect(items.every((item) => item.reason.kind === "popular")).toBe(true);
  });

  it("refuses the signed-out with UNAUTHORIZED", async () => {
    const error = await callerFor(database().db, null)
      .me.recommendations()
      .catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe("UNAUTHORIZED");
  });
});
