// An event seat's state as the console shows it. The stored status says AVAILABLE, SOLD or
// BLOCKED; held-ness is an unexpired seat_holds row, so a hold past its expiry is no hold,
// swept or not — unless an order in payment has it: its seats keep their state, tier and price
// until the payment ends. (RESERVED is never written; should a row carry it, it reads as
// AVAILABLE.)
import type { Db, Tx } from "@openticket/db";
import type { RefusedSeat } from "../../../errors.ts";

export const SEAT_STATES = ["AVAILABLE", "HELD", "SOLD", "BLOCKED"] as const;
export type SeatState = (typeof SEAT_STATES)[number];

export function seatState(status: string, holdExpiresAt: Date | null): SeatState {
  if (status === "SOLD" || status === "BLOCKED") return status;
  return holdExpiresAt ? "HELD" : "AVAILABLE";
}

/** The states of some seats of an event, to explain a refusal. */
export async function loadSeatStates(db: Db | Tx, eventId: string, seatIds: string[], now: Date) {
  const seats = await db.eventSeat.findMany({
    where: { eventId, id: { in: seatIds } },
    select: { id: true, status: true, hold: { select: { expiresAt: true, orderId: true } } },
  });
  return seats.map((seat) => {
    const { hold } = seat;
    const expiresAt = hold && (hold.expiresAt > now || hold.orderId) ? hold.expiresAt : null;
    return { id: seat.id, state: seatState(seat.status, expiresAt) };
  });
}

/** The seats among `seats` that someone holds or bought: the console may not change those. */
export function takenSeats(seats: { id: string; state: SeatState }[]): RefusedSeat[] {
  return seats.flatMap((seat) =>
    seat.state === "HELD" || seat.state === "SOLD" ? [{ id: seat.id, state: seat.state }] : [],
  );
}
