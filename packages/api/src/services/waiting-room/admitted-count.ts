// How far a waiting room has admitted: places 1..admittedCount may buy. A pure function of the
// time and the event's rate history (the count when the rate last changed, and when), so no
// process has to tick, every instance agrees, and a restart loses nothing.

export type WaitingRoomSettings = {
  waitingRoomOpensAt: Date | null;
  admissionsPerMinute: number;
  admittedAtRateChange: number;
  rateChangedAt: Date | null;
};

/** Places admitted by `now`: none before the opening, then `admissionsPerMinute` more a minute. */
export function admittedCount(room: WaitingRoomSettings, now: Date): number {
  const opensAt = room.waitingRoomOpensAt;
  if (!opensAt || now < opensAt) return 0;
  const since = Math.max(opensAt.getTime(), room.rateChangedAt?.getTime() ?? 0);
  const elapsedMs = Math.max(0, now.getTime() - since);
  return room.admittedAtRateChange + Math.floor((room.admissionsPerMinute * elapsedMs) / 60_000);
}

/**
 * Places that may be admitted at once after a quiet spell: a newcomer's number is at least
 * `admittedCount - idleAllowance + 1`, so admissions nobody used while the line was empty do
 * not let a sudden crowd through unqueued. Ten seconds' worth, at least one.
 */
export function idleAllowance(room: Pick<WaitingRoomSettings, "admissionsPerMinute">): number {
  return Math.max(1, Math.ceil(room.admissionsPerMinute / 6));
}

/** Seconds until `ahead` more places are admitted at the current rate. */
export function estimatedWaitSeconds(
  room: Pick<WaitingRoomSettings, "admissionsPerMinute">,
  ahead: number,
): number {
  return Math.ceil((Math.max(0, ahead) * 60) / room.admissionsPerMinute);
}

/** What an organizer (and the metrics) see of a line: joined, admitted, still waiting. */
export function lineFigures(
  room: WaitingRoomSettings,
  line: { joined: number; lastPosition: number },
  now: Date,
) {
  const waiting = Math.max(0, line.lastPosition - admittedCount(room, now));
  return {
    joined: line.joined,
    /** Places admitted so far (places nobody took while the line was empty are not counted). */
    admitted: Math.max(0, line.joined - waiting),
    waiting,
    /** How long the last in line waits at this rate. */
    lastWaitSeconds: estimatedWaitSeconds(room, waiting),
  };
}
