// organizer.attendeesCsv (R11): the whole attendee list as a CSV download, one line per ticket,
// times in the venue's time zone. discount_code and order_discount are the order's code and what
// it took off the whole order, repeated on each of its lines (price_paid is the ticket's share
// after it). Written by ../admin/csv.ts: quoted as RFC 4180 says, and any cell starting like a
// formula (= + - @) prefixed with a quote, since names and phone numbers are whatever buyers typed.
// ticket_type (issue 15) is last, so that readers of the earlier columns need no change; empty
// when the ticket was sold at its tier's own price.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { formatVenueTime } from "../../../venue-time.ts";
import { type CsvCell, toCsv } from "../../csv.ts";
import { findOwnEvent } from "../ownership.ts";
import { attendeeOrderSelect, attendeeOrders } from "./list-attendees.ts";

export const attendeesCsvInput = z.object({ eventId: id });

const HEADER = [
  "order_id",
  "ordered_at",
  "name",
  "email",
  "phone",
  "section",
  "seat",
  "tier",
  "price_paid",
  "discount_code",
  "order_discount",
  "status",
  "checked_in_at",
  "ticket_type",
];

export async function getAttendeesCsv(
  db: Db,
  input: z.output<typeof attendeesCsvInput>,
  caller: Caller,
) {
  const event = await findOwnEvent(db, caller.user, input.eventId, {
    id: true,
    venue: { select: { timeZone: true } },
  });
  const local = (date: Date) => formatVenueTime(date, event.venue.timeZone);
  const orders = await db.order.findMany({
    where: attendeeOrders(event.id),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      ...attendeeOrderSelect,
      discountAmount: true,
      discountCode: { select: { code: true } },
    },
  });
  const rows: CsvCell[][] = orders.flatMap((order) =>
    order.tickets.map((ticket) => [
      order.id,
      local(order.createdAt),
      order.user.displayName,
      order.user.email,
      order.user.phone,
      ticket.eventSeat.seat.section.name,
      ticket.eventSeat.seat.label,
      ticket.eventSeat.tier.name,
      ticket.pricePaid,
      order.discountCode?.code ?? null,
      order.discountAmount,
      ticket.status,
      ticket.checkedInAt ? local(ticket.checkedInAt) : null,
      ticket.ticketType?.name ?? null,
    ]),
  );
  return {
    filename: `attendees-${event.id}.csv`,
    contentType: "text/csv; charset=utf-8",
    rows: rows.length,
    csv: toCsv([HEADER, ...rows]),
  };
}
