// Seat status changes go out through PostgreSQL NOTIFY from inside the transaction that made
// them: delivered on commit, dropped on rollback, and heard by every app instance that shares
// the database (see ./feed.ts).
import type { Tx } from "@openticket/db";

export const SEAT_CHANGES_CHANNEL = "seat_changes";

/** What a change says about one seat. `holderId` lets each subscriber tell MINE from HELD. */
export type SeatChange = {
  seatId: string;
  status: "AVAILABLE" | "HELD" | "SOLD" | "BLOCKED";
  holderId?: string;
  expiresAt?: string;
};

export type SeatChangeMessage = { eventId: string; changes: SeatChange[] };

// NOTIFY payloads must stay under 8,000 bytes. A change is at most ~130 bytes of JSON from
// JSON.stringify, and ~175 from PostgreSQL's json_build_object (hold-seats.ts), which puts
// spaces around every colon: 40 changes leave room for both (a 50-seat hold once overflowed).
export const CHANGES_PER_NOTIFICATION = 40;

export async function publishSeatChanges(tx: Tx, eventId: string, changes: SeatChange[]) {
  for (const payload of seatChangePayloads(eventId, changes)) {
    await tx.$executeRaw`SELECT pg_notify(${SEAT_CHANGES_CHANNEL}, ${payload})`;
  }
}

/** The NOTIFY payloads that announce `changes`, each small enough for one notification. */
export function seatChangePayloads(eventId: string, changes: SeatChange[]): string[] {
  const payloads: string[] = [];
  for (let start = 0; start < changes.length; start += CHANGES_PER_NOTIFICATION) {
    const message: SeatChangeMessage = {
      eventId,
      changes: changes.slice(start, start + CHANGES_PER_NOTIFICATION),
    };
    payloads.push(JSON.stringify(message));
  }
  return payloads;
}
