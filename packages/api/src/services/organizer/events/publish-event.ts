// organizer.events.publish: DRAFT -> PUBLISHED, once the event can be sold: it has price tiers
// and sellable seats, and it has not started yet. Publishing puts it on the public list; its
// sales window decides when seats can be bought.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { findOwnEvent } from "../ownership.ts";
import { getOrganizerEvent } from "./get-organizer-event.ts";

export const publishEventInput = z.object({ eventId: id });

export async function publishEvent(
  db: Db,
  input: z.output<typeof publishEventInput>,
  caller: Caller,
) {
  const now = caller.now();
  await runSerializable(db, async (tx) => {
    const event = await findOwnEvent(tx, caller.user, input.eventId, {
      id: true,
      status: true,
      startsAt: true,
      _count: { select: { priceTiers: true } },
    });
    if (event.status !== "DRAFT") {
      throw new AppError("BAD_REQUEST", "Only a draft can be published.", {
        status: event.status,
      });
    }
    if (event.startsAt <= now) {
      throw new AppError("BAD_REQUEST", "This event has already started; move its dates first.", {
        field: "startsAt",
      });
    }
    const sellable = await tx.eventSeat.count({
      where: { eventId: event.id, status: { not: "BLOCKED" } },
    });
    if (event._count.priceTiers === 0 || sellable === 0) {
      throw new AppError("BAD_REQUEST", "An event needs price tiers and seats to sell.", {
        reason: "NOTHING_TO_SELL",
      });
    }
    await tx.event.updateMany({
      where: { id: event.id, status: "DRAFT" },
      data: { status: "PUBLISHED" },
    });
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "event.publish",
      entityType: "event",
      entityId: event.id,
      before: { status: "DRAFT" },
      after: { status: "PUBLISHED" },
    });
  });
  return getOrganizerEvent(db, { eventId: input.eventId }, caller);
}
