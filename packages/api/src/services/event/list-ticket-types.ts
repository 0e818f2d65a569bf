// event.ticketTypes: what a buyer may hold seats as (issue 15) — each type of the event with its
// price, the tier it is sold for (null: any), its note, its sale window and, for a type with a
// quota, how many are left. Types whose sale has ended are left out; those not yet open are
// listed with the time they open.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Visitor } from "../../context.ts";
import { id } from "../../input.ts";
import { assertVisible } from "./get-seat-map.ts";

export const listTicketTypesInput = z.object({ eventId: id });

export async function listEventTicketTypes(
  db: Db,
  input: z.output<typeof listTicketTypesInput>,
  caller: Visitor,
) {
  const now = caller.now();
  const event = await db.event.findUnique({
    where: { id: input.eventId },
    select: {
      status: true,
      organizerId: true,
      ticketTypes: {
        where: { OR: [{ salesEndAt: null }, { salesEndAt: { gt: now } }] },
        orderBy: [{ ordering: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          name: true,
          price: true,
          tierId: true,
          note: true,
          quota: true,
          held: true,
          sold: true,
          salesStartAt: true,
          salesEndAt: true,
        },
      },
    },
  });
  assertVisible(event, caller);
  return event.ticketTypes.map(({ quota, held, sold, salesStartAt, ...type }) => ({
    ...type,
    salesStartAt,
    onSale: !salesStartAt || salesStartAt <= now,
    /** Null: no quota. Expired holds count until the sweeper deletes them. */
    left: quota === null ? null : Math.max(0, quota - held - sold),
  }));
}
