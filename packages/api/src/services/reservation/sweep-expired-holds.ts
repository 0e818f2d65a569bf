// The hold sweeper: deletes expired holds in bounded batches and tells seat maps the seats are
// free again. Safe to run concurrently and repeatedly: SKIP LOCKED splits the work, and a hold
// only counts while unexpired anyway, so the sweeper is housekeeping, not correctness.
import { type Db, runSerializable } from "@openticket/db";
import { publishSeatChanges } from "../seat-changes/publish.ts";

export async function sweepExpiredHolds(
  db: Db,
  options: { now: Date; batchSize?: number; maxBatches?: number },
): Promise<{ swept: number }> {
  const batchSize = options.batchSize ?? 1_000;
  const maxBatches = options.maxBatches ?? 100;
  let swept = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await runSerializable(db, async (tx) => {
      const deleted = await tx.$queryRaw<{ event_id: string; event_seat_id: string }[]>`
        DELETE FROM seat_holds
        WHERE id IN (
          SELECT id FROM seat_holds
          WHERE expires_at <= ${options.now}
          ORDER BY expires_at
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED
        ) AND expires_at <= ${options.now}
        RETURNING event_id, event_seat_id`;
      const byEvent = new Map<string, typeof deleted>();
      for (const row of deleted)
        byEvent.set(row.event_id, [...(byEvent.get(row.event_id) ?? []), row]);
      for (const [eventId, holds] of byEvent) {
        await publishSeatChanges(
          tx,
          eventId,
          holds.map((hold) => ({ seatId: hold.event_seat_id, status: "AVAILABLE" })),
        );
      }
      return deleted.length;
    });
    swept += rows;
    if (rows < batchSize) break;
  }
  return { swept };
}
