// checkin.recent: the organizer's (or an admin's) latest admissions at an event, newest first,
// each with what the door showed and who scanned it, so a mistaken scan can be found and undone
// (checkin.undo). Undone admissions are left out: there is nothing more to do with them.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { id } from "../../input.ts";
import { findOwnEvent } from "../organizer/ownership.ts";
import { ticketFacts, ticketFactsSelect } from "./ticket-facts.ts";

export const listRecentCheckInsInput = z.object({
  eventId: id,
  limit: z.number().int().min(1).max(50).default(10),
});

export async function listRecentCheckIns(
  db: Db,
  input: z.output<typeof listRecentCheckInsInput>,
  caller: Caller,
) {
  await findOwnEvent(db, caller.user, input.eventId, { id: true });
  const checkIns = await db.checkIn.findMany({
    where: { eventId: input.eventId, undoneAt: null, supersededAt: null },
    orderBy: [{ scannedAt: "desc" }, { id: "desc" }],
    take: input.limit,
    select: {
      id: true,
      door: true,
      scannedAt: true,
      scannedBy: { select: { displayName: true } },
      ticket: { select: ticketFactsSelect },
    },
  });
  return checkIns.map((checkIn) => ({
    checkInId: checkIn.id,
    door: checkIn.door,
    scannedAt: checkIn.scannedAt,
    scannedBy: checkIn.scannedBy.displayName,
    ...ticketFacts(checkIn.ticket),
  }));
}
