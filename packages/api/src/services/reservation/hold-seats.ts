// reservation.hold (R16, R17): all or nothing, the caller holds every requested seat or none.
//
// Concurrent holds are grouped (./batcher.ts): one read outside any transaction checks every
// request of a batch and turns away those that cannot succeed, then one SERIALIZABLE
// transaction runs a single guarded upsert for all the others — no read of other buyers' rows,
// so innocent neighbours are not aborted. The unique hold per event seat decides races; the
// returned rows say who won. A request that did not get every seat fails with CONFLICT, and the
// transaction is rolled back and run again without it, so nobody keeps part of a request.
import { type Db, isSerializationFailure, runSerializable, type Tx } from "@openticket/db";
import { z } from "zod";
import type { Caller, Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id, MAX_SEATS_PER_ORDER } from "../../input.ts";
import { assertOnSale, type SaleWindow } from "../event/sale-state.ts";
import {
  SEAT_CHANGES_CHANNEL,
  type SeatChange,
  seatChangePayloads,
} from "../seat-changes/publish.ts";
import { Batcher, type BatcherStats, type BatchOutcome, batcherPerClient } from "./batcher.ts";

export const holdSeatsInput = z.object({
  eventId: id,
  seatIds: z.array(id).min(1).max(MAX_SEATS_PER_ORDER),
});

export type HeldSeats = { eventId: string; seatIds: string[]; expiresAt: Date };

export function holdSeats(
  db: Db,
  input: z.output<typeof holdSeatsInput>,
  caller: Caller & Pick<Context, "settings">,
): Promise<HeldSeats> {
  return holdBatcher(db).submit({
    eventId: input.eventId,
    seatIds: [...new Set(input.seatIds)],
    userId: caller.user.id,
    now: caller.now(),
    holdDurationMs: caller.settings.holdDurationMs,
  });
}

/** The hold batcher of a database client; its `stats` are what the benchmark reports. */
export const holdBatcher = batcherPerClient(
  (db: Db) =>
    new Batcher<HoldRequest, HeldSeats>((requests, stats) => holdBatch(db, requests, stats), {
      maxInFlight: 1,
      maxItems: 64,
    }),
);

type HoldRequest = {
  eventId: string;
  seatIds: string[];
  userId: string;
  now: Date;
  holdDurationMs: number;
};

/** A request that passed every check, ready to be written. */
type HoldWrite = HoldRequest & { index: number; expiresAt: Date };

async function holdBatch(
  db: Db,
  requests: HoldRequest[],
  stats: BatcherStats,
): Promise<BatchOutcome<HeldSeats>[]> {
  const outcomes: BatchOutcome<HeldSeats>[] = [];
  const context = await readHoldContext(db, requests);
  const writes: HoldWrite[] = [];
  // Writes of one batch must not touch the same seat, and one buyer's cart takes one request
  // per batch (its seat count is checked against what the batch before left): the others wait
  // for the next batch.
  const claimedSeats = new Set<string>();
  const claimedCarts = new Set<string>();
  requests.forEach((request, index) => {
    const cart = `${request.userId} ${request.eventId}`;
    if (claimedCarts.has(cart) || request.seatIds.some((id) => claimedSeats.has(id))) {
      outcomes[index] = { status: "deferred" };
      return;
    }
    try {
      writes.push({ index, ...request, ...planHold(request, context) });
      claimedCarts.add(cart);
      for (const id of request.seatIds) claimedSeats.add(id);
    } catch (error) {
      outcomes[index] = { status: "rejected", reason: error };
    }
  });
  for (const [index, outcome] of await writeHolds(db, writes, stats)) outcomes[index] = outcome;
  return outcomes;
}

/** Checks one request against what the database showed; throws what the caller should hear. */
function planHold(request: HoldRequest, context: HoldContext) {
  const { userId, now, seatIds } = request;
  const event = context.events.get(request.eventId);
  if (!event || event.status === "DRAFT")
    throw new AppError("NOT_FOUND", "This event does not exist.");
  assertOnSale(event, now);
  const seats = seatIds.flatMap((id) => {
    const seat = context.seats.get(id);
    return seat && seat.eventId === event.id ? [seat] : [];
  });
  if (seats.length !== seatIds.length) {
    const known = new Set(seats.map((seat) => seat.id));
    throw new AppError("BAD_REQUEST", "Some seats are not part of this event.", {
      seatIds: seatIds.filter((id) => !known.has(id)),
    });
  }
  const myHolds = (context.holdsByCart.get(`${userId} ${event.id}`) ?? []).filter(
    (hold) => hold.expiresAt > now,
  );
  const alreadyMine = new Set(myHolds.map((hold) => hold.eventSeatId));
  const total = new Set([...alreadyMine, ...seatIds]).size;
  if (total > event.maxSeatsPerOrder) {
    throw new AppError(
      "BAD_REQUEST",
      `At most ${event.maxSeatsPerOrder} seats per order; you would hold ${total}.`,
      { maxSeatsPerOrder: event.maxSeatsPerOrder },
    );
  }
  const taken = seats.filter(
    (seat) =>
      seat.status !== "AVAILABLE" ||
      (seat.holderId !== null &&
        seat.holderId !== userId &&
        seat.holdExpiresAt !== null &&
        seat.holdExpiresAt > now),
  );
  if (taken.length) throw seatsTakenError(taken.map((seat) => seat.id));

  // New seats join the caller's running hold: one countdown per cart, not one per click.
  const expiresAt = myHolds.length
    ? new Date(Math.min(...myHolds.map((hold) => hold.expiresAt.getTime())))
    : new Date(now.getTime() + request.holdDurationMs);
  return { expiresAt };
}

