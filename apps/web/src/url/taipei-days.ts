// Calendar days in Asia/Taipei (UTC+8 all year), where the events happen: how the event list and
// the admin sales page turn the YYYY-MM-DD days in their URL into the instants the api filters by.
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A range whose last day is before its first, which the api refuses (R3). */
export function isInvertedDays(fromDay?: string, toDay?: string): boolean {
  // YYYY-MM-DD days compare as text.
  return Boolean(fromDay && toDay && DAY.test(fromDay) && DAY.test(toDay) && fromDay > toDay);
}

/** The start of a calendar day in Taipei. */
export function taipeiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * From the start of `fromDay` to the end of `toDay`, either open. An end not after the start
 * would be refused by the api, so it is read as no end.
 */
export function taipeiDays(fromDay?: string, toDay?: string): { from?: Date; to?: Date } {
  const from = fromDay ? taipeiDayStart(fromDay) : undefined;
  const to = toDay ? new Date(taipeiDayStart(toDay).getTime() + 24 * 3600_000) : undefined;
  return { from, to: from && to && to <= from ? undefined : to };
}
