// Seats per event for the event cards, read without counting event_seats: the folded count in
// event_seat_counts plus the changes a trigger on event_seats appended since the last fold
// (insert-only, so concurrent sales never wait on a counter row; see the migration
// 20261130130000_event_list_at_scale). The hold sweeper folds the changes now and then.
import { type Db, Prisma } from "@openticket/db";

export type SeatCounts = Map<string, { total: number; available: number }>;

/** Sellable (not BLOCKED) and AVAILABLE seats per event: two index lookups per event. */
export async function countSeats(db: Db, eventIds: string[]): Promise<SeatCounts> {
  const rows = await db.$queryRaw<{ event_id: string; total: number; available: number }[]>(
    seatCountsQuery(eventIds),
  );
  return new Map(rows.map((row) => [row.event_id, { total: row.total, available: row.available }]));
}

export function seatCountsQuery(eventIds: string[]) {
  return Prisma.sql`
    SELECT event_id, sum(sellable)::int AS total, sum(available)::int AS available
    FROM (SELECT event_id, sellable, available FROM event_seat_counts
          WHERE event_id = ANY(${eventIds}::uuid[])
          UNION ALL
          SELECT event_id, sellable, available FROM event_seat_count_changes
          WHERE event_id = ANY(${eventIds}::uuid[])) counted
    GROUP BY event_id`;
}

/** The same for one event, `eventId` being an SQL expression (a column of a lateral join). */
export function seatCountsOf(eventId: Prisma.Sql) {
  return Prisma.sql`
    SELECT sum(sellable)::int AS total, sum(available)::int AS available
    FROM (SELECT sellable, available FROM event_seat_counts WHERE event_id = ${eventId}
          UNION ALL
          SELECT sellable, available FROM event_seat_count_changes
          WHERE event_id = ${eventId}) counted`;
}

/**
 * Folds the appended changes into the counts, `batchSize` at a time, until none are left; safe
 * to run concurrently. Returns how many changes it folded.
 */
export async function foldSeatCounts(db: Db, batchSize = 10_000): Promise<number> {
  let folded = 0;
  for (;;) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT fold_event_seat_counts(${batchSize}::int) AS n`;
    folded += row?.n ?? 0;
    if ((row?.n ?? 0) < batchSize) return folded;
  }
}
