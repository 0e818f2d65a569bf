// organizer.venues.create: an empty venue owned by the caller; sections come next
// (addSection or importLayout).
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { auditJson } from "../../audit/audit-json.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { timeZoneField, venueFields, venueSelect } from "./venue-fields.ts";

export const createVenueInput = z.object({
  ...venueFields,
  timeZone: timeZoneField.default("Asia/Taipei"),
});

export async function createVenue(
  db: Db,
  input: z.output<typeof createVenueInput>,
  caller: Caller,
) {
  return runSerializable(db, async (tx) => {
    const venue = await tx.venue.create({
      data: { ...input, ownerId: caller.user.id },
      select: venueSelect,
    });
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "venue.create",
      entityType: "venue",
      entityId: venue.id,
      after: auditJson(input),
    });
    return venue;
  });
}
