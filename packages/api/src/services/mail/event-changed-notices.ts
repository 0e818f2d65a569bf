// The event-changed notice (issue 14), recorded in the transaction of the change that causes it:
// an event's dates moved (organizer/events/update-event.ts) or its venue's name, address, city
// or time zone changed (organizer/venues/update-venue.ts). One message per holder of a live
// ticket — not per ticket — in the holder's language, with the old and the new values.
import type { Prisma, Tx } from "@openticket/db";
import { LIVE_TICKET_STATUSES } from "../tickets/live-tickets.ts";
import { type EventWhenWhere, queueMailToUsers } from "./queue-mail.ts";

const liveTicketHolders = {
  status: "PAID",
  tickets: { some: { status: { in: [...LIVE_TICKET_STATUSES] } } },
} satisfies Prisma.OrderWhereInput;

/**
 * Queues the notice to every holder of a live ticket of the event. `change` names the change in
 * the message keys (`event-changed:<event>:<change>:<user>`): the same change recorded again
 * sends nothing more, while a later change is a new notice. Returns how many were queued.
 */
export async function queueEventChangedNotices(
  tx: Tx,
  input: { eventId: string; change: string; before: EventWhenWhere; after: EventWhenWhere },
) {
  const holders = await tx.order.findMany({
    where: { eventId: input.eventId, ...liveTicketHolders },
    distinct: ["userId"],
    select: { userId: true },
  });
  return queueMailToUsers(
    tx,
    holders.map(({ userId }) => ({
      key: `event-changed:${input.eventId}:${input.change}:${userId}`,
      userId,
      mail: {
        kind: "event-changed",
        eventId: input.eventId,
        before: input.before,
        after: input.after,
      },
    })),
  );
}
