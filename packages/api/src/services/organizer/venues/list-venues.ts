// organizer.venues.list: the caller's venues (every venue for an admin) with how big they are
// and how many events use them.
import type { Db } from "@openticket/db";
import type { Caller } from "../../../context.ts";
import { ownVenues } from "../ownership.ts";
import { venueSelect } from "./venue-fields.ts";

export async function listVenues(db: Db, caller: Caller) {
  const venues = await db.venue.findMany({
    where: ownVenues(caller.user),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      ...venueSelect,
      createdAt: true,
      _count: { select: { sections: true, seats: true, events: true } },
    },
  });
  return venues.map(({ _count, ...venue }) => ({
    ...venue,
    sectionCount: _count.sections,
    seatCount: _count.seats,
    eventCount: _count.events,
  }));
}
