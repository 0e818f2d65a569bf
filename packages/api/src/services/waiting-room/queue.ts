// Where a waiting room's line is kept: who joined, in which order. Two stores with one shape,
// chosen like the rate limits' (rate-limits/from-urls.ts): Redis when the app has REDIS_URL (a
// Lua script makes each join atomic), else the app's PostgreSQL (a locked counter row per
// event). Either way the store decides "one place per account" (the PostgreSQL primary key, the
// Redis hash field), so a second tab or device finds the same place.
//
// Arrivals before the opening draw a random number (kept secret until the opening); their
// places are their draws' ranks, 1..earlyCount, which is a shuffle of the early group.
// Arrivals after it are numbered in arrival order from earlyCount + 1.
import { randomInt } from "node:crypto";
import type { Db } from "@openticket/db";

export type QueuePlace = {
  /** The place in line; null for an early arrival before the opening (not drawn yet). */
  position: number | null;
  joinedAt: Date;
};

export type JoinRequest = {
  eventId: string;
  userId: string;
  now: Date;
  /** Before the opening: an early arrival, whose place is drawn at the opening. */
  early: boolean;
  /** The lowest number a newcomer may get (admittedCount - idleAllowance + 1). */
  minNumber: number;
};

export type WaitingRoomQueue = {
  /** The account's place, joining the line if it has none. */
  join(request: JoinRequest): Promise<QueuePlace>;
  /** The account's place, or null if it has not joined. `open`: is the room open yet. */
  find(eventId: string, userId: string, open: boolean): Promise<QueuePlace | null>;
  /** How many joined, and the last place given. */
  size(eventId: string): Promise<{ joined: number; lastPosition: number }>;
};

/** A random draw for an early arrival: below 2^48, exact in a Redis score (a double). */
export function drawForEarlyArrival(): number {
  return randomInt(2 ** 47) * 2 + randomInt(2);
}

export function postgresQueue(db: Db): WaitingRoomQueue {
  const find = async (eventId: string, userId: string, open: boolean) => {
    const [row] = await db.$queryRaw<
      { number: number | null; rank: number | null; joined_at: Date }[]
    >`
      SELECT p.number, p.joined_at,
             CASE WHEN p.draw IS NULL THEN NULL ELSE
               (SELECT count(*)::int + 1 FROM waiting_room_places o
                WHERE o.event_id = p.event_id AND o.draw IS NOT NULL
                  AND (o.draw, o.user_id) < (p.draw, p.user_id)) END AS rank
      FROM waiting_room_places p
      WHERE p.event_id = ${eventId}::uuid AND p.user_id = ${userId}::uuid`;
    if (!row) return null;
    return { position: row.number ?? (open ? row.rank : null), joinedAt: row.joined_at };
  };
  return {
    find,
    async join(request) {
      const { eventId, userId, now, early } = request;
      const found = await find(eventId, userId, !early);
      if (found) return found;
      await db.$transaction(async (tx) => {
        // The line's row is the lock every join of this event takes: numbers follow the order
        // of the joins, and the early group closes exactly once.
        await tx.$executeRaw`
          INSERT INTO waiting_room_lines (event_id) VALUES (${eventId}::uuid)
          ON CONFLICT (event_id) DO NOTHING`;
        const [line] = await tx.$queryRaw<
          { last_number: number; early_count: number; early_closed: boolean }[]
        >`
          SELECT last_number, early_count, early_closed
          FROM waiting_room_lines WHERE event_id = ${eventId}::uuid FOR UPDATE`;
        // Asked only now, holding the lock, in a statement of its own (READ COMMITTED: it sees
        // what the join we waited for committed): did another tab of this account join?
        const [mine] = await tx.$queryRaw<unknown[]>`
          SELECT 1 FROM waiting_room_places
          WHERE event_id = ${eventId}::uuid AND user_id = ${userId}::uuid`;
        if (!line || mine) return;
        if (early && !line.early_closed) {
          await tx.$executeRaw`
            UPDATE waiting_room_lines SET early_count = early_count + 1
            WHERE event_id = ${eventId}::uuid`;
          await tx.$executeRaw`
            INSERT INTO waiting_room_places (event_id, user_id, draw, joined_at)
            VALUES (${eventId}::uuid, ${userId}::uuid, ${drawForEarlyArrival()}, ${now})`;
          return;
        }
        const last = Math.max(line.last_number, line.early_count);
        const number = Math.max(last + 1, request.minNumber);
        await tx.$executeRaw`
          UPDATE waiting_room_lines SET last_number = ${number}, early_closed = true
          WHERE event_id = ${eventId}::uuid`;
        await tx.$executeRaw`
          INSERT INTO waiting_room_places (event_id, user_id, number, joined_at)
          VALUES (${eventId}::uuid, ${userId}::uuid, ${number}, ${now})`;
      });
      const joined = await find(eventId, userId, !early);
      if (!joined) throw new Error("The waiting-room place was not recorded.");
      return joined;
    },
    async size(eventId) {
      const [row] = await db.$queryRaw<{ joined: number; last_position: number | null }[]>`
        SELECT (SELECT count(*)::int FROM waiting_room_places WHERE event_id = ${eventId}::uuid)
                 AS joined,
               (SELECT GREATEST(last_number, early_count) FROM waiting_room_lines
                WHERE event_id = ${eventId}::uuid) AS last_position`;
      return { joined: row?.joined ?? 0, lastPosition: row?.last_position ?? 0 };
    },
  };
}
