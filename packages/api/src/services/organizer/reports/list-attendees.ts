// organizer.attendees (R11): who holds tickets for one event — one entry per paid order, with
// the buyer's name, e-mail and phone, the seats and their ticket types, the discount code, when
// they ordered and who was scanned in. Searchable by name, e-mail, seat label or discount code
// (any case; a code too among hundreds); filtered by ticket type or discount code; cursor
// pagination in order of purchase.
import type { Db, Prisma } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id, pageSize, searchQuery } from "../../../input.ts";
import { containsText } from "../../text-search.ts";
import { LIVE_TICKET_STATUSES } from "../../tickets/live-tickets.ts";
import { findOwnEvent } from "../ownership.ts";

export const listAttendeesInput = z.object({
  eventId: id,
  q: searchQuery.optional(),
  /** Orders with a live ticket of this type. */
  ticketTypeId: id.optional(),
  /** Orders that used this discount code. */
  discountCodeId: id.optional(),
  cursor: id.optional(),
  limit: pageSize(100, 50),
});

const LIVE = { status: { in: [...LIVE_TICKET_STATUSES] } } satisfies Prisma.TicketWhereInput;

export const attendeeOrderSelect = {
  id: true,
  createdAt: true,
  user: { select: { displayName: true, email: true, phone: true } },
  discountCode: { select: { code: true } },
  tickets: {
    where: LIVE,
    orderBy: { eventSeat: { seat: { label: "asc" } } },
    select: {
      status: true,
      pricePaid: true,
      checkedInAt: true,
      ticketType: { select: { name: true } },
      eventSeat: {
        select: {
          tier: { select: { name: true } },
          seat: { select: { label: true, section: { select: { name: true } } } },
        },
      },
    },
  },
} satisfies Prisma.OrderSelect;

/** The orders whose tickets are still standing, optionally matching `q` and the filters. */
export function attendeeOrders(
  eventId: string,
  q?: string,
  filters: { ticketTypeId?: string; discountCodeId?: string } = {},
): Prisma.OrderWhereInput {
  const contains = q ? containsText(q) : undefined;
  return {
    eventId,
    status: "PAID",
    tickets: {
      some: { ...LIVE, ...(filters.ticketTypeId && { ticketTypeId: filters.ticketTypeId }) },
    },
    ...(filters.discountCodeId && { discountCodeId: filters.discountCodeId }),
    ...(contains && {
      OR: [
        { user: { displayName: contains } },
        { user: { email: contains } },
        { discountCode: { code: contains } },
        { tickets: { some: { ...LIVE, eventSeat: { seat: { label: contains } } } } },
      ],
    }),
  };
}

export async function listAttendees(
  db: Db,
  input: z.output<typeof listAttendeesInput>,
  caller: Caller,
) {
  const event = await findOwnEvent(db, caller.user, input.eventId, { id: true });
  const where = attendeeOrders(event.id, input.q || undefined, input);
  const [rows, total] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: input.limit + 1,
      ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
      select: attendeeOrderSelect,
    }),
    db.order.count({ where }),
  ]);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((order) => {
      const checkedIn = order.tickets.filter((ticket) => ticket.status === "CHECKED_IN").length;
      return {
        orderId: order.id,
        orderedAt: order.createdAt,
        displayName: order.user.displayName,
        email: order.user.email,
        phone: order.user.phone,
        discountCode: order.discountCode?.code ?? null,
        tickets: order.tickets.map((ticket) => ({
          seat: ticket.eventSeat.seat.label,
          section: ticket.eventSeat.seat.section.name,
          tier: ticket.eventSeat.tier.name,
          /** The ticket type it was sold as; null: at its tier's own price. */
          ticketType: ticket.ticketType?.name ?? null,
          pricePaid: ticket.pricePaid,
          status: ticket.status,
          checkedInAt: ticket.checkedInAt,
        })),
        checkedIn,
        checkIn:
          checkedIn === 0
            ? ("NONE" as const)
            : checkedIn === order.tickets.length
              ? ("ALL" as const)
              : ("PARTIAL" as const),
      };
    }),
    total,
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
