// The public event list (R3): published events filtered by category, city, date range and text,
// soonest first, with cursor pagination. Each item carries what a card shows: lowest price and
// how many seats are left.
import { type Db, EventCategory, Prisma } from "@openticket/db";
import { z } from "zod";
import type { Visitor } from "../../context.ts";
import { dateTime, id, name, pageSize, searchQuery } from "../../input.ts";
import { escapeLike } from "../text-search.ts";
import { countSeats, type SeatCounts, seatCountsOf } from "./seat-counts.ts";

export { countSeats };

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
  // One round trip: the page's ids, then what each card shows (raw SQL, because Prisma's
  // select for the same cards cost three times the rest of the call; see docs/performance.md).
  const rows = await db.$queryRaw<ListedCardRow[]>`
    WITH page AS (${eventPageQuery(input, caller.now())})
    SELECT e.id, e.title, e.performer, e.category::text AS category, e.city,
           e.image_url AS "imageUrl", e.cover_key AS "coverKey", e.cover_width AS "coverWidth",
           e.cover_height AS "coverHeight", e.starts_at AS "startsAt", e.ends_at AS "endsAt",
           e.currency, v.name AS "venueName", v.time_zone AS "venueTimeZone",
           (SELECT min(pt.price) FROM price_tiers pt WHERE pt.event_id = e.id) AS "lowestPrice",
           COALESCE(seats.total, 0)::int AS "seatsTotal",
           COALESCE(seats.available, 0)::int AS "seatsAvailable"
    FROM page
    JOIN events e ON e.id = page.id
    JOIN venues v ON v.id = e.venue_id
    LEFT JOIN LATERAL (${seatCountsOf(Prisma.sql`e.id`)}) seats ON true
    ORDER BY e.starts_at, e.id`;
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ venueName, venueTimeZone, ...card }) => ({
      ...card,
      venue: { name: venueName, timeZone: venueTimeZone },
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** A card as the list's query returns it: the fields of `eventCardSelect`, finished. */
type ListedCardRow = {
  id: string;
  title: string;
  performer: string;
  category: EventCategory;
  city: string;
  imageUrl: string | null;
  coverKey: string | null;
  coverWidth: number | null;
  coverHeight: number | null;
  startsAt: Date;
  endsAt: Date;
  currency: string;
  venueName: string;
  venueTimeZone: string;
  lowestPrice: number | null;
  seatsTotal: number;
  seatsAvailable: number;
};

/**
 * The ids of one page (and one more, to tell whether there is a next), soonest first. "Not
 * ended by `from`" is split in two so that each part is one index range, never a read of every
 * past event: events that start at or after `from` (an index by starts_at, in order, stopping
 * after a page) and events running at `from` (a GiST index of their periods; a handful). Ends
 * are after starts (a CHECK), so the two together are exactly `ends_at >= from`.
 */
export function eventPageQuery(input: ListEventsInput, now: Date) {
  const from = input.from ?? now;
  const take = input.limit + 1;
  const filters = [Prisma.sql`e.status = 'PUBLISHED'`];
  if (input.to) filters.push(Prisma.sql`e.starts_at < ${input.to}`);
  if (input.category) filters.push(Prisma.sql`e.category = ${input.category}::"EventCategory"`);
  // The ILIKE of old without wildcards: lower() on both sides is what ILIKE compares (in a UTF-8
  // database), and this form has an index (events_published_city_idx).
  if (input.city) filters.push(Prisma.sql`lower(e.city) = lower(${input.city})`);
  if (input.cursor) {
    // After the cursor's event in the list's order; an unknown cursor gives an empty page.
    filters.push(Prisma.sql`(e.starts_at, e.id) >
      (SELECT c.starts_at, c.id FROM events c WHERE c.id = ${input.cursor}::uuid)`);
  }
  const where = Prisma.join(filters, " AND ");
  const upcoming = Prisma.sql`e.starts_at >= ${from}`;
  const running = Prisma.sql`e.starts_at < ${from}
    AND tstzrange(e.starts_at, e.ends_at, '[]') @> ${from}::timestamptz`;
  // Unordered on purpose, the running part: ordered, the planner would rather walk every past
  // event by starts_at, hoping for a page soon, than look up the few running ones.
  if (!input.q) {
    return Prisma.sql`
      SELECT id FROM (
        (SELECT e.id, e.starts_at FROM events e WHERE ${where} AND ${upcoming}
         ORDER BY e.starts_at, e.id LIMIT ${take})
        UNION ALL
        SELECT e.id, e.starts_at FROM events e WHERE ${where} AND ${running}
      ) page
      ORDER BY starts_at, id LIMIT ${take}`;
  }
  // Text: the same ILIKE as ever on title, performer and venue name, on candidates from the
  // index of one- and two-character pieces (see the migration for why none is missed). The
  // planner cannot tell how many candidates a query has (it multiplies the pieces' frequencies
  // as if independent), so a common text would make it read thousands of them to sort them.
  // First, then, the text is looked for in the next SCAN_FIRST upcoming events in order: a
  // common text fills the page there; a rarer one has few candidates, read from the index.
  const pattern = `%${escapeLike(input.q)}%`;
  const matches = Prisma.sql`(e.title ILIKE ${pattern} OR e.performer ILIKE ${pattern}
    OR EXISTS (SELECT 1 FROM venues v WHERE v.id = e.venue_id AND v.name ILIKE ${pattern}))`;
  const candidates = Prisma.sql`e.search_grams @> search_query_grams(${input.q})`;
  return Prisma.sql`
    WITH scanned AS (
      SELECT e.id, e.starts_at, e.title, e.performer, e.venue_id, e.search_grams FROM events e
      WHERE ${where} AND ${upcoming}
      ORDER BY e.starts_at, e.id LIMIT ${SCAN_FIRST}
    ), early AS (
      SELECT e.id, e.starts_at FROM scanned e WHERE ${candidates} AND ${matches}
      ORDER BY e.starts_at, e.id LIMIT ${take}
    )
    SELECT id FROM (
      SELECT id, starts_at FROM early WHERE (SELECT count(*) FROM early) = ${take}
      UNION ALL
      (SELECT e.id, e.starts_at FROM events e
       WHERE (SELECT count(*) FROM early) < ${take}
         AND ${where} AND ${upcoming} AND ${candidates} AND ${matches}
       ORDER BY e.starts_at, e.id LIMIT ${take})
      UNION ALL
      -- Not by the pieces' index either: the running events are few, and the planner's guess
      -- of the candidates would make it prefer that index.
      SELECT e.id, e.starts_at FROM events e WHERE ${where} AND ${running} AND ${matches}
    ) page
    ORDER BY starts_at, id LIMIT ${take}`;
}

/** How many upcoming events a text search reads in order before it turns to the index. */
const SCAN_FIRST = 500;

/** What an event card shows; `toEventCards` finishes it with the lowest price and seats left. */
export const eventCardSelect = {
  id: true,
  title: true,
  performer: true,
  category: true,
  city: true,
  imageUrl: true,
  coverKey: true,
  coverWidth: true,
  coverHeight: true,
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

/** Cities that have published upcoming events, for the list's city filter. */
export async function listEventCities(db: Db, caller: Visitor) {
  const rows = await db.$queryRaw<{ city: string }[]>(citiesQuery(caller.now()));
  return rows.map((row) => row.city);
}

/**
 * The distinct cities one index probe each (a loose scan of (status, city, ends_at)), then one
 * probe each for whether the city still has an event that has not ended.
 */
export function citiesQuery(now: Date) {
  return Prisma.sql`
    WITH RECURSIVE cities AS (
      (SELECT city FROM events WHERE status = 'PUBLISHED' ORDER BY city LIMIT 1)
      UNION ALL
      SELECT (SELECT e.city FROM events e WHERE e.status = 'PUBLISHED' AND e.city > c.city
              ORDER BY e.city LIMIT 1)
      FROM cities c WHERE c.city IS NOT NULL
    )
    SELECT city FROM cities c
    WHERE c.city IS NOT NULL AND EXISTS (
      SELECT 1 FROM events e
      WHERE e.status = 'PUBLISHED' AND e.city = c.city AND e.ends_at >= ${now})
    ORDER BY city`;
}
