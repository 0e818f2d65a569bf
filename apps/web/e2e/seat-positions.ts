// The buyer's seat map names seats by their position in the layout (data-seat-id = position);
// tests that know event seat ids find them on the map through this.
import { getSeatLayout } from "@openticket/api";
import type { Db } from "@openticket/db";

/** Event seat id → position on the buyer's map. */
export async function seatPositions(db: Db, eventId: string): Promise<Map<string, number>> {
  // As an admin: a draft's layout too.
  const admin = { id: "", username: "e2e", role: "ADMIN" as const, sessionVersion: 0 };
  const layout = await getSeatLayout(db, eventId, { user: admin, now: () => new Date() });
  return layout.positionOf;
}
