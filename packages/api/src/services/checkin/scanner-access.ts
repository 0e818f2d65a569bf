// Who may scan an event's tickets: an admin every event, an organizer their own, and door staff
// the events an organizer invited them to (and nothing else). Another event is NOT_FOUND rather
// than FORBIDDEN, so its id reveals nothing, not even that it exists.
import type { Db, Prisma, Tx } from "@openticket/db";
import { AppError } from "../../errors.ts";
import type { Actor } from "../organizer/ownership.ts";

export function scannableEvents(actor: Actor): Prisma.EventWhereInput {
  if (actor.role === "ADMIN") return {};
  return { OR: [{ organizerId: actor.id }, { doorStaff: { some: { userId: actor.id } } }] };
}

/** Whether the actor runs the event (may undo scans, see counts, invite staff), not only scans. */
export function runsEvent(actor: Actor, event: { organizerId: string }): boolean {
  return actor.role === "ADMIN" || event.organizerId === actor.id;
}

export async function findScannableEvent<S extends Prisma.EventSelect>(
  db: Db | Tx,
  actor: Actor,
  eventId: string,
  select: S,
) {
  const event = await db.event.findFirst({
    where: { id: eventId, ...scannableEvents(actor) },
    select,
  });
  if (!event) throw new AppError("NOT_FOUND", "This event does not exist.");
  return event;
}
