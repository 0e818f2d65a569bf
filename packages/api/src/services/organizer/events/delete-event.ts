// organizer.events.delete: removes an event that never took an order (a draft, or a published
// event nobody bought), with its event seats, holds and price tiers. An event with orders keeps
// its history: cancel it instead.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { auditJson } from "../../audit/audit-json.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { findOwnEvent } from "../ownership.ts";

export const deleteEventInput = z.object({ eventId: id });

export async function deleteEvent(
  db: Db,
  input: z.output<typeof deleteEventInput>,
  caller: Caller,
) {
  return runSerializable(db, async (tx) => {
    const event = await findOwnEvent(tx, caller.user, input.eventId, {
      id: true,
      title: true,
      status: true,
      venueId: true,
      startsAt: true,
      _count: { select: { orders: true } },
    });
    if (event._count.orders > 0) {
      throw new AppError("CONFLICT", "This event has orders; cancel it instead of deleting it.", {
        reason: "HAS_ORDERS",
      });
    }
    // Event seats first: they refer to the price tiers, which the event's deletion cascades to.
    await tx.eventSeat.deleteMany({ where: { eventId: event.id } });
    await tx.event.delete({ where: { id: event.id } });
    const { _count, ...before } = event;
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "event.delete",
      entityType: "event",
      entityId: event.id,
      before: auditJson(before),
    });
    return { deletedEventId: event.id };
  });
}
