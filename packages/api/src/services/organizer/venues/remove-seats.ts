// organizer.venues.removeSeats: takes seats out of a layout (aisles, pillars, a mixing desk),
// with their places in events that have not sold. Refused with CONFLICT once an event at the
// venue has sold (./layout-lock.ts). All or nothing: an id that is not a seat of this venue
// refuses the whole request.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { findOwnVenue } from "../ownership.ts";
import { assertLayoutUnsold, deleteSeats } from "./layout-lock.ts";

export const removeSeatsInput = z.object({
  venueId: id,
  seatIds: z.array(id).min(1).max(5_000),
});

export async function removeSeats(
  db: Db,
  input: z.output<typeof removeSeatsInput>,
  caller: Caller,
) {
  const seatIds = [...new Set(input.seatIds)];
  return runSerializable(db, async (tx) => {
    const venue = await findOwnVenue(tx, caller.user, input.venueId, { id: true });
    await assertLayoutUnsold(tx, venue.id);
    const seats = await tx.seat.findMany({
      where: { venueId: venue.id, id: { in: seatIds } },
      select: { id: true, label: true, section: { select: { name: true } } },
    });
    if (seats.length !== seatIds.length) {
      const known = new Set(seats.map((seat) => seat.id));
      throw new AppError("BAD_REQUEST", "Some seats are not part of this venue.", {
        seatIds: seatIds.filter((id) => !known.has(id)),
      });
    }
    const removed = await deleteSeats(tx, seatIds);
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "venue.removeSeats",
      entityType: "venue",
      entityId: venue.id,
      before: {
        seats: seats.map((seat) => ({
          id: seat.id,
          section: seat.section.name,
          label: seat.label,
        })),
      },
      after: { seats: [] },
    });
    return { removedSeatIds: seatIds, removed };
  });
}