/** The upsert found some seats taken: these requests lose, the others try again without them. */
class SeatsTaken extends Error {
  constructor(readonly won: Set<string>) {
    super("Some requests of the batch did not get every seat.");
  }
}

async function writeHolds(
  db: Db,
  writes: HoldWrite[],
  stats: BatcherStats,
): Promise<Map<number, BatchOutcome<HeldSeats>>> {
  const outcomes = new Map<number, BatchOutcome<HeldSeats>>();
  let pending = writes;
  while (pending.length > 0) {
    try {
      await runSerializable(db, (tx) => upsertHolds(tx, pending), {
        onRetry: () => stats.retries++,
      });
      for (const write of pending) {
        outcomes.set(write.index, {
          status: "fulfilled",
          value: { eventId: write.eventId, seatIds: write.seatIds, expiresAt: write.expiresAt },
        });
      }
      return outcomes;
    } catch (error) {
      if (error instanceof SeatsTaken) {
        pending = pending.filter((write) => {
          const lost = write.seatIds.filter((id) => !error.won.has(id));
          if (lost.length)
            outcomes.set(write.index, { status: "rejected", reason: seatsTakenError(lost) });
          return lost.length === 0;
        });
      } else if (pending.length > 1 && !isSerializationFailure(error)) {
        // Something unexpected: write each request alone, so that only its own request fails.
        for (const write of pending) {
          for (const [index, outcome] of await writeHolds(db, [write], stats))
            outcomes.set(index, outcome);
        }
        return outcomes;
      } else {
        for (const write of pending)
          outcomes.set(write.index, { status: "rejected", reason: error });
        return outcomes;
      }
    }
  }
  return outcomes;
}

/**
 * The guarded upsert of every seat of the batch, and the announcements, in one statement.
 * NOTIFY is delivered on commit only, so a batch rolled back below announces nothing.
 */
async function upsertHolds(tx: Tx, writes: HoldWrite[]) {
  const rows = writes.flatMap((write) => write.seatIds.map((seatId) => ({ seatId, write })));
  const [result] = await tx.$queryRaw<{ won: string[] | null }[]>`/* prepared */
    WITH won AS (
      INSERT INTO seat_holds (id, event_seat_id, event_id, user_id, price, expires_at, created_at)
      SELECT gen_random_uuid(), es.id, es.event_id, r.user_id, pt.price, r.expires_at, r.now
      FROM unnest(${rows.map((row) => row.seatId)}::uuid[],
                  ${rows.map((row) => row.write.eventId)}::uuid[],
                  ${rows.map((row) => row.write.userId)}::uuid[],
                  ${rows.map((row) => row.write.expiresAt.toISOString())}::timestamptz[],
                  ${rows.map((row) => row.write.now.toISOString())}::timestamptz[])
           AS r(seat_id, event_id, user_id, expires_at, now)
      JOIN event_seats es ON es.id = r.seat_id AND es.event_id = r.event_id
      JOIN price_tiers pt ON pt.id = es.tier_id
      WHERE es.status = 'AVAILABLE'
      ON CONFLICT (event_seat_id) DO UPDATE
        SET user_id = EXCLUDED.user_id, price = EXCLUDED.price, expires_at = EXCLUDED.expires_at,
            created_at = EXCLUDED.created_at, order_id = NULL
        -- An expired hold is free; one's own hold is extended, unless its payment is in flight.
        WHERE seat_holds.expires_at <= EXCLUDED.created_at
           OR (seat_holds.user_id = EXCLUDED.user_id AND seat_holds.order_id IS NULL)
      RETURNING event_seat_id
    ), announced AS (
      SELECT pg_notify(${SEAT_CHANGES_CHANNEL}, payload)
      FROM unnest(${announcements(writes)}::text[]) AS payload
    )
    SELECT (SELECT array_agg(event_seat_id::text) FROM won) AS won,
           (SELECT count(*) FROM announced) AS announced`;
  const won = new Set(result?.won ?? []);
  // Throwing rolls back the seats a losing request did get: all or nothing.
  if (won.size !== rows.length) throw new SeatsTaken(won);
}

