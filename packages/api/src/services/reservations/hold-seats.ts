// reservation.hold (R16, R17): all or nothing, the caller holds every requested seat or none.
//
// Shape (see docs/performance.md): a cheap read outside the transaction turns away requests that
// cannot succeed, then the SERIALIZABLE transaction does a single guarded upsert — no read of
// other buyers' rows, so innocent neighbours are not aborted. The unique hold per event seat
// decides races; the affected rows say who won.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { publishSeatChanges } from "../seat-changes/publish.ts";
import { assertOnSale, loadEventForSale } from "./event-on-sale.ts";

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
  const event = await loadEventForSale(db, input.eventId);
  assertOnSale(event, now);

  const [seats, myHolds] = await Promise.all([
    db.eventSeat.findMany({
      where: { eventId: event.id, id: { in: seatIds } },
      select: { id: true, status: true, hold: { select: { userId: true, expiresAt: true } } },
    }),
    db.seatHold.findMany({
      where: { eventId: event.id, userId, expiresAt: { gt: now } },
      select: { eventSeatId: true, expiresAt: true },
    }),
  ]);
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
      (seat.hold && seat.hold.userId !== userId && seat.hold.expiresAt > now),
  );
  if (taken.length) throw seatsTakenError(taken.map((seat) => seat.id));

  // New seats join the caller's running hold: one countdown per cart, not one per click.
  const expiresAt = myHolds.length
    ? new Date(Math.min(...myHolds.map((hold) => hold.expiresAt.getTime())))
    : new Date(now.getTime() + options.holdDurationMs);

  return runSerializable(db, async (tx) => {
    const won = await tx.$queryRaw<{ event_seat_id: string }[]>`
      INSERT INTO seat_holds (id, event_seat_id, event_id, user_id, expires_at, created_at)
      SELECT gen_random_uuid(), es.id, es.event_id, ${userId}::uuid, ${expiresAt}, ${now}
      FROM event_seats es
      WHERE es.event_id = ${event.id}::uuid
        AND es.id = ANY(${seatIds}::uuid[])
        AND es.status = 'AVAILABLE'
      ON CONFLICT (event_seat_id) DO UPDATE
        SET user_id = EXCLUDED.user_id, expires_at = EXCLUDED.expires_at, created_at = EXCLUDED.created_at
        WHERE seat_holds.expires_at <= ${now} OR seat_holds.user_id = EXCLUDED.user_id
      RETURNING event_seat_id`;
    if (won.length !== seatIds.length) {
      const got = new Set(won.map((row) => row.event_seat_id));
      // Throwing rolls back the seats this request did get: all or nothing.
      throw seatsTakenError(seatIds.filter((id) => !got.has(id)));
    }
    await publishSeatChanges(
      tx,
      event.id,
      seatIds.map((seatId) => ({
        seatId,
        status: "HELD",
        holderId: userId,
        expiresAt: expiresAt.toISOString(),
      })),
    );
    return { eventId: event.id, seatIds, expiresAt };
  });
}

function seatsTakenError(seatIds: string[]) {
  return new AppError("CONFLICT", "Some of these seats were just taken by someone else.", {
    unavailableSeatIds: seatIds,
  });
}
