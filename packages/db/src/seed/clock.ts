// Demo time. Every timestamp is an offset from the start of "today" in Asia/Taipei, so two runs
// on the same day write identical rows; a run on a later day keeps the rows already there.
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Taiwan has no daylight saving time: UTC+8 all year. */
const TAIPEI_OFFSET_MS = 8 * HOUR_MS;

/** The instant at which `instant`'s calendar day began in Taipei. */
export function startOfTaipeiDay(instant: Date): Date {
  const local = instant.getTime() + TAIPEI_OFFSET_MS;
  return new Date(local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - TAIPEI_OFFSET_MS);
}

/** Taipei wall-clock time `dayOffset` days after `today` (a Taipei midnight). */
export function taipeiTime(today: Date, dayOffset: number, hour = 0, minute = 0): Date {
  return new Date(today.getTime() + dayOffset * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE_MS);
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * HOUR_MS);
}

/** A whole second drawn uniformly from [from, to). */
export function instantBetween(from: Date, to: Date, roll: number): Date {
  const ms = from.getTime() + Math.floor((to.getTime() - from.getTime()) * roll);
  return new Date(Math.floor(ms / 1000) * 1000);
}
