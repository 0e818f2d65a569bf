// checkin.events: the events the caller may scan tickets of, from those on today to those to
// come (door staff see only the events they were invited to; see scanner-access.ts).
import type { Db } from "@openticket/db";
import type { Caller } from "../../context.ts";
import { runsEvent, scannableEvents } from "./scanner-access.ts";

/** An event stays on the list this long after it ends: late scans, undo, the final count. */
const AFTER_END_MS = 12 * 3600_000;
const MAX_EVENTS = 100;

export async function listScannableEvents(db: Db, caller: Caller) {
  const events = await db.event.findMany({
    where: {
      ...scannableEvents(caller.user),
      status: "PUBLISHED",
      endsAt: { gt: new Date(caller.now().getTime() - AFTER_END_MS) },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: MAX_EVENTS,
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      organizerId: true,
      venue: { select: { name: true, timeZone: true } },
    },
  });
  return events.map(({ organizerId, ...event }) => ({
    ...event,
    /** The caller runs this event: they may undo scans. Door staff may only scan. */
    canUndo: runsEvent(caller.user, { organizerId }),
  }));
}
