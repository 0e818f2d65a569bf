// organizer.venues.removeSection: a section and all its seats, under the same rule as
// removeSeats: only while no event at the venue has sold.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { findOwnVenue } from "../ownership.ts";
import { assertLayoutUnsold, deleteSeats } from "./layout-lock.ts";

export const removeSectionInput = z.object({ venueId: id, sectionId: id });

export async function removeSection(
  db: Db,
  input: z.output<typeof removeSectionInput>,
  caller: Caller,
) {
  return runSerializable(db, async (tx) => {
    const venue = await findOwnVenue(tx, caller.user, input.venueId, { id: true });
    const section = await tx.section.findFirst({
      where: { id: input.sectionId, venueId: venue.id },
      select: { id: true, name: true, seats: { select: { id: true } } },
    });
    if (!section) throw new AppError("NOT_FOUND", "This section does not exist.");
    await assertLayoutUnsold(tx, venue.id);
    const seatIds = section.seats.map((seat) => seat.id);
    await deleteSeats(tx, seatIds);
    await tx.section.delete({ where: { id: section.id } });
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "venue.removeSection",
      entityType: "venue",
      entityId: venue.id,
      before: { sectionId: section.id, name: section.name, seats: seatIds.length },
      after: { sectionId: null },
    });
    return { removedSectionId: section.id, removedSeats: seatIds.length };
  });
}
