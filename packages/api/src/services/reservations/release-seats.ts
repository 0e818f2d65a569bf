// reservation.release: gives back some or all of the caller's holds for an event.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import { publishSeatChanges } from "../seat-changes/publish.ts";

export const releaseSeatsInput = z.object({
  eventId: z.uuid(),
  /** Omitted: release every seat the caller holds for this event. */
  seatIds: z.array(z.uuid()).min(1).max(50).optional(),
});

export async function releaseSeats(
  db: Db,
  input: z.output<typeof releaseSeatsInput>,
  userId: string,
) {
  return runSerializable(db, async (tx) => {
    const released = await tx.seatHold.findMany({
      where: {
        eventId: input.eventId,
        userId,
        ...(input.seatIds && { eventSeatId: { in: input.seatIds } }),
      },
      select: { id: true, eventSeatId: true },
    });
    if (released.length === 0) return { releasedSeatIds: [] };
    await tx.seatHold.deleteMany({
      where: { id: { in: released.map((hold) => hold.id) }, userId },
    });
    await publishSeatChanges(
      tx,
      input.eventId,
      released.map((hold) => ({ seatId: hold.eventSeatId, status: "AVAILABLE" })),
    );
    return { releasedSeatIds: released.map((hold) => hold.eventSeatId) };
  });
}
