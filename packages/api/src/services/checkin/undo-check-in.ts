// checkin.undo: the organizer (or an admin) takes back a scan — the ticket is VALID again and
// its admission is marked undone (kept on record, with who undid it). Door staff may not undo.
// Undoing a ticket that is not checked in changes nothing and says so (`undone: false`).
import { type Db, runGuarded } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id } from "../../input.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { findOwnEvent } from "../organizer/ownership.ts";

export const undoCheckInInput = z.object({ eventId: id, ticketId: id });

export async function undoCheckIn(
  db: Db,
  input: z.output<typeof undoCheckInInput>,
  caller: Caller,
) {
  await findOwnEvent(db, caller.user, input.eventId, { id: true });
  const ticket = await db.ticket.findFirst({
    where: { id: input.ticketId, order: { eventId: input.eventId } },
    select: { id: true },
  });
  if (!ticket) throw new AppError("NOT_FOUND", "This ticket does not exist.");
  const now = caller.now();
  const undone = await runGuarded(db, async (tx) => {
    const flipped = await tx.ticket.updateMany({
      where: { id: ticket.id, status: "CHECKED_IN" },
      data: { status: "VALID", checkedInAt: null },
    });
    if (flipped.count === 0) return false;
    await tx.checkIn.updateMany({
      where: { ticketId: ticket.id, undoneAt: null, supersededAt: null },
      data: { undoneAt: now, undoneById: caller.user.id },
    });
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "ticket.undoCheckIn",
      entityType: "ticket",
      entityId: ticket.id,
      before: { status: "CHECKED_IN" },
      after: { status: "VALID" },
    });
    return true;
  });
  return { ticketId: ticket.id, undone };
}
