// waitingRoom.join and waitingRoom.place: a buyer's place in an event's waiting room, as they
// see it — where they stand, about how long until they are admitted, and once admitted, their
// admission pass (renewed on every call, so it stays short-lived while the page is open).
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller, Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id } from "../../input.ts";
import { signAdmissionPass } from "./admission-pass.ts";
import {
  admittedCount,
  estimatedWaitSeconds,
  idleAllowance,
  type WaitingRoomSettings,
} from "./admitted-count.ts";
import type { QueuePlace } from "./queue.ts";

export const placeInLineInput = z.object({ eventId: id });

type WaitingRoomCaller = Caller & Pick<Context, "settings" | "waitingRoom">;

export type PlaceInLine =
  /** The event has no waiting room: buy as usual. */
  | { state: "NO_WAITING_ROOM" }
  /** Not in line yet (waitingRoom.place only): join. */
  | { state: "NOT_JOINED"; opensAt: Date }
  /** In line before the opening: the early group's places are drawn at `opensAt`. */
  | { state: "EARLY"; opensAt: Date; pollAfterSeconds: number }
  /** In line: `ahead` places to go (`position` is ahead + 1), about `estimatedWaitSeconds`. */
  | {
      state: "WAITING";
      position: number;
      estimatedWaitSeconds: number;
      admissionsPerMinute: number;
      pollAfterSeconds: number;
    }
  /** Admitted: send `pass` with holds and checkouts of this event until `passExpiresAt`. */
  | { state: "ADMITTED"; pass: string; passExpiresAt: Date; pollAfterSeconds: number };

export async function joinWaitingRoom(
  db: Db,
  input: z.output<typeof placeInLineInput>,
  caller: WaitingRoomCaller,
): Promise<PlaceInLine> {
  const now = caller.now();
  const event = await findRoom(db, input.eventId);
  const opensAt = event.waitingRoomOpensAt;
  if (!opensAt) return { state: "NO_WAITING_ROOM" };
  const room = { ...event, waitingRoomOpensAt: opensAt };
  const early = now < opensAt;
  const place = await caller.waitingRoom.join({
    eventId: room.id,
    userId: caller.user.id,
    now,
    early,
    minNumber: admittedCount(room, now) - idleAllowance(room) + 1,
  });
  return describe(room, place, caller, now);
}

export async function getPlaceInLine(
  db: Db,
  input: z.output<typeof placeInLineInput>,
  caller: WaitingRoomCaller,
): Promise<PlaceInLine> {
  const now = caller.now();
  const event = await findRoom(db, input.eventId);
  const opensAt = event.waitingRoomOpensAt;
  if (!opensAt) return { state: "NO_WAITING_ROOM" };
  const room = { ...event, waitingRoomOpensAt: opensAt };
  const place = await caller.waitingRoom.find(room.id, caller.user.id, now >= opensAt);
  if (!place) return { state: "NOT_JOINED", opensAt };
  return describe(room, place, caller, now);
}

type Room = WaitingRoomSettings & { id: string; waitingRoomOpensAt: Date };

function describe(
  room: Room,
  place: QueuePlace,
  caller: WaitingRoomCaller,
  now: Date,
): PlaceInLine {
  if (place.position === null) {
    const untilOpening = (room.waitingRoomOpensAt.getTime() - now.getTime()) / 1000;
    return {
      state: "EARLY",
      opensAt: room.waitingRoomOpensAt,
      pollAfterSeconds: pollAfter(untilOpening),
    };
  }
  const ahead = place.position - admittedCount(room, now);
  if (ahead <= 0) {
    const passExpiresAt = new Date(now.getTime() + caller.settings.admissionPassMs);
    const pass = signAdmissionPass(
      { eventId: room.id, userId: caller.user.id, expiresAt: passExpiresAt },
      caller.settings.admissionSecret,
    );
    // Renewed well before it expires, while the buyer's page is open.
    const pollAfterSeconds = Math.max(5, Math.floor(caller.settings.admissionPassMs / 3000));
    return { state: "ADMITTED", pass, passExpiresAt, pollAfterSeconds };
  }
  const wait = estimatedWaitSeconds(room, ahead);
  return {
    state: "WAITING",
    position: ahead,
    estimatedWaitSeconds: wait,
    admissionsPerMinute: room.admissionsPerMinute,
    pollAfterSeconds: pollAfter(wait),
  };
}

/** Ask again about a quarter of the way to the next change, between 2 and 15 seconds. */
function pollAfter(secondsToGo: number) {
  return Math.min(15, Math.max(2, Math.round(secondsToGo / 4)));
}

async function findRoom(db: Db, eventId: string) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      status: true,
      waitingRoomOpensAt: true,
      admissionsPerMinute: true,
      admittedAtRateChange: true,
      rateChangedAt: true,
    },
  });
  if (!event || event.status === "DRAFT") {
    throw new AppError("NOT_FOUND", "This event does not exist.");
  }
  return event;
}
