// Event cards by id, in the shape of event.list items (lowest price, seats left), so the web
// app shows them with the same EventCard. The select and seat counting mirror
// ../events/list-events.ts; `satisfies` below fails the build if the two shapes drift apart.
import type { Db } from "@openticket/db";
import type { listEvents } from "../events/list-events.ts";

type EventListItem = Awaited<ReturnType<typeof listEvents>>["items"][number];

/** The cards of `eventIds`, in that order; ids that no longer exist are left out. */
export async function loadEventCards(db: Db, eventIds: string[]) {
  const [rows, seatCounts] = await Promise.all([
    db.event.findMany({
      where: { id: { in: eventIds } },
      select: {
        id: true,
        title: true,
        performer: true,
        category: true,
        city: true,
        imageUrl: true,
        startsAt: true,
        endsAt: true,
        currency: true,
        venue: { select: { name: true, timeZone: true } },
        priceTiers: { select: { price: true }, orderBy: { price: "asc" }, take: 1 },
      },
    }),
    countSeats(db, eventIds),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return eventIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { priceTiers, ...event } = row;
    const card = {
      ...event,
      lowestPrice: priceTiers[0]?.price ?? null,
      seatsTotal: seatCounts.get(id)?.total ?? 0,
      seatsAvailable: seatCounts.get(id)?.available ?? 0,
    } satisfies EventListItem;
    return [card];
  });
}

/** Sellable (not BLOCKED) and AVAILABLE seats per event, in one grouped query. */
async function countSeats(db: Db, eventIds: string[]) {
  const groups = await db.eventSeat.groupBy({
    by: ["eventId", "status"],
    where: { eventId: { in: eventIds } },
    _count: { _all: true },
  });
  const counts = new Map<string, { total: number; available: number }>();
  for (const group of groups) {
    const count = counts.get(group.eventId) ?? { total: 0, available: 0 };
    if (group.status !== "BLOCKED") count.total += group._count._all;
    if (group.status === "AVAILABLE") count.available += group._count._all;
    counts.set(group.eventId, count);
  }
  return counts;
}
