// The waiting rooms open now, with their lines' figures, for the metrics
// (openticket_waiting_room_*): an operator watches the line and the admission rate during an
// on-sale, as the organizer does on the event's Waiting room tab.
import type { Db } from "@openticket/db";
import { lineFigures } from "./admitted-count.ts";
import type { WaitingRoomQueue } from "./queue.ts";

/** At most this many rooms are reported (the soonest events first): the series stay few. */
const MAX_ROOMS = 20;

export async function openWaitingRooms(db: Db, queue: WaitingRoomQueue, now: Date) {
  const rooms = await db.event.findMany({
    where: { waitingRoomOpensAt: { lte: now }, endsAt: { gt: now }, status: "PUBLISHED" },
    select: {
      id: true,
      waitingRoomOpensAt: true,
      admissionsPerMinute: true,
      admittedAtRateChange: true,
      rateChangedAt: true,
    },
    orderBy: { startsAt: "asc" },
    take: MAX_ROOMS,
  });
  return Promise.all(
    rooms.map(async (room) => {
      const { waiting, admitted } = lineFigures(room, await queue.size(room.id), now);
      return {
        eventId: room.id,
        waiting,
        admitted,
        admissionsPerMinute: room.admissionsPerMinute,
      };
    }),
  );
}
