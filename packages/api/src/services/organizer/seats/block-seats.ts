// organizer.seats.block and organizer.seats.unblock (R12): take seats off sale (a camera
// position, guests) and put them back. Only AVAILABLE seats with no unexpired hold can be
// blocked: a held or sold seat belongs to a buyer, so the request is refused with CONFLICT
// naming them, all or nothing. Each side is one guarded UPDATE in a SERIALIZABLE transaction:
// a hold committing at the same time (it checks the seat is AVAILABLE, we check it has no hold)
// makes one of the two abort and retry, so a seat is never both blocked and held.
import { type Db, runSerializable, type Tx } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { publishSeatChanges } from "../../seat-changes/publish.ts";
import { findOwnEvent } from "../ownership.ts";
import { loadSeatStates, takenSeats } from "./seat-states.ts";

export const blockSeatsInput = z.object({
  eventId: id,
  /** Event seat ids, as the seat map lists them. */
  seatIds: z.array(id).min(1).max(10_000),
});

export async function blockSeats(db: Db, input: z.output<typeof blockSeatsInput>, caller: Caller) {
  const seatIds = [...new Set(input.seatIds)];
  const now = caller.now();
  return runSerializable(db, async (tx) => {
    const event = await eventForSeatChanges(tx, caller, input.eventId);
    const blocked = await tx.$queryRaw<{ id: string }[]>`
      UPDATE event_seats es SET status = 'BLOCKED'
      WHERE es.event_id = ${event.id}::uuid AND es.id = ANY(${seatIds}::uuid[])
        AND es.status = 'AVAILABLE'
        AND NOT EXISTS (
          SELECT 1 FROM seat_holds h
          WHERE h.event_seat_id = es.id AND (h.expires_at > ${now} OR h.order_id IS NOT NULL))
      RETURNING es.id`;
    if (blocked.length !== seatIds.length) {
      const states = await loadSeatStates(tx, event.id, seatIds, now);
      assertAllKnown(seatIds, states);
      const refused = takenSeats(states);
      if (refused.length) {
        // Throwing rolls back the seats this request did block: all or nothing.
        throw new AppError("CONFLICT", "Held or sold seats cannot be blocked.", {
          unavailableSeats: refused,
        });
      }
    }
    // Seats that were blocked already stay so: blocking is idempotent.
    const changed = blocked.map((seat) => seat.id);
    if (changed.length === 0) return { eventId: event.id, blockedSeatIds: changed };
    await publishSeatChanges(
      tx,
      event.id,
      changed.map((seatId) => ({ seatId, status: "BLOCKED" })),
    );
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "seat.block",
      entityType: "event",
      entityId: event.id,
      before: { status: "AVAILABLE", seatIds: changed },
      after: { status: "BLOCKED", seatIds: changed },
    });
    return { eventId: event.id, blockedSeatIds: changed };
  });
}

export const unblockSeatsInput = blockSeatsInput;

export async function unblockSeats(
  db: Db,
  input: z.output<typeof unblockSeatsInput>,
  caller: Caller,
) {
  const seatIds = [...new Set(input.seatIds)];
  const now = caller.now();
  return runSerializable(db, async (tx) => {
    const event = await eventForSeatChanges(tx, caller, input.eventId);
    const unblocked = await tx.$queryRaw<{ id: string }[]>`
      UPDATE event_seats es SET status = 'AVAILABLE'
      WHERE es.event_id = ${event.id}::uuid AND es.id = ANY(${seatIds}::uuid[])
        AND es.status = 'BLOCKED'
      RETURNING es.id`;
    if (unblocked.length !== seatIds.length) {
      assertAllKnown(seatIds, await loadSeatStates(tx, event.id, seatIds, now));
    }
    // Seats that were not blocked are left as they are: unblocking is idempotent.
    const changed = unblocked.map((seat) => seat.id);
    if (changed.length === 0) return { eventId: event.id, unblockedSeatIds: changed };
    await publishSeatChanges(
      tx,
      event.id,
      changed.map((seatId) => ({ seatId, status: "AVAILABLE" })),
    );
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "seat.unblock",
      entityType: "event",
      entityId: event.id,
      before: { status: "BLOCKED", seatIds: changed },
      after: { status: "AVAILABLE", seatIds: changed },
    });
    return { eventId: event.id, unblockedSeatIds: changed };
  });
}

async function eventForSeatChanges(tx: Tx, caller: Caller, id: string) {
  const event = await findOwnEvent(tx, caller.user, id, { id: true, status: true });
  if (event.status === "CANCELLED") {
    throw new AppError("BAD_REQUEST", "A cancelled event can no longer be changed.");
  }
  return event;
}

function assertAllKnown(seatIds: string[], states: { id: string }[]) {
  if (states.length === seatIds.length) return;
  const known = new Set(states.map((seat) => seat.id));
  throw new AppError("BAD_REQUEST", "Some seats are not part of this event.", {
    seatIds: seatIds.filter((id) => !known.has(id)),
  });
}
