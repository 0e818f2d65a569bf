// checkin.scan: a door scans a ticket's code for one event. Every outcome is an answer, not an
// error, so the door shows it at once: ADMITTED, ALREADY_CHECKED_IN (when and at which door),
// CANCELLED (cancelled or refunded), WRONG_EVENT, UNKNOWN (garbage, truncated or forged).
// Only ADMITTED changes anything. Two doors scanning one ticket at once admit it once: the
// ticket flips VALID → CHECKED_IN in one guarded UPDATE, and the database's row lock decides
// which transaction finds it still VALID (the unique index check_ins_one_live_per_ticket backs it).
import { type Db, runGuarded } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id, name, text } from "../../input.ts";
import { findScannableEvent } from "./scanner-access.ts";
import { type TicketFacts, ticketFacts, ticketFactsSelect } from "./ticket-facts.ts";

export const scanTicketInput = z.object({
  eventId: id,
  /** What the camera read or the person typed, as is: anything that is not a code is UNKNOWN. */
  code: text(1000),
  /** The door's name, as its device calls it. */
  door: name(40),
  /** The scanning device's own random id: the rate limit counts per device. */
  deviceId: text(64, { min: 8 }),
});

/** Ticket codes are base64url (signed: ticket-code.ts; older ones 128 random bits); anything else was never issued. */
const CODE_SHAPE = /^[A-Za-z0-9_-]{16,160}$/;

export type ScanResult =
  | { outcome: "ADMITTED"; ticket: TicketFacts; checkedInAt: Date; door: string }
  | {
      outcome: "ALREADY_CHECKED_IN";
      ticket: TicketFacts;
      checkedInAt: Date | null;
      /** Null for a ticket checked in before doors were recorded. */
      door: string | null;
    }
  | { outcome: "CANCELLED"; ticket: TicketFacts }
  | { outcome: "WRONG_EVENT" }
  | { outcome: "UNKNOWN" };

export async function scanTicket(
  db: Db,
  input: z.output<typeof scanTicketInput>,
  caller: Caller,
): Promise<ScanResult> {
  await findScannableEvent(db, caller.user, input.eventId, { id: true });
  if (!CODE_SHAPE.test(input.code)) return { outcome: "UNKNOWN" };
  const found = await db.ticket.findUnique({
    where: { code: input.code },
    select: ticketFactsSelect,
  });
  if (!found) return { outcome: "UNKNOWN" };
  if (found.order.eventId !== input.eventId) return { outcome: "WRONG_EVENT" };
  const ticket = ticketFacts(found);

  const now = caller.now();
  return runGuarded(db, async (tx): Promise<ScanResult> => {
    const flipped = await tx.ticket.updateMany({
      where: { id: found.id, status: "VALID" },
      data: { status: "CHECKED_IN", checkedInAt: now },
    });
    if (flipped.count === 1) {
      await tx.checkIn.create({
        data: {
          ticketId: found.id,
          eventId: input.eventId,
          door: input.door,
          deviceId: input.deviceId,
          scannedById: caller.user.id,
          scannedAt: now,
        },
      });
      return { outcome: "ADMITTED", ticket, checkedInAt: now, door: input.door };
    }
    // Lost the race, or a repeat scan: the ticket as the winner left it.
    const current = await tx.ticket.findUniqueOrThrow({
      where: { id: found.id },
      select: {
        status: true,
        checkedInAt: true,
        checkIns: {
          where: { undoneAt: null, supersededAt: null },
          select: { door: true },
          take: 1,
        },
      },
    });
    if (current.status === "CANCELLED") return { outcome: "CANCELLED", ticket };
    if (current.status === "CHECKED_IN") {
      return {
        outcome: "ALREADY_CHECKED_IN",
        ticket,
        checkedInAt: current.checkedInAt,
        door: current.checkIns[0]?.door ?? null,
      };
    }
    // VALID again: an undo committed between our UPDATE and this read. Scan again.
    throw new AppError("CONFLICT", "This ticket changed while it was scanned. Scan it again.");
  });
}