/** The seats a batch holds, as few NOTIFY payloads as fit: one per event, or a few. */
function announcements(writes: HoldWrite[]): string[] {
  const changesByEvent = new Map<string, SeatChange[]>();
  for (const write of writes) {
    const changes = changesByEvent.get(write.eventId) ?? [];
    for (const seatId of write.seatIds) {
      const expiresAt = write.expiresAt.toISOString();
      changes.push({ seatId, status: "HELD", holderId: write.userId, expiresAt });
    }
    changesByEvent.set(write.eventId, changes);
  }
  return [...changesByEvent].flatMap(([eventId, changes]) => seatChangePayloads(eventId, changes));
}

type SaleEvent = SaleWindow & { id: string; maxSeatsPerOrder: number };

type HoldContext = {
  events: Map<string, SaleEvent>;
  seats: Map<
    string,
    {
      id: string;
      eventId: string;
      status: string;
      holderId: string | null;
      holdExpiresAt: Date | null;
    }
  >;
  /** Holds by "userId eventId", expired ones included. */
  holdsByCart: Map<string, { eventSeatId: string; expiresAt: Date }[]>;
};

/**
 * For every request of a batch, in one query: the events, the requested seats with their
 * holds, and the callers' holds.
 */
async function readHoldContext(db: Db, requests: HoldRequest[]): Promise<HoldContext> {
  const rows = requests.flatMap((request) =>
    request.seatIds.map((seatId) => ({ seatId, eventId: request.eventId, userId: request.userId })),
  );
  const [row] = await db.$queryRaw<
    {
      events: Record<string, unknown>[] | null;
      seats: Record<string, unknown>[] | null;
      holds: Record<string, unknown>[] | null;
    }[]
  >`
    WITH wanted AS (
      SELECT DISTINCT * FROM unnest(${rows.map((row) => row.eventId)}::uuid[],
                                    ${rows.map((row) => row.userId)}::uuid[],
                                    ${rows.map((row) => row.seatId)}::uuid[])
                            AS w(event_id, user_id, seat_id)
    )
    SELECT
      (SELECT json_agg(json_build_object('id', e.id, 'status', e.status, 'startsAt', e.starts_at,
                                         'salesStartAt', e.sales_start_at, 'salesEndAt', e.sales_end_at,
                                         'maxSeatsPerOrder', e.max_seats_per_order))
       FROM events e WHERE e.id IN (SELECT event_id FROM wanted)) AS events,
      (SELECT json_agg(json_build_object('id', es.id, 'eventId', es.event_id, 'status', es.status,
                                         'holderId', h.user_id, 'holdExpiresAt', h.expires_at))
       FROM event_seats es LEFT JOIN seat_holds h ON h.event_seat_id = es.id
       WHERE es.id IN (SELECT seat_id FROM wanted)) AS seats,
      (SELECT json_agg(json_build_object('eventId', h.event_id, 'userId', h.user_id,
                                         'eventSeatId', h.event_seat_id, 'expiresAt', h.expires_at))
       FROM seat_holds h
       WHERE (h.event_id, h.user_id) IN (SELECT event_id, user_id FROM wanted)) AS holds`;
  const date = (value: unknown) => (typeof value === "string" ? new Date(value) : null);
  const context: HoldContext = { events: new Map(), seats: new Map(), holdsByCart: new Map() };
  for (const event of row?.events ?? []) {
    context.events.set(String(event.id), {
      id: String(event.id),
      status: event.status as SaleEvent["status"],
      startsAt: date(event.startsAt) ?? new Date(Number.NaN),
      salesStartAt: date(event.salesStartAt),
      salesEndAt: date(event.salesEndAt),
      maxSeatsPerOrder: Number(event.maxSeatsPerOrder),
    });
  }
  for (const seat of row?.seats ?? []) {
    context.seats.set(String(seat.id), {
      id: String(seat.id),
      eventId: String(seat.eventId),
      status: String(seat.status),
      holderId: seat.holderId ? String(seat.holderId) : null,
      holdExpiresAt: date(seat.holdExpiresAt),
    });
  }
  for (const hold of row?.holds ?? []) {
    const cart = `${String(hold.userId)} ${String(hold.eventId)}`;
    const holds = context.holdsByCart.get(cart) ?? [];
    holds.push({
      eventSeatId: String(hold.eventSeatId),
      expiresAt: date(hold.expiresAt) ?? new Date(0),
    });
    context.holdsByCart.set(cart, holds);
  }
  return context;
}

function seatsTakenError(seatIds: string[]) {
  return new AppError("CONFLICT", "Some of these seats were just taken by someone else.", {
    unavailableSeatIds: seatIds,
  });
}
