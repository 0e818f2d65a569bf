// organizer.waitingRoom.set: marks an event high-demand (a waiting room from `opensAt`), changes
// its admission rate live, or turns it off. A rate change keeps everything already admitted: the
// count admitted so far is recorded with the time, and the new rate runs from there.
import { type Db, runGuarded } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { dateTime, id, int } from "../../../input.ts";
import { admittedCount } from "../../waiting-room/admitted-count.ts";
import { findOwnEvent } from "../ownership.ts";

export const setWaitingRoomInput = z.object({
  eventId: id,
  /** From when buyers queue; null turns the waiting room off. A past time means now. */
  opensAt: dateTime.nullable(),
  admissionsPerMinute: int(1, 100_000),
});

export async function setWaitingRoom(
  db: Db,
  input: z.output<typeof setWaitingRoomInput>,
  caller: Caller,
) {
  const now = caller.now();
  await runGuarded(db, async (tx) => {
    const own = await findOwnEvent(tx, caller.user, input.eventId, { id: true });
    // Locked: two rate changes at once must not both start from the same admitted count.
    const [room] = await tx.$queryRaw<
      {
        waitingRoomOpensAt: Date | null;
        admissionsPerMinute: number;
        admittedAtRateChange: number;
        rateChangedAt: Date | null;
      }[]
    >`SELECT waiting_room_opens_at AS "waitingRoomOpensAt",
             admissions_per_minute AS "admissionsPerMinute",
             admitted_at_rate_change AS "admittedAtRateChange", rate_changed_at AS "rateChangedAt"
      FROM events WHERE id = ${own.id}::uuid FOR UPDATE`;
    if (!room) throw new AppError("NOT_FOUND", "This event does not exist.");
    const wasOpen = room.waitingRoomOpensAt !== null && room.waitingRoomOpensAt <= now;
    const opensAt = input.opensAt && input.opensAt < now ? now : input.opensAt;
    if (
      wasOpen &&
      opensAt !== null &&
      input.opensAt?.getTime() !== room.waitingRoomOpensAt?.getTime()
    ) {
      throw new AppError(
        "BAD_REQUEST",
        "The waiting room is open: its opening time can no longer change.",
        { field: "opensAt" },
      );
    }
    const data =
      wasOpen && opensAt
        ? // Open: the rate changes from now on; those admitted stay admitted.
          {
            admissionsPerMinute: input.admissionsPerMinute,
            admittedAtRateChange: admittedCount(room, now),
            rateChangedAt: now,
          }
        : {
            waitingRoomOpensAt: opensAt,
            admissionsPerMinute: input.admissionsPerMinute,
            admittedAtRateChange: 0,
            rateChangedAt: null,
          };
    await tx.event.update({ where: { id: own.id }, data });
  });
  return { eventId: input.eventId };
}
