// checkin.offlineKit: what a door device needs to go on scanning without the network — the
// event's public key (to verify signed codes, ../../ticket-code.ts), the tickets that are
// cancelled (their codes still verify) and those already checked in when the kit was taken.
// The device takes a new kit when it enters the event, after every sync and every few minutes.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { id } from "../../input.ts";
import { signingKeyInUse } from "../tickets/signing-keys.ts";
import { findScannableEvent } from "./scanner-access.ts";

export const offlineKitInput = z.object({ eventId: id });

/** A signed code's length (ticket-code.ts); older random codes are 22 characters. */
const SIGNED_CODE_LENGTH = 132;

export async function offlineKit(db: Db, input: z.output<typeof offlineKitInput>, caller: Caller) {
  await findScannableEvent(db, caller.user, input.eventId, { id: true });
  // An event without tickets yet gets its key now, so a device has one to verify with.
  await signingKeyInUse(db, input.eventId);
  const [keys, tickets] = await Promise.all([
    db.ticketSigningKey.findMany({
      where: { eventId: input.eventId, retiredAt: null },
      select: { number: true, publicKey: true },
    }),
    db.$queryRaw<{ id: string; status: string; signed: boolean }[]>`
      SELECT t.id::text, t.status::text, length(t.code) = ${SIGNED_CODE_LENGTH} AS signed
      FROM tickets t JOIN orders o ON o.id = t.order_id
      WHERE o.event_id = ${input.eventId}::uuid
        AND (t.status <> 'VALID' OR length(t.code) <> ${SIGNED_CODE_LENGTH})`,
  ]);
  return {
    eventId: input.eventId,
    keys,
    cancelled: tickets.filter((ticket) => ticket.status === "CANCELLED").map((ticket) => ticket.id),
    checkedIn: tickets
      .filter((ticket) => ticket.status === "CHECKED_IN")
      .map((ticket) => ticket.id),
    /** Live tickets whose codes are from before signing: checked online only (rotating the key re-issues them). */
    unsignedTickets: tickets.filter((ticket) => ticket.status !== "CANCELLED" && !ticket.signed)
      .length,
    takenAt: caller.now(),
  };
}
