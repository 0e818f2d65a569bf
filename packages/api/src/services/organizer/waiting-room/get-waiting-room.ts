// organizer.waitingRoom.get: an event's waiting room as its organizer watches it — when it
// opens, the admission rate, how many are admitted and how many still wait.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller, Context } from "../../../context.ts";
import { id } from "../../../input.ts";
import { lineFigures } from "../../waiting-room/admitted-count.ts";
import { findOwnEvent } from "../ownership.ts";

export const waitingRoomInput = z.object({ eventId: id });

export const waitingRoomSelect = {
  id: true,
  waitingRoomOpensAt: true,
  admissionsPerMinute: true,
  admittedAtRateChange: true,
  rateChangedAt: true,
} as const;

export async function getWaitingRoom(
  db: Db,
  input: z.output<typeof waitingRoomInput>,
  caller: Caller & Pick<Context, "waitingRoom">,
) {
  const room = await findOwnEvent(db, caller.user, input.eventId, waitingRoomSelect);
  const now = caller.now();
  const line = room.waitingRoomOpensAt
    ? await caller.waitingRoom.size(room.id)
    : { joined: 0, lastPosition: 0 };
  return {
    opensAt: room.waitingRoomOpensAt,
    open: room.waitingRoomOpensAt !== null && room.waitingRoomOpensAt <= now,
    admissionsPerMinute: room.admissionsPerMinute,
    ...lineFigures(room, line, now),
  };
}
