// reservation.release: gives back some or all of the caller's holds for an event.
//
// One statement: a DELETE … RETURNING (no read first — inside SERIALIZABLE a read of the small
// hold table would lock all of it and collide with every concurrent hold) that announces the
// freed seats in the same breath.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import { publishSeatChanges, SEAT_CHANGES_CHANNEL } from "../seat-changes/publish.ts";

export const releaseSeatsInput = z.object({
  eventId: z.uuid(),
  /** Omitted: release every seat the caller holds for this event. */
  seatIds: z.array(z.uuid()).min(1).max(50).optional(),
});

/** Announced in the statement itself up to this many seats; larger releases are chunked. */
const ANNOUNCE_INLINE_UP_TO = 100;

export async function releaseSeats(
  db: Db,
  input: z.output<typeof releaseSeatsInput>,
  userId: string,
) {
  const onlySeats = input.seatIds ?? null;
  return runSerializable(db, async (tx) => {
    const [result] = await tx.$queryRaw<{ released: string[] | null }[]>`
      WITH gone AS (
        DELETE FROM seat_holds
        WHERE event_id = ${input.eventId}::uuid AND user_id = ${userId}::uuid
          AND (${onlySeats}::uuid[] IS NULL OR event_seat_id = ANY(${onlySeats}::uuid[]))
        RETURNING event_seat_id
      )
      SELECT array_agg(event_seat_id::text) AS released,
             CASE WHEN count(*) BETWEEN 1 AND ${ANNOUNCE_INLINE_UP_TO}
               THEN pg_notify(${SEAT_CHANGES_CHANNEL}, json_build_object(
                 'eventId', ${input.eventId}::text,
                 'changes', json_agg(json_build_object('seatId', event_seat_id, 'status', 'AVAILABLE'))
               )::text)::text
             END AS announced
      FROM gone`;
    const released = result?.released ?? [];
    if (released.length > ANNOUNCE_INLINE_UP_TO) {
      await publishSeatChanges(
        tx,
        input.eventId,
        released.map((seatId) => ({ seatId, status: "AVAILABLE" })),
      );
    }
    return { releasedSeatIds: released };
  });
}
