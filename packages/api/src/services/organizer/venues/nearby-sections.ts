// The venue's seats near some new ones, by section: what a new section or an imported layout
// must not overlap (./section-overlap.ts). Only seats within a pitch of the new seats' bounds
// are read, so adding to a stadium does not load all of it.
import type { Tx } from "@openticket/db";
import { SEAT_PITCH } from "./section-layout.ts";
import type { PlacedSection } from "./section-overlap.ts";

export async function nearbySections(
  tx: Tx,
  venueId: string,
  seats: readonly { x: number; y: number }[],
): Promise<PlacedSection[]> {
  if (seats.length === 0) return [];
  const xs = seats.map((seat) => seat.x);
  const ys = seats.map((seat) => seat.y);
  const near = await tx.seat.findMany({
    where: {
      venueId,
      x: { gte: Math.min(...xs) - SEAT_PITCH, lte: Math.max(...xs) + SEAT_PITCH },
      y: { gte: Math.min(...ys) - SEAT_PITCH, lte: Math.max(...ys) + SEAT_PITCH },
    },
    select: { x: true, y: true, section: { select: { name: true, ordering: true } } },
    orderBy: [{ section: { ordering: "asc" } }, { section: { name: "asc" } }],
  });
  const bySection = new Map<string, { x: number; y: number }[]>();
  for (const seat of near) {
    const list = bySection.get(seat.section.name);
    if (list) list.push(seat);
    else bySection.set(seat.section.name, [seat]);
  }
  return [...bySection].map(([name, sectionSeats]) => ({ name, seats: sectionSeats }));
}
