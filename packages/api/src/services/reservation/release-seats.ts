// reservation.release: gives back some or all of the caller's holds for an event.
//
// Concurrent releases are grouped (./batcher.ts) into one SERIALIZABLE transaction of one
// statement: a DELETE … RETURNING (no read first — inside SERIALIZABLE a read of the small hold
// table would lock all of it and collide with every concurrent hold) that announces the freed
// seats in the same breath.
import { type Db, runSerializable, type Tx } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { id, MAX_SEATS_PER_ORDER } from "../../input.ts";
import { metrics } from "../../observability/metrics.ts";
import { CHANGES_PER_NOTIFICATION, SEAT_CHANGES_CHANNEL } from "../seat-changes/publish.ts";
import { Batcher, type BatcherStats, type BatchOutcome, batcherPerClient } from "./batcher.ts";

export const releaseSeatsInput = z.object({
  eventId: id,
  /** Omitted: release every seat the caller holds for this event. */
  seatIds: z.array(id).min(1).max(MAX_SEATS_PER_ORDER).optional(),
});

export type ReleasedSeats = { releasedSeatIds: string[] };

export function releaseSeats(
  db: Db,
  input: z.output<typeof releaseSeatsInput>,
  caller: Caller & { signal?: AbortSignal },
): Promise<ReleasedSeats> {
  return releaseBatcher(db).submit(
    {
      eventId: input.eventId,
      userId: caller.user.id,
      seatIds: input.seatIds ? [...new Set(input.seatIds)] : null,
    },
    caller.signal,
  );
}

/** The release batcher of a database client; its `stats` are what the benchmark reports. */
export const releaseBatcher = batcherPerClient(
  (db: Db) =>
    new Batcher<ReleaseRequest, ReleasedSeats>(
      (requests, stats) => releaseBatch(db, requests, stats),
      {
        maxInFlight: 1,
        maxItems: 64,
        maxQueued: 2_000,
        onBatch: (items) => metrics.batchSize.observe({ batcher: "release" }, items),
      },
    ),
);

/** `seatIds` null: all of the caller's holds for the event. */
type ReleaseRequest = { eventId: string; userId: string; seatIds: string[] | null };

async function releaseBatch(
  db: Db,
  requests: ReleaseRequest[],
  stats: BatcherStats,
): Promise<BatchOutcome<ReleasedSeats>[]> {
  // One request per cart and batch, so every freed seat belongs to exactly one request.
  const carts = new Set<string>();
  const outcomes: BatchOutcome<ReleasedSeats>[] = [];
  const batch: { index: number; request: ReleaseRequest }[] = [];
  requests.forEach((request, index) => {
    const cart = `${request.userId} ${request.eventId}`;
    if (carts.has(cart)) outcomes[index] = { status: "deferred" };
    else {
      carts.add(cart);
      batch.push({ index, request });
    }
  });
  // Anything thrown fails the whole batch: the batcher splits it to find the culprit.
  const released = await runSerializable(db, (tx) => deleteHolds(tx, batch), {
    onRetry: () => stats.retries++,
  });
  batch.forEach(({ index }, position) => {
    outcomes[index] = {
      status: "fulfilled",
      value: { releasedSeatIds: released[position] ?? [] },
    };
  });
  return outcomes;
}

/** Deletes the holds of every request and announces them; returns each request's seats. */
async function deleteHolds(tx: Tx, batch: { request: ReleaseRequest }[]): Promise<string[][]> {
  const rows = batch.flatMap(({ request }, position) =>
    (request.seatIds ?? [null]).map((seatId) => ({ position, seatId, request })),
  );
  const [result] = await tx.$queryRaw<
    { released: { position: number; seatId: string }[] | null }[]
  >`
    WITH gone AS (
      DELETE FROM seat_holds h
      USING unnest(${rows.map((row) => row.position)}::int[],
                   ${rows.map((row) => row.request.eventId)}::uuid[],
                   ${rows.map((row) => row.request.userId)}::uuid[],
                   ${rows.map((row) => row.seatId ?? "")}::text[])
            AS r(position, event_id, user_id, seat_id)
      WHERE h.event_id = r.event_id AND h.user_id = r.user_id
        AND (r.seat_id = '' OR h.event_seat_id = r.seat_id::uuid)
        -- Seats whose payment is in flight belong to that order until it settles.
        AND h.order_id IS NULL
      RETURNING r.position, h.event_id, h.event_seat_id
    ), announced AS (
      SELECT pg_notify(${SEAT_CHANGES_CHANNEL}, json_build_object(
               'eventId', event_id,
               'changes', json_agg(json_build_object('seatId', event_seat_id, 'status', 'AVAILABLE'))
             )::text)
      FROM (SELECT *, (row_number() OVER (PARTITION BY position ORDER BY event_seat_id) - 1)
                      / ${CHANGES_PER_NOTIFICATION} AS chunk
            FROM gone) AS numbered
      GROUP BY position, event_id, chunk
    )
    SELECT (SELECT json_agg(json_build_object('position', position, 'seatId', event_seat_id))
            FROM gone) AS released,
           (SELECT count(*) FROM announced) AS announced`;
  const released: string[][] = batch.map(() => []);
  for (const { position, seatId } of result?.released ?? []) released[position]?.push(seatId);
  return released;
}
