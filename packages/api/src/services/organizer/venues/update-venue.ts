// organizer.venues.update: name, city, address, time zone. Events copy their venue's city (the
// public list filters on it), so a new city is written to the venue's events too.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { auditJson } from "../../audit/audit-json.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { findOwnVenue } from "../ownership.ts";
import { timeZoneField, venueFields, venueSelect } from "./venue-fields.ts";

export const updateVenueInput = z.object({
  venueId: id,
  name: venueFields.name.optional(),
  city: venueFields.city.optional(),
  address: venueFields.address.optional(),
  timeZone: timeZoneField.optional(),
});

export async function updateVenue(
  db: Db,
  input: z.output<typeof updateVenueInput>,
  caller: Caller,
) {
  const { venueId, ...fields } = input;
  return runSerializable(db, async (tx) => {
    const venue = await findOwnVenue(tx, caller.user, venueId, {
      ...venueSelect,
    });
    const changed = Object.fromEntries(
      Object.entries(fields).filter(
        ([key, value]) => value !== undefined && value !== venue[key as keyof typeof fields],
      ),
    ) as Partial<typeof fields>;
    if (Object.keys(changed).length === 0) return venue;
    const updated = await tx.venue.update({
      where: { id: venue.id },
      data: changed,
      select: venueSelect,
    });
    if (changed.city) {
      await tx.event.updateMany({ where: { venueId: venue.id }, data: { city: changed.city } });
    }
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "venue.update",
      entityType: "venue",
      entityId: venue.id,
      before: auditJson(
        Object.fromEntries(
          Object.keys(changed).map((key) => [key, venue[key as keyof typeof changed]]),
        ),
      ),
      after: auditJson(changed),
    });
    return updated;
  });
}
