// What a door shows about a ticket it scanned: the seat, its section, tier and ticket type (a
// Student ticket: check the student ID), and the buyer.
import type { Prisma } from "@openticket/db";

export const ticketFactsSelect = {
  id: true,
  status: true,
  checkedInAt: true,
  ticketType: { select: { name: true } },
  order: { select: { eventId: true, user: { select: { displayName: true } } } },
  eventSeat: {
    select: {
      tier: { select: { name: true } },
      seat: { select: { label: true, section: { select: { name: true } } } },
    },
  },
} satisfies Prisma.TicketSelect;

type TicketRow = Prisma.TicketGetPayload<{ select: typeof ticketFactsSelect }>;

export function ticketFacts(ticket: TicketRow) {
  return {
    ticketId: ticket.id,
    seat: ticket.eventSeat.seat.label,
    section: ticket.eventSeat.seat.section.name,
    tier: ticket.eventSeat.tier.name,
    /** The ticket type it was bought as; null: at its tier's own price. */
    ticketType: ticket.ticketType?.name ?? null,
    holder: ticket.order.user.displayName,
  };
}

export type TicketFacts = ReturnType<typeof ticketFacts>;
