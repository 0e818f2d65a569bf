// organizer.venues.create: a venue owned by the caller. Sections come next (addSection or
// importLayout) — or, for a room without seats (a talk, a workshop), one standing zone of a
// capacity made with it, in the same transaction: its events sell places by quantity.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { int } from "../../../input.ts";
import { auditJson } from "../../audit/audit-json.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { insertSectionIn, sectionNameField } from "./add-section.ts";
import { MAX_STANDING_CAPACITY, standingZone } from "./add-standing-zone.ts";
import { timeZoneField, venueFields, venueSelect } from "./venue-fields.ts";

export const createVenueInput = z.object({
  ...venueFields,
  timeZone: timeZoneField.default("Asia/Taipei"),
  /** No seats: the venue is one standing zone of this many places ("General admission"). */
  standingZone: z
    .object({ name: sectionNameField, capacity: int(1, MAX_STANDING_CAPACITY) })
    .optional(),
});

export async function createVenue(
  db: Db,
  input: z.output<typeof createVenueInput>,
  caller: Caller,
) {
  const { standingZone: zone, ...fields } = input;
  return runSerializable(
    db,
    async (tx) => {
      const venue = await tx.venue.create({
        data: { ...fields, ownerId: caller.user.id },
        select: venueSelect,
      });
      await recordAudit(tx, {
        actorId: caller.user.id,
        action: "venue.create",
        entityType: "venue",
        entityId: venue.id,
        after: auditJson(fields),
      });
      if (zone) await insertSectionIn(tx, standingZone({ venueId: venue.id, ...zone }), caller);
      return venue;
    },
    { timeoutMs: 60_000 },
  );
}
