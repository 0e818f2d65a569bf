// Organizers type dates as wall-clock time at the venue (Asia/Taipei unless the venue says
// otherwise); the api stores instants. These convert between an <input type="datetime-local">
// value ("2026-05-01T19:30") in a time zone and a Date, without trusting the browser's zone.

/** The UTC instant at which the clocks of `timeZone` show `local`; null when `local` is empty. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  if (!local) return null;
  const asIfUtc = Date.parse(`${local.slice(0, 16)}:00Z`);
  if (Number.isNaN(asIfUtc)) return null;
  // The zone's offset at the guess, then again at the corrected instant, for days the offset
  // changes (Taipei has none today, but a venue may be elsewhere).
  const first = asIfUtc - offsetAt(asIfUtc, timeZone);
  return new Date(asIfUtc - offsetAt(first, timeZone));
}

/** The datetime-local value for `date` on the clocks of `timeZone`. */
export function utcToZonedLocal(date: Date | null | undefined, timeZone: string): string {
  if (!date) return "";
  // sv-SE writes "2026-05-01 19:30".
  const text = new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return text.replace(" ", "T");
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
