// me.attendedEvents (R6): the past events the caller held a live ticket for, most recent first,
// with how many tickets they had and whether they were scanned in at the door.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { id, pageSize } from "../../input.ts";
import { LIVE_TICKET_STATUSES, ordersWithLiveTickets } from "../tickets/live-tickets.ts";

export const attendedEventsInput = z
  .object({
    cursor: id.optional(),
    limit: pageSize(50, 10),
  })
  .prefault({});

export async function listAttendedEvents(
  db: Db,
  input: z.output<typeof attendedEventsInput>,
  caller: Caller,
) {
  const now = caller.now();
  const liveOrders = ordersWithLiveTickets(caller.user.id);
  const rows = await db.event.findMany({
    where: {
      // Started counts as attended: the doors have opened on the ticket.
      startsAt: { lt: now },
      status: "PUBLISHED",
      orders: { some: liveOrders },
    },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
    select: {
      id: true,
      title: true,
      performer: true,
      category: true,
      city: true,
      imageUrl: true,
      startsAt: true,
      venue: { select: { name: true, timeZone: true } },
      orders: {
        where: liveOrders,
        select: {
          tickets: {
            where: { status: { in: [...LIVE_TICKET_STATUSES] } },
            select: { status: true },
          },
        },
      },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ orders, ...event }) => {
      const tickets = orders.flatMap((order) => order.tickets);
      return {
        ...event,
        ticketCount: tickets.length,
        checkedIn: tickets.some((ticket) => ticket.status === "CHECKED_IN"),
      };
    }),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
