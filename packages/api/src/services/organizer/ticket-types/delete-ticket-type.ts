// organizer.ticketTypes.delete: only a type no seat is held as and no ticket was sold as (the
// tickets keep naming their type); to stop selling one, end its sale window instead. Discount
// codes limited to it forget it; one limited to it alone is switched off rather than left to
// take its share off every ticket.
import { type Db, runGuarded } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { lockOwnTicketType } from "./ticket-type-fields.ts";

export const deleteTicketTypeInput = z.object({ ticketTypeId: id });

export async function deleteTicketType(
  db: Db,
  input: z.output<typeof deleteTicketTypeInput>,
  caller: Caller,
) {
  return runGuarded(db, async (tx) => {
    const type = await lockOwnTicketType(tx, caller.user, input.ticketTypeId);
    const tickets = await tx.ticket.count({ where: { ticketTypeId: type.id } });
    if (type.held > 0 || tickets > 0) {
      throw new AppError(
        "CONFLICT",
        "Tickets of this type are held or sold; end its sale instead of deleting it.",
        { reason: "TICKET_TYPE_IN_USE" },
      );
    }
    await tx.ticketType.delete({ where: { id: type.id } });
    const pruned = await tx.$queryRaw<{ code: string; active: boolean }[]>`
      UPDATE discount_codes
      SET ticket_type_ids = array_remove(ticket_type_ids, ${type.id}::uuid),
          active = active AND cardinality(array_remove(ticket_type_ids, ${type.id}::uuid))
                               + coalesce(cardinality(tier_ids), 0) > 0,
          updated_at = now()
      WHERE ${type.id}::uuid = ANY (ticket_type_ids)
      RETURNING code, active`;
    const switchedOff = pruned.filter((code) => !code.active);
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "ticketType.delete",
      entityType: "event",
      entityId: type.eventId,
      before: { ticketTypeId: type.id },
      ...(switchedOff.length && {
        after: { codesSwitchedOff: switchedOff.map((row) => row.code) },
      }),
    });
    return { ticketTypeId: type.id, codesSwitchedOff: switchedOff.map((row) => row.code) };
  });
}
