// reservation.hold (R16, R17): all or nothing, the caller holds every requested seat or none.
//
// Shape (see docs/performance.md): a cheap read outside the transaction turns away requests that
// cannot succeed, then the SERIALIZABLE transaction does a single guarded upsert — no read of
// other buyers' rows, so innocent neighbours are not aborted. The unique hold per event seat
// decides races; the affected rows say who won.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { SEAT_CHANGES_CHANNEL, type SeatChangeMessage } from "../seat-changes/publish.ts";
import { assertOnSale } from "./event-on-sale.ts";

export const holdSeatsInput = z.object({
  eventId: z.uuid(),
  seatIds: z.array(z.uuid()).min(1).max(50),
});

export type HoldSeatsOptions = { userId: string; now: Date; holdDurationMs: number };

export async function holdSeats(
  db: Db,
  input: z.output<typeof holdSeatsInput>,
  options: HoldSeatsOptions,
) {
  const { userId, now } = options;
  const seatIds = [...new Set(input.seatIds)];
  // Client CPU per statement is what limits a Node process here (docs/performance.md): the
  // pre-check is one raw query, the transaction one statement.
  const { event, seats, myHolds } = await readHoldContext(db, input.eventId, seatIds, userId, now);
  if (!event || event.status === "DRAFT")
    throw new AppError("NOT_FOUND", "This event does not exist.");
  assertOnSale(event, now);
  if (seats.length !== seatIds.length) {
    const known = new Set(seats.map((seat) => seat.id));
    throw new AppError("BAD_REQUEST", "Some seats are not part of this event.", {
      seatIds: seatIds.filter((id) => !known.has(id)),
    });
  }
  const alreadyMine = new Set(myHolds.map((hold) => hold.eventSeatId));
  const total = new Set([...alreadyMine, ...seatIds]).size;
  if (total > event.maxSeatsPerOrder) {
    throw new AppError(
      "BAD_REQUEST",
      `At most ${event.maxSeatsPerOrder} seats per order; you would hold ${total}.`,
      { maxSeatsPerOrder: event.maxSeatsPerOrder },
    );
  }
  const taken = seats.filter(
    (seat) =>
      seat.status !== "AVAILABLE" ||
      (seat.holderId !== null &&
        seat.holderId !== userId &&
        seat.holdExpiresAt !== null &&
        seat.holdExpiresAt > now),
  );
  if (taken.length) throw seatsTakenError(taken.map((seat) => seat.id));

  // New seats join the caller's running hold: one countdown per cart, not one per click.
  const expiresAt = myHolds.length
    ? new Date(Math.min(...myHolds.map((hold) => hold.expiresAt.getTime())))
    : new Date(now.getTime() + options.holdDurationMs);
  const announcement = JSON.stringify({
    eventId: event.id,
    changes: seatIds.map((seatId) => ({
      seatId,
      status: "HELD",
      holderId: userId,
      expiresAt: expiresAt.toISOString(),
    })),
  } satisfies SeatChangeMessage);

  return runSerializable(db, async (tx) => {
    // The guarded upsert and its announcement in one statement. NOTIFY is delivered on commit
    // only, so a partial win rolled back below announces nothing.
    const [result] = await tx.$queryRaw<{ won: string[] | null }[]>`
      WITH won AS (
        INSERT INTO seat_holds (id, event_seat_id, event_id, user_id, expires_at, created_at)
        SELECT gen_random_uuid(), es.id, es.event_id, ${userId}::uuid, ${expiresAt}, ${now}
        FROM event_seats es
        WHERE es.event_id = ${event.id}::uuid
          AND es.id = ANY(${seatIds}::uuid[])
          AND es.status = 'AVAILABLE'
        ON CONFLICT (event_seat_id) DO UPDATE
          SET user_id = EXCLUDED.user_id, expires_at = EXCLUDED.expires_at, created_at = EXCLUDED.created_at
          WHERE seat_holds.expires_at <= ${now} OR seat_holds.user_id = EXCLUDED.user_id
        RETURNING event_seat_id
      )
      SELECT (SELECT array_agg(event_seat_id::text) FROM won) AS won,
             pg_notify(${SEAT_CHANGES_CHANNEL}, ${announcement})::text AS announced`;
    const won = result?.won ?? [];
    if (won.length !== seatIds.length) {
      const got = new Set(won);
      // Throwing rolls back the seats this request did get: all or nothing.
      throw seatsTakenError(seatIds.filter((id) => !got.has(id)));
    }
    return { eventId: event.id, seatIds, expiresAt };
  });
}

