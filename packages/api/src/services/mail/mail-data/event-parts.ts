// The parts several messages share, read as they are at send time: the event with its venue,
// and a buyer's tickets.
import type { Db } from "@openticket/db";
import type { MailEvent, MailTicket } from "@openticket/email";
import { LIVE_TICKET_STATUSES } from "../../tickets/live-tickets.ts";

export async function loadMailEvent(
  db: Db,
  eventId: string,
  publicUrl: string,
): Promise<MailEvent> {
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      venue: { select: { name: true, address: true, city: true, timeZone: true } },
    },
  });
  return {
    id: event.id,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.venue.timeZone,
    venueName: event.venue.name,
    address: event.venue.address,
    city: event.venue.city,
    url: `${publicUrl}/events/${event.id}`,
  };
}

/** The live tickets of some orders, in seat order. */
export async function loadMailTickets(db: Db, orderIds: string[]): Promise<MailTicket[]> {
  const tickets = await db.ticket.findMany({
    where: { orderId: { in: orderIds }, status: { in: [...LIVE_TICKET_STATUSES] } },
    orderBy: { eventSeat: { seat: { label: "asc" } } },
    select: {
      code: true,
      pricePaid: true,
      ticketType: { select: { name: true } },
      order: { select: { currency: true } },
      eventSeat: {
        select: {
          tier: { select: { name: true } },
          seat: { select: { rowLabel: true, number: true, section: { select: { name: true } } } },
        },
      },
    },
  });
  return tickets.map((ticket) => ({
    code: ticket.code,
    section: ticket.eventSeat.seat.section.name,
    row: ticket.eventSeat.seat.rowLabel,
    seat: String(ticket.eventSeat.seat.number),
    tier: ticket.eventSeat.tier.name,
    ticketType: ticket.ticketType?.name ?? null,
    price: { amount: ticket.pricePaid, currency: ticket.order.currency },
  }));
}
