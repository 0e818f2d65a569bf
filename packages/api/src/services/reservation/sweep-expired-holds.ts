// The hold sweeper: deletes expired holds in bounded batches and tells seat maps the seats are
// free again. Safe to run concurrently and repeatedly: SKIP LOCKED splits the work between
// sweepers, and a hold only counts while unexpired anyway, so the sweeper is housekeeping (and
// the messenger of expiry to open seat maps), not correctness.
//
// READ COMMITTED, not SERIALIZABLE: a serializable read of seat_holds takes a predicate lock on
// the whole (small, busy) table and draws every concurrent hold, release and checkout into its
// conflict checks. A guarded delete needs no snapshot of its own (see runGuarded):
// - `FOR UPDATE SKIP LOCKED` locks each hold it picks and skips one that another transaction is
//   changing at that moment (its holder extending it through hold-seats.ts's guarded upsert,
//   checkout attaching it to an order), instead of waiting or deleting under it.
// - A hold changed and committed after the statement began is re-read when locked and
//   re-checked against `expires_at <= now` (PostgreSQL's EvalPlanQual), and the DELETE checks it
//   once more on the locked row, which nobody can change before we commit. An extended hold, or
//   one checkout kept for its payment's grace (order_id set, expires_at pushed past the grace),
//   therefore no longer qualifies and is never swept while the grace lasts.
import { type Db, Prisma, runGuarded } from "@openticket/db";
import { foldSeatCounts } from "../event/seat-counts.ts";
import { publishSeatChanges } from "../seat-changes/publish.ts";

export async function sweepExpiredHolds(
  db: Db,
  options: {
    /** Tests move the clock; otherwise expiry is judged by the database's own clock. */
    now?: Date;
    batchSize?: number;
    maxBatches?: number;
  } = {},
): Promise<{ swept: number }> {
  const batchSize = options.batchSize ?? 1_000;
  const maxBatches = options.maxBatches ?? 100;
  const now = options.now ? Prisma.sql`${options.now}::timestamptz` : Prisma.sql`now()`;
  let swept = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await runGuarded(db, async (tx) => {
      const deleted = await tx.$queryRaw<{ event_id: string; event_seat_id: string }[]>`
        DELETE FROM seat_holds
        WHERE id IN (
          SELECT id FROM seat_holds
          WHERE expires_at <= ${now}
          ORDER BY expires_at
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED
        ) AND expires_at <= ${now}
        RETURNING event_id, event_seat_id`;
      const byEvent = new Map<string, string[]>();
      for (const row of deleted)
        byEvent.set(row.event_id, [...(byEvent.get(row.event_id) ?? []), row.event_seat_id]);
      for (const [eventId, seatIds] of byEvent) {
        await publishSeatChanges(
          tx,
          eventId,
          seatIds.map((seatId) => ({ seatId, status: "AVAILABLE" })),
        );
      }
      return deleted.length;
    });
    swept += rows;
    if (rows < batchSize) break;
  }
  // A buyer's hold window (hold_carts, kept by triggers on seat_holds) outlives their holds, so
  // that releasing and holding again does not restart it; once it has ended and holds nothing,
  // its row is only clutter. A hold being written locks the row first, so SKIP LOCKED and the
  // re-checked condition never take a window from under it.
  await db.$executeRaw`
    DELETE FROM hold_carts
    WHERE (user_id, event_id) IN (
      SELECT user_id, event_id FROM hold_carts
      WHERE seats = 0 AND window_ends_at <= ${now}
      LIMIT ${batchSize * maxBatches}
      FOR UPDATE SKIP LOCKED
    ) AND seats = 0 AND window_ends_at <= ${now}`;
  // Best-available requests' keys (hold_requests) answer retries, which come within seconds: a
  // day later they are forgotten.
  await db.$executeRaw`DELETE FROM hold_requests WHERE created_at < ${now} - interval '1 day'`;
  // Housekeeping of the same kind: the event cards' seat counts (services/event/seat-counts.ts).
  await foldSeatCounts(db);
  return { swept };
}

/**
 * How long until the next hold runs out, by the database's clock (0 if one already has), or
 * null when nobody holds anything. One look at the expires_at index.
 */
export async function msUntilNextHoldExpiry(db: Db): Promise<number | null> {
  const [row] = await db.$queryRaw<{ ms: number | null }[]>`
    SELECT (extract(epoch FROM (SELECT min(expires_at) FROM seat_holds) - clock_timestamp())
            * 1000)::float8 AS ms`;
  return row?.ms == null ? null : Math.max(0, row.ms);
}