type HoldContext = {
  event: {
    id: string;
    status: "DRAFT" | "PUBLISHED" | "CANCELLED";
    startsAt: Date;
    salesStartAt: Date | null;
    salesEndAt: Date | null;
    maxSeatsPerOrder: number;
    currency: string;
  } | null;
  seats: { id: string; status: string; holderId: string | null; holdExpiresAt: Date | null }[];
  myHolds: { eventSeatId: string; expiresAt: Date }[];
};

/** The event, the requested seats with their holds, and the caller's running holds: one query. */
async function readHoldContext(
  db: Db,
  eventId: string,
  seatIds: string[],
  userId: string,
  now: Date,
): Promise<HoldContext> {
  const [row] = await db.$queryRaw<
    {
      event: Record<string, unknown> | null;
      seats: Record<string, unknown>[] | null;
      mine: Record<string, unknown>[] | null;
    }[]
  >`
    SELECT
      (SELECT json_build_object('id', e.id, 'status', e.status, 'startsAt', e.starts_at,
                                'salesStartAt', e.sales_start_at, 'salesEndAt', e.sales_end_at,
                                'maxSeatsPerOrder', e.max_seats_per_order, 'currency', e.currency)
       FROM events e WHERE e.id = ${eventId}::uuid) AS event,
      (SELECT json_agg(json_build_object('id', es.id, 'status', es.status,
                                         'holderId', h.user_id, 'holdExpiresAt', h.expires_at))
       FROM event_seats es LEFT JOIN seat_holds h ON h.event_seat_id = es.id
       WHERE es.event_id = ${eventId}::uuid AND es.id = ANY(${seatIds}::uuid[])) AS seats,
      (SELECT json_agg(json_build_object('eventSeatId', h.event_seat_id, 'expiresAt', h.expires_at))
       FROM seat_holds h
       WHERE h.event_id = ${eventId}::uuid AND h.user_id = ${userId}::uuid AND h.expires_at > ${now}) AS mine`;
  const date = (value: unknown) => (typeof value === "string" ? new Date(value) : null);
  const event = row?.event;
  return {
    event: event
      ? {
          id: String(event.id),
          status: event.status as "DRAFT" | "PUBLISHED" | "CANCELLED",
          startsAt: date(event.startsAt) ?? new Date(Number.NaN),
          salesStartAt: date(event.salesStartAt),
          salesEndAt: date(event.salesEndAt),
          maxSeatsPerOrder: Number(event.maxSeatsPerOrder),
          currency: String(event.currency),
        }
      : null,
    seats: (row?.seats ?? []).map((seat) => ({
      id: String(seat.id),
      status: String(seat.status),
      holderId: seat.holderId ? String(seat.holderId) : null,
      holdExpiresAt: date(seat.holdExpiresAt),
    })),
    myHolds: (row?.mine ?? []).map((hold) => ({
      eventSeatId: String(hold.eventSeatId),
      expiresAt: date(hold.expiresAt) ?? new Date(0),
    })),
  };
}

function seatsTakenError(seatIds: string[]) {
  return new AppError("CONFLICT", "Some of these seats were just taken by someone else.", {
    unavailableSeatIds: seatIds,
  });
}
