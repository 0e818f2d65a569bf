// What counts as "the user holds a ticket": a VALID or CHECKED_IN ticket of a PAID order.
// Cancelled orders keep their (cancelled) tickets as history; those never count.
import type { Prisma } from "@openticket/db";

export const LIVE_TICKET_STATUSES = ["VALID", "CHECKED_IN"] as const;

/** Orders of `userId` that hold at least one live ticket. */
export function ordersWithLiveTickets(userId: string) {
  return {
    userId,
    status: "PAID",
    tickets: { some: { status: { in: [...LIVE_TICKET_STATUSES] } } },
  } satisfies Prisma.OrderWhereInput;
}
