// The public event list (R3): published events filtered by category, city, date range and text,
// soonest first, with cursor pagination. Each item carries what a card shows: lowest price and
// how many seats are left.
import type { Db, Prisma } from "@openticket/db";
import { EventCategory } from "@openticket/db";
import { z } from "zod";
import type { Visitor } from "../../context.ts";
import { dateTime, id, name, pageSize, searchQuery } from "../../input.ts";
import { containsText, equalsText } from "../text-search.ts";

export const listEventsInput = z
  .object({
    category: z.enum(EventCategory).optional(),
    city: name(80).optional(),
    /** Events that end at or after this moment; defaults to now (upcoming and running). */
    from: dateTime.optional(),
    /** Events that start before this moment. */
    to: dateTime.optional(),
    q: searchQuery.optional(),
    cursor: id.optional(),
    limit: pageSize(50, 12),
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    path: ["to"],
    message: "The end of the date range must be after its start.",
  });

export type ListEventsInput = z.output<typeof listEventsInput>;

export async function listEvents(db: Db, input: ListEventsInput, caller: Visitor) {
  const now = caller.now();
  const where: Prisma.EventWhereInput = {
    status: "PUBLISHED",
    endsAt: { gte: input.from ?? now },
    ...(input.to && { startsAt: { lt: input.to } }),
    ...(input.category && { category: input.category }),
    ...(input.city && { city: equalsText(input.city) }),
    ...(input.q && {
      OR: [
        { title: containsText(input.q) },
        { performer: containsText(input.q) },
        { venue: { name: containsText(input.q) } },
      ],
    }),
  };
  const rows = await db.event.findMany({
    where,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
    select: eventCardSelect,
  });
  const page = rows.slice(0, input.limit);
  const seatCounts = await countSeats(
    db,
    page.map((event) => event.id),
  );
  return {
    items: toEventCards(page, seatCounts),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** What an event card shows; `toEventCards` finishes it with the lowest price and seats left. */
export const eventCardSelect = {
  id: true,
  title: true,
  performer: true,
  category: true,
  city: true,
  imageUrl: true,
  startsAt: true,
  endsAt: true,
  currency: true,
  venue: { select: { name: true, timeZone: true } },
  priceTiers: { select: { price: true }, orderBy: { price: "asc" }, take: 1 },
} satisfies Prisma.EventSelect;

type EventCardRow = Prisma.EventGetPayload<{ select: typeof eventCardSelect }>;

export function toEventCards(rows: EventCardRow[], seatCounts: SeatCounts) {
  return rows.map(({ priceTiers, ...event }) => ({
    ...event,
    lowestPrice: priceTiers[0]?.price ?? null,
    seatsTotal: seatCounts.get(event.id)?.total ?? 0,
    seatsAvailable: seatCounts.get(event.id)?.available ?? 0,
  }));
}

type SeatCounts = Map<string, { total: number; available: number }>;

/** Sellable (not BLOCKED) and AVAILABLE seats per event, in one grouped query. */
export async function countSeats(db: Db, eventIds: string[]) {
  const groups = await db.eventSeat.groupBy({
    by: ["eventId", "status"],
    where: { eventId: { in: eventIds } },
    _count: { _all: true },
  });
  const counts: SeatCounts = new Map();
  for (const group of groups) {
    const count = counts.get(group.eventId) ?? { total: 0, available: 0 };
    if (group.status !== "BLOCKED") count.total += group._count._all;
    if (group.status === "AVAILABLE") count.available += group._count._all;
    counts.set(group.eventId, count);
  }
  return counts;
}

/** Cities that have published upcoming events, for the list's city filter. */
export async function listEventCities(db: Db, caller: Visitor) {
  const now = caller.now();
  const rows = await db.event.findMany({
    where: { status: "PUBLISHED", endsAt: { gte: now } },
    distinct: ["city"],
    select: { city: true },
    orderBy: { city: "asc" },
  });
  return rows.map((row) => row.city);
}
