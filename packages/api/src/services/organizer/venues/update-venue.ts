// organizer.venues.update: name, city, address, time zone. Events copy their venue's city (the
// public list filters on it), so a new city is written to the venue's events too. Tickets may
// be sold for events there: every holder of a live ticket of each upcoming published event at
// the venue gets the event-changed notice (old and new place), in the same transaction.
import { randomUUID } from "node:crypto";
import { type Db, runSerializable, type Tx } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { auditJson } from "../../audit/audit-json.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { queueEventChangedNotices } from "../../mail/event-changed-notices.ts";
import type { EventWhenWhere } from "../../mail/queue-mail.ts";
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
    await noticeHolders(tx, venue, updated, caller.now());
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

type Place = { id: string; name: string; address: string; city: string; timeZone: string };

/**
 * The notice for each upcoming published event at the venue. A fresh id names the change in the
 * message keys: this runs once per committed change (a retried transaction's rows are gone,
 * and asking for the same values again changes nothing, so notices nothing).
 */
async function noticeHolders(tx: Tx, before: Place, after: Place, now: Date) {
  const events = await tx.event.findMany({
    where: { venueId: before.id, status: "PUBLISHED", startsAt: { gt: now } },
    select: { id: true, startsAt: true, endsAt: true },
  });
  const change = `venue:${randomUUID()}`;
  for (const event of events) {
    const whenWhere = (place: Place): EventWhenWhere => ({
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: place.timeZone,
      venueName: place.name,
      address: place.address,
      city: place.city,
    });
    await queueEventChangedNotices(tx, {
      eventId: event.id,
      change,
      before: whenWhere(before),
      after: whenWhere(after),
    });
  }
}
