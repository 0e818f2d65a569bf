// Whom the organizer console acts for, and what they may touch: an organizer their own venues
// and events, an admin all of them. Anything outside that is NOT_FOUND rather than FORBIDDEN,
// so another organizer's ids reveal nothing, not even that they exist.
import type { Db, Prisma, Role, Tx } from "@openticket/db";
import { AppError } from "../../errors.ts";

export type Actor = { id: string; role: Role };

export function ownVenues(actor: Actor): Prisma.VenueWhereInput {
  return actor.role === "ADMIN" ? {} : { ownerId: actor.id };
}

export function ownEvents(actor: Actor): Prisma.EventWhereInput {
  return actor.role === "ADMIN" ? {} : { organizerId: actor.id };
}

export async function findOwnVenue<S extends Prisma.VenueSelect>(
  db: Db | Tx,
  actor: Actor,
  venueId: string,
  select: S,
) {
  const venue = await db.venue.findFirst({ where: { id: venueId, ...ownVenues(actor) }, select });
  if (!venue) throw new AppError("NOT_FOUND", "This venue does not exist.");
  return venue;
}

export async function findOwnEvent<S extends Prisma.EventSelect>(
  db: Db | Tx,
  actor: Actor,
  eventId: string,
  select: S,
) {
  const event = await db.event.findFirst({ where: { id: eventId, ...ownEvents(actor) }, select });
  if (!event) throw new AppError("NOT_FOUND", "This event does not exist.");
  return event;
}
