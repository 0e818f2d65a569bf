// organizer.ticketTypes.list: an event's ticket types, in their order, with what each has held
// and sold (the counts the triggers keep on the type's row).
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { findOwnEvent } from "../ownership.ts";
import { ticketTypeSelect } from "./ticket-type-fields.ts";

export const listTicketTypesInput = z.object({ eventId: id });

export async function listTicketTypes(
  db: Db,
  input: z.output<typeof listTicketTypesInput>,
  caller: Caller,
) {
  const event = await findOwnEvent(db, caller.user, input.eventId, { id: true });
  return db.ticketType.findMany({
    where: { eventId: event.id },
    orderBy: [{ ordering: "asc" }, { createdAt: "asc" }],
    select: ticketTypeSelect,
  });
}
