// admin.events (R14): every event on the platform, drafts and cancelled ones included, with its
// organizer, venue, seats sold and a status derived from the stored status, the clock and the
// seats left. The derived status and the "sold" sort need per-event seat counts, so one SQL
// query filters, sorts and pages the ids; Prisma then loads what each row shows.
import { type Db, Prisma } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { id, int, name, pageSize, searchQuery } from "../../input.ts";
import { salesCloseSql } from "../event/sale-state.ts";

/**
 * What an admin sees, first match wins: DRAFT and CANCELLED as stored; PAST once the event has
 * ended; PUBLISHED before its sales open; SOLD_OUT when no seat is AVAILABLE; SALES_CLOSED when
 * the sales window is over but the event has not ended (e.g. while it runs); else ON_SALE.
 */
export const ADMIN_EVENT_STATUSES = [
  "DRAFT",
  "PUBLISHED",
  "ON_SALE",
  "SOLD_OUT",
  "SALES_CLOSED",
  "CANCELLED",
  "PAST",
] as const;

export type AdminEventStatus = (typeof ADMIN_EVENT_STATUSES)[number];

export const listAllEventsInput = z
  .object({
    /** Title, performer, venue name or organizer name/username, any case. */
    q: searchQuery.optional(),
    status: z.enum(ADMIN_EVENT_STATUSES).optional(),
    city: name(80).optional(),
    organizerId: id.optional(),
    sort: z.enum(["startsAt", "title", "createdAt", "sold"]).default("startsAt"),
    /** Defaults to A→Z for titles and to newest/most first for the others. */
    direction: z.enum(["asc", "desc"]).optional(),
    page: int(1, 100_000).default(1),
    limit: pageSize(100, 20),
  })
  .prefault({});

export type ListAllEventsInput = z.output<typeof listAllEventsInput>;

const SORT_KEYS = {
  startsAt: Prisma.sql`starts_at`,
  title: Prisma.sql`lower(title)`,
  createdAt: Prisma.sql`created_at`,
  sold: Prisma.sql`sold`,
} as const;

export async function listAllEvents(db: Db, input: ListAllEventsInput, caller: Caller) {
  const matching = matchingEvents(input, caller.now());
  const direction =
    (input.direction ?? (input.sort === "title" ? "asc" : "desc")) === "asc"
      ? Prisma.sql`ASC`
      : Prisma.sql`DESC`;
  const [pageRows, [count]] = await Promise.all([
    db.$queryRaw<
      { id: string; status: AdminEventStatus; sold: number; sellable: number; available: number }[]
    >`
      WITH matching AS (${matching})
      SELECT id, derived_status AS status, sold, sellable, available FROM matching
      ORDER BY ${SORT_KEYS[input.sort]} ${direction}, id ${direction}
      LIMIT ${input.limit} OFFSET ${(input.page - 1) * input.limit}`,
    db.$queryRaw<{ total: number }[]>`
      WITH matching AS (${matching}) SELECT count(*)::int AS total FROM matching`,
  ]);

  const details = await db.event.findMany({
    where: { id: { in: pageRows.map((row) => row.id) } },
    select: {
      id: true,
      title: true,
      performer: true,
      category: true,
      city: true,
      startsAt: true,
      endsAt: true,
      salesStartAt: true,
      salesEndAt: true,
      currency: true,
      createdAt: true,
      organizer: { select: { id: true, username: true, displayName: true } },
      venue: { select: { id: true, name: true, city: true, timeZone: true } },
    },
  });
  const byId = new Map(details.map((event) => [event.id, event]));
  const total = count?.total ?? 0;
  return {
    items: pageRows.flatMap((row) => {
      const event = byId.get(row.id);
      // Deleted between the two queries: leave it out rather than show half a row.
      if (!event) return [];
      return [
        {
          ...event,
          status: row.status,
          ticketsSold: row.sold,
          seatsSellable: row.sellable,
          seatsAvailable: row.available,
        },
      ];
    }),
    page: input.page,
    limit: input.limit,
    total,
    pageCount: Math.ceil(total / input.limit),
  };
}

/** The events that pass every filter, with their seat counts and derived status. */
function matchingEvents(input: ListAllEventsInput, now: Date) {
  const filters: Prisma.Sql[] = [];
  if (input.q) {
    const q = input.q.toLowerCase();
    // strpos, not LIKE: the search text needs no escaping of % and _.
    filters.push(Prisma.sql`(
      strpos(lower(e.title), ${q}) > 0 OR strpos(lower(e.performer), ${q}) > 0
      OR strpos(lower(v.name), ${q}) > 0 OR strpos(lower(o.display_name), ${q}) > 0
      OR strpos(lower(o.username), ${q}) > 0)`);
  }
  if (input.city) filters.push(Prisma.sql`lower(e.city) = ${input.city.toLowerCase()}`);
  if (input.organizerId) filters.push(Prisma.sql`e.organizer_id = ${input.organizerId}::uuid`);
  const where = filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;

  const events = Prisma.sql`
    SELECT e.id, e.title, e.starts_at, e.created_at, seats.sold, seats.sellable, seats.available,
      CASE
        WHEN e.status = 'DRAFT' THEN 'DRAFT'
        WHEN e.status = 'CANCELLED' THEN 'CANCELLED'
        WHEN e.ends_at <= ${now} THEN 'PAST'
        WHEN e.sales_start_at > ${now} THEN 'PUBLISHED'
        WHEN seats.available = 0 THEN 'SOLD_OUT'
        WHEN ${salesCloseSql("e")} <= ${now} THEN 'SALES_CLOSED'
        ELSE 'ON_SALE'
      END AS derived_status
    FROM events e
    JOIN users o ON o.id = e.organizer_id
    JOIN venues v ON v.id = e.venue_id
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE es.status = 'SOLD')::int AS sold,
             count(*) FILTER (WHERE es.status <> 'BLOCKED')::int AS sellable,
             count(*) FILTER (WHERE es.status = 'AVAILABLE')::int AS available
      FROM event_seats es WHERE es.event_id = e.id
    ) seats
    ${where}`;
  return input.status
    ? Prisma.sql`SELECT * FROM (${events}) listed WHERE derived_status = ${input.status}`
    : events;
}
