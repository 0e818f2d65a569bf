// The event as an .ics calendar entry. Times go out in UTC (every calendar converts them to its
// reader's zone); the UID is the event's, so a later entry for the same event replaces the first.
import { createEvent } from "ics";
import type { MailAttachment, MailEvent } from "../mail-data.ts";

export function calendarEntry(event: MailEvent, description: string): MailAttachment {
  const { error, value } = createEvent({
    productId: "-//OpenTicket//Tickets//EN",
    method: "PUBLISH",
    uid: `event-${event.id}@openticket`,
    start: Date.parse(event.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(event.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    title: event.title,
    description,
    location: [event.venueName, event.address, event.city].filter(Boolean).join(", "),
    url: event.url,
    status: "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw new Error(`The event's calendar entry could not be made: ${error}`);
  return {
    filename: "event.ics",
    content: Buffer.from(value, "utf8"),
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
  };
}
