// Event cards by id, in the shape of event.list items (lowest price, seats left), so the web
// app shows them with the same EventCard.
import type { Db } from "@openticket/db";
import { countSeats, eventCardSelect, toEventCards } from "../event/list-events.ts";

/** The cards of `eventIds`, in that order; ids that no longer exist are left out. */
export async function loadEventCards(db: Db, eventIds: string[]) {
  const [rows, seatCounts] = await Promise.all([
    db.event.findMany({ where: { id: { in: eventIds } }, select: eventCardSelect }),
    countSeats(db, eventIds),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return toEventCards(
    eventIds.flatMap((id) => byId.get(id) ?? []),
    seatCounts,
  );
}
