// Wall-clock time at a venue. Events happen in a venue's time zone (Asia/Taipei unless the venue
// says otherwise) and the database stores instants: CSV exports write instants as the venue's
// clocks show them, and organizer forms turn what an organizer typed back into instants.
// Dependency-free, so browsers import it too (`@openticket/api/venue-time`).

/** `date` as the clocks of `timeZone` show it: "2026-05-01 19:30". */
export function formatVenueTime(date: Date, timeZone: string): string {
  // sv-SE writes ISO-like "2026-05-01 19:30".
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/**
 * The instant at which the clocks of `timeZone` show `local` ("2026-05-01T19:30" or
 * "2026-05-01 19:30"); null when `local` is empty or not a date.
 */
export function venueTimeToUtc(local: string, timeZone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(local);
  if (!match) return null;
  const asIfUtc = Date.parse(`${match[1]}T${match[2]}:00Z`);
  if (Number.isNaN(asIfUtc)) return null;
  // The zone's offset at the guess, then again at the corrected instant, for days the offset
  // changes (Taipei has none today, but a venue may be elsewhere).
  const first = asIfUtc - offsetAt(asIfUtc, timeZone);
  return new Date(asIfUtc - offsetAt(first, timeZone));
}

function offsetAt(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}
