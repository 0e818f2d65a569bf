// organizer.venues.removeSection: a section and all its seats, with their places in the venue's
// events, unless a buyer depends on one of them: a seat sold (any ticket, even a cancelled one:
// refunds and reports point at it) or held right now (a hold being paid for counts however old)
// refuses the whole removal with CONFLICT SECTION_IN_USE and the counts. An emptied section
// (every seat removed) can always go. Inside the SERIALIZABLE transaction, so a sale or hold
// committing at the same time aborts one of the two.
import { type Db, runSerializable, type Tx } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { findOwnVenue } from "../ownership.ts";
import { deleteSeats } from "./layout-lock.ts";

export const removeSectionInput = z.object({ venueId: id, sectionId: id });

export async function removeSection(
  db: Db,
  input: z.output<typeof removeSectionInput>,
  caller: Caller,
) {
  const now = caller.now();
  return runSerializable(db, async (tx) => {
    const venue = await findOwnVenue(tx, caller.user, input.venueId, { id: true });
    const section = await tx.section.findFirst({
      where: { id: input.sectionId, venueId: venue.id },
      select: { id: true, name: true, seats: { select: { id: true } } },
    });
    if (!section) throw new AppError("NOT_FOUND", "This section does not exist.");
    const { sold, held } = await seatsInUse(tx, section.id, now);
    if (sold > 0 || held > 0) {
      throw new AppError(
        "CONFLICT",
        `Section "${section.name}" has ${sold} sold and ${held} held seats, so it cannot be removed.`,
        { reason: "SECTION_IN_USE", soldSeats: sold, heldSeats: held },
      );
    }
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

/** The section's seats that buyers depend on, at any event: sold, and (otherwise) held. */
async function seatsInUse(tx: Tx, sectionId: string, now: Date) {
  const [row] = await tx.$queryRaw<{ sold: number; held: number }[]>`
    SELECT count(*) FILTER (WHERE used.sold)::int AS sold,
           count(*) FILTER (WHERE NOT used.sold AND used.held)::int AS held
    FROM seats s
    JOIN event_seats es ON es.seat_id = s.id
    CROSS JOIN LATERAL (
      SELECT es.status = 'SOLD'
               OR EXISTS (SELECT 1 FROM tickets t WHERE t.event_seat_id = es.id) AS sold,
             EXISTS (SELECT 1 FROM seat_holds h WHERE h.event_seat_id = es.id
                       AND (h.expires_at > ${now} OR h.order_id IS NOT NULL)) AS held
    ) used
    WHERE s.section_id = ${sectionId}::uuid`;
  return { sold: row?.sold ?? 0, held: row?.held ?? 0 };
}
