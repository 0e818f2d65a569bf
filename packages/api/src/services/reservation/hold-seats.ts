// reservation.hold (R16, R17): all or nothing, the caller holds every requested seat or none.
//
// Concurrent holds are grouped (./batcher.ts): one read outside any transaction checks every
// request of a batch and turns away those that cannot succeed, then one SERIALIZABLE
// transaction runs a single guarded upsert for all the others — no read of other buyers' rows,
// so innocent neighbours are not aborted. The unique hold per event seat decides races; the
// returned rows say who won. A request that did not get every seat fails with CONFLICT, and the
// transaction is rolled back and run again without it, so nobody keeps part of a request.
//
// What the database decides in that same transaction, whichever app instance runs it:
// - the event is still PUBLISHED: the upsert reads it, so an event cancel committed meanwhile
//   aborts this transaction (SSI), and its retry wins nothing;
// - a buyer's seats for the event (the event's maximum per order) and across events
//   (settings.maxHeldSeatsPerUser), counted in hold_carts / hold_totals by triggers on
//   seat_holds. The upsert writes the buyer's rows first, so two instances holding for one
//   buyer at once serialize on them instead of both passing a check made before either wrote;
// - the hold window (anti-hoarding, docs/reservations.md): a buyer's seats for an event share
//   one window, opened by their first hold; releasing seats and holding them again does not
//   restart it. A new window opens only once the last one has ended;
// - the ticket type's quota (issue 15): a seat held as a type with a quota counts against it
//   (triggers on seat_holds), checked at commit. Holding one's own seats again with another
//   type (or none) is how a buyer changes a held seat's type; its price is the type's then.
import { type Db, runSerializable, type Tx } from "@openticket/db";
import { z } from "zod";
import type { Caller, Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { admissionPass, id, MAX_SEATS_PER_ORDER } from "../../input.ts";
import { countOutcome, metrics } from "../../observability/metrics.ts";
import { assertOnSale, type SaleWindow } from "../event/sale-state.ts";
import { CHANGES_PER_NOTIFICATION, SEAT_CHANGES_CHANNEL } from "../seat-changes/publish.ts";
import { assertAdmitted } from "../waiting-room/admission-pass.ts";
import { Batcher, type BatcherStats, type BatchOutcome, batcherPerClient } from "./batcher.ts";

export const holdSeatsInput = z.object({
  eventId: id,
  seatIds: z.array(id).min(1).max(MAX_SEATS_PER_ORDER),
  /** The waiting room's admission pass: required for an event that has one. */
  admission: admissionPass,
  /** Hold the seats as this ticket type of the event, at its price; none: the tier's price. */
  ticketTypeId: id.nullish(),
});

export type HeldSeats = { eventId: string; seatIds: string[]; expiresAt: Date };

export function holdSeats(
  db: Db,
  input: z.output<typeof holdSeatsInput>,
  caller: Caller &
    Pick<Context, "settings"> & {
      signal?: AbortSignal;
      /** Standing places may be held: the places were given by quantity (./hold-best-available.ts). */
      byQuantity?: boolean;
      /** Kept on the holds: the holdBestAvailable call that chose them (./hold-best-available.ts). */
      requestKey?: string;
    },
): Promise<HeldSeats> {
  const held = holdBatcher(db).submit(
    {
      eventId: input.eventId,
      seatIds: [...new Set(input.seatIds)],
      userId: caller.user.id,
      now: caller.now(),
      holdDurationMs: caller.settings.holdDurationMs,
      maxHeldSeats: caller.settings.maxHeldSeatsPerUser,
      admission: input.admission,
      admissionSecret: caller.settings.admissionSecret,
      byQuantity: caller.byQuantity === true,
      ticketTypeId: input.ticketTypeId ?? null,
      requestKey: caller.requestKey ?? null,
    },
    caller.signal,
  );
  return countOutcome(metrics.holds, "held", held.catch(quotaRefusal));
}

/** The hold batcher of a database client; its `stats` are what the benchmark reports. */
export const holdBatcher = batcherPerClient(
  (db: Db) =>
    new Batcher<HoldRequest, HeldSeats>((requests, stats) => holdBatch(db, requests, stats), {
      maxInFlight: 1,
      maxItems: 64,
      maxQueued: 2_000,
      onBatch: (items) => metrics.batchSize.observe({ batcher: "hold" }, items),
    }),
);

type HoldRequest = {
  eventId: string;
  seatIds: string[];
  userId: string;
  now: Date;
  holdDurationMs: number;
  maxHeldSeats: number;
  admission: string | undefined;
  admissionSecret: string;
  byQuantity: boolean;
  ticketTypeId: string | null;
  requestKey: string | null;
};

/** A request that passed every check, ready to be written. */
type HoldWrite = HoldRequest & { index: number; maxSeatsPerOrder: number; clearExpired: boolean };

async function holdBatch(
  db: Db,
  requests: HoldRequest[],
  stats: BatcherStats,
): Promise<BatchOutcome<HeldSeats>[]> {
  const outcomes: BatchOutcome<HeldSeats>[] = [];
  const context = await readHoldContext(db, requests);
  const writes: HoldWrite[] = [];
  // Writes of one batch must not touch the same seat, and one buyer takes one request per
  // batch (its counts are checked after the batch's writes, and a refused request must be the
  // one that went over): the others wait for the next batch.
  const claimedSeats = new Set<string>();
  const claimedBuyers = new Set<string>();
  // What each quota type has left as the read showed it, less what this batch takes.
  const typeLeft = new Map(
    [...context.types.values()].flatMap((type) =>
      type.quota === null ? [] : [[type.id, type.quota - type.held - type.sold] as const],
    ),
  );
  requests.forEach((request, index) => {
    if (claimedBuyers.has(request.userId) || request.seatIds.some((id) => claimedSeats.has(id))) {
      outcomes[index] = { status: "deferred" };
      return;
    }
    try {
      writes.push({ index, ...request, ...planHold(request, context, typeLeft) });
      claimedBuyers.add(request.userId);
      for (const id of request.seatIds) claimedSeats.add(id);
    } catch (error) {
      outcomes[index] = { status: "rejected", reason: error };
    }
  });
  for (const [index, outcome] of await writeHolds(db, writes, stats)) outcomes[index] = outcome;
  return outcomes;
}

/**
 * Checks one request against what the database showed, to turn away early what cannot
 * succeed; throws what the caller should hear. The transaction checks the limits again.
 */
function planHold(request: HoldRequest, context: HoldContext, typeLeft: Map<string, number>) {
  const { userId, now, seatIds } = request;
  const event = context.events.get(request.eventId);
  if (!event || event.status === "DRAFT")
    throw new AppError("NOT_FOUND", "This event does not exist.");
  assertOnSale(event, now);
  // The event row is read for the batch anyway: no waiting room, no cost but a null check.
  assertAdmitted(event, userId, request.admission, now, request.admissionSecret);
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
  // A standing place is given by quantity; holding one's own held place again (to change its
  // ticket type) chooses nothing.
  const ownHeld = (seat: (typeof seats)[number]) =>
    seat.holderId === userId && seat.holdExpiresAt !== null && seat.holdExpiresAt > now;
  if (!request.byQuantity && seats.some((seat) => seat.standing && !ownHeld(seat))) {
    throw new AppError(
      "BAD_REQUEST",
      "Places in a standing zone are not chosen one by one: ask for a number of places.",
      { reason: "STANDING_BY_QUANTITY", field: "seatIds" },
    );
  }
  const cartHolds = context.holdsByCart.get(`${userId} ${event.id}`) ?? [];
  const myHolds = cartHolds.filter((hold) => hold.expiresAt > now);
  const total = new Set([...myHolds.map((hold) => hold.eventSeatId), ...seatIds]).size;
  if (total > event.maxSeatsPerOrder) throw perOrderError(event.maxSeatsPerOrder, total);
  const taken = seats.filter(
    (seat) =>
      seat.status !== "AVAILABLE" ||
      (seat.holderId !== null &&
        seat.holderId !== userId &&
        seat.holdExpiresAt !== null &&
        seat.holdExpiresAt > now),
  );
  if (taken.length) throw seatsTakenError(taken.map((seat) => seat.id));
  if (request.ticketTypeId) planTicketType(request, context, seats, typeLeft);
  return {
    maxSeatsPerOrder: event.maxSeatsPerOrder,
    // The buyer's own expired holds count against the limits until deleted: delete them first.
    clearExpired: cartHolds.some((hold) => hold.expiresAt <= now && !hold.paying),
  };
}

/**
 * The ticket type asked for: the event's, on sale now, sold for these seats' tier, with enough
 * of its quota left for the seats not yet held as it by this buyer (taken from `typeLeft`).
 */
function planTicketType(
  request: HoldRequest,
  context: HoldContext,
  seats: { id: string; tierId: string; holderId: string | null; holdTypeId: string | null }[],
  typeLeft: Map<string, number>,
) {
  const type = context.types.get(request.ticketTypeId ?? "");
  if (!type || type.eventId !== request.eventId) {
    throw new AppError("BAD_REQUEST", "This ticket type is not part of this event.", {
      field: "ticketTypeId",
    });
  }
  const { now } = request;
  if (
    (type.salesStartAt && now < type.salesStartAt) ||
    (type.salesEndAt && now >= type.salesEndAt)
  ) {
    throw new AppError("BAD_REQUEST", `"${type.name}" tickets are not on sale now.`, {
      reason: "TYPE_NOT_ON_SALE",
      field: "ticketTypeId",
    });
  }
  if (type.tierId && seats.some((seat) => seat.tierId !== type.tierId)) {
    throw new AppError("BAD_REQUEST", `"${type.name}" tickets are not sold for these seats.`, {
      reason: "TYPE_NOT_FOR_SEATS",
      field: "ticketTypeId",
    });
  }
  const left = typeLeft.get(type.id);
  if (left === undefined) return;
  const adding = seats.filter(
    (seat) => !(seat.holderId === request.userId && seat.holdTypeId === type.id),
  ).length;
  if (adding > left) throw typeSoldOut(type.name, Math.max(0, left));
  typeLeft.set(type.id, left - adding);
}

function typeSoldOut(name: string, left: number) {
  return new AppError(
    "CONFLICT",
    left === 0
      ? `"${name}" tickets are sold out.`
      : `Only ${left} "${name}" tickets are left; choose fewer.`,
    { reason: "TYPE_SOLD_OUT", field: "ticketTypeId", ticketsLeft: left },
  );
}

const OVER_QUOTA = "ticket type over its quota: ";

/** The database refused a type's quota at commit (another instance sold it meanwhile). */
function quotaRefusal(error: unknown): never {
  const text = errorText(error);
  const at = text.indexOf(OVER_QUOTA);
  if (at < 0) throw error;
  throw new AppError("CONFLICT", "These tickets just sold out. Please choose another type.", {
    reason: "TYPE_SOLD_OUT",
    field: "ticketTypeId",
    ticketsLeft: 0,
  });
}

/** The upsert found some seats taken: these requests lose, the others try again without them. */
class SeatsTaken extends Error {
  constructor(readonly won: Set<string>) {
    super("Some requests of the batch did not get every seat.");
  }
}

/** Some requests went over a limit once written: they lose, the others try again. */
class LimitsExceeded extends Error {
  constructor(
    readonly refused: Map<number, AppError>,
    /** Over a limit, but their buyers' expired holds still count: try again without those. */
    readonly toClear: Set<number>,
  ) {
    super("Some requests of the batch went over a hold limit.");
  }
}

/**
 * Writes the batch; requests that lose a seat or go over a limit are taken out and the rest
 * written again. Anything else is thrown: the batcher splits the batch to find its culprit.
 */
async function writeHolds(
  db: Db,
  writes: HoldWrite[],
  stats: BatcherStats,
): Promise<Map<number, BatchOutcome<HeldSeats>>> {
  const outcomes = new Map<number, BatchOutcome<HeldSeats>>();
  let pending = writes;
  while (pending.length > 0) {
    try {
      const windows = await runSerializable(db, (tx) => upsertHolds(tx, pending), {
        onRetry: () => stats.retries++,
      });
      for (const write of pending) {
        const expiresAt = windows.get(`${write.userId} ${write.eventId}`) ?? write.now;
        outcomes.set(write.index, {
          status: "fulfilled",
          value: { eventId: write.eventId, seatIds: write.seatIds, expiresAt },
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
      } else if (limitsExceeded(error, pending)) {
        const exceeded = limitsExceeded(error, pending) as LimitsExceeded;
        pending = pending.flatMap((write) => {
          const refusal = exceeded.refused.get(write.index);
          if (refusal) outcomes.set(write.index, { status: "rejected", reason: refusal });
          if (refusal) return [];
          return exceeded.toClear.has(write.index) ? [{ ...write, clearExpired: true }] : [write];
        });
      } else {
        throw error;
      }
    }
  }
  return outcomes;
}

/**
 * In one transaction: the buyers' expired holds where they are in the way, the guarded upsert
 * of every seat of the batch with its announcements, then the limits. Returns each cart's
 * window end ("userId eventId" → expiresAt). NOTIFY is delivered on commit only, so a batch
 * rolled back announces nothing.
 */
async function upsertHolds(tx: Tx, writes: HoldWrite[]): Promise<Map<string, Date>> {
  const clearing = writes.filter((write) => write.clearExpired);
  if (clearing.length) await deleteExpiredOwnHolds(tx, clearing);
  const rows = writes.flatMap((write) => write.seatIds.map((seatId) => ({ seatId, write })));
  const [result] = await tx.$queryRaw<
    { won: string[] | null; windows: { userId: string; eventId: string; endsAt: string }[] }[]
  >`/* prepared */
    WITH request AS (
      SELECT * FROM unnest(${rows.map((row) => row.seatId)}::uuid[],
                           ${rows.map((row) => row.write.eventId)}::uuid[],
                           ${rows.map((row) => row.write.userId)}::uuid[],
                           ${rows.map((row) => row.write.now.toISOString())}::timestamptz[],
                           ${rows.map((row) => row.write.holdDurationMs)}::int[],
                           ${rows.map((row) => row.write.ticketTypeId)}::uuid[],
                           ${rows.map((row) => row.write.requestKey)}::text[])
               AS r(seat_id, event_id, user_id, now, duration_ms, type_id, request_key)
    ), caps AS (
      -- Read by the triggers on seat_holds at the end of this statement (see the migration).
      SELECT set_config('openticket.hold_caps', ${JSON.stringify(capsByBuyer(writes))}, true)
    ), carts AS (
      -- Written even when unchanged: concurrent holds of one buyer, from any instance, wait
      -- on the row.
      INSERT INTO hold_carts AS c (user_id, event_id, window_opened_at, window_ends_at)
      SELECT DISTINCT ON (user_id, event_id) user_id, event_id, now,
             now + duration_ms * interval '1 millisecond'
      FROM request ORDER BY user_id, event_id
      ON CONFLICT (user_id, event_id) DO UPDATE
        SET window_opened_at = CASE WHEN c.window_ends_at > EXCLUDED.window_opened_at
                                    THEN c.window_opened_at ELSE EXCLUDED.window_opened_at END,
            window_ends_at = CASE WHEN c.window_ends_at > EXCLUDED.window_opened_at
                                  THEN c.window_ends_at ELSE EXCLUDED.window_ends_at END
      RETURNING user_id, event_id, window_ends_at
    ), claims AS (
      -- A best-available request's key, claimed once per buyer: a request whose key is taken
      -- (its first try, on this instance or another, committed) holds nothing. One still being
      -- written is waited for; under SERIALIZABLE its commit then aborts this (retried).
      INSERT INTO hold_requests (user_id, request_key, event_id, created_at)
      SELECT DISTINCT user_id, request_key, event_id, now FROM request
      WHERE request_key IS NOT NULL
      ON CONFLICT (user_id, request_key) DO NOTHING
      RETURNING user_id, request_key
    ), won AS (
      INSERT INTO seat_holds (id, event_seat_id, event_id, user_id, price, ticket_type_id,
                              request_key, expires_at, created_at)
      SELECT gen_random_uuid(), es.id, es.event_id, r.user_id, coalesce(tt.price, pt.price), tt.id,
             r.request_key, c.window_ends_at, r.now
      FROM request r
      JOIN carts c ON c.user_id = r.user_id AND c.event_id = r.event_id
      JOIN event_seats es ON es.id = r.seat_id AND es.event_id = r.event_id
      JOIN events e ON e.id = es.event_id AND e.status = 'PUBLISHED'
      JOIN price_tiers pt ON pt.id = es.tier_id
      -- The type as planned (its event, its tier): a type changed meanwhile holds nothing.
      LEFT JOIN ticket_types tt ON tt.id = r.type_id AND tt.event_id = es.event_id
                               AND (tt.tier_id IS NULL OR tt.tier_id = es.tier_id)
      WHERE es.status = 'AVAILABLE' AND (r.type_id IS NULL OR tt.id IS NOT NULL)
        AND (r.request_key IS NULL OR EXISTS (
              SELECT 1 FROM claims q WHERE q.user_id = r.user_id AND q.request_key = r.request_key))
      -- The seats as they are now, not as this transaction's snapshot saw them: a sale changes
      -- a seat's status READ COMMITTED, which serializable checking does not see, and deletes
      -- the hold it replaces, so no conflict would be left to find.
      -- Share-locking a seat changed since the snapshot aborts this transaction (retried with
      -- a fresh one, which sees it sold); one being sold now is waited for, then the same.
      -- In seat id order, as a sale locks its seats, so neither waits on the other in a circle.
      ORDER BY es.id
      FOR SHARE OF es
      ON CONFLICT (event_seat_id) DO UPDATE
        SET user_id = EXCLUDED.user_id, price = EXCLUDED.price, expires_at = EXCLUDED.expires_at,
            created_at = EXCLUDED.created_at, order_id = NULL,
            ticket_type_id = EXCLUDED.ticket_type_id,
            -- One's own live seat held again (another ticket type) stays its request's.
            request_key = CASE WHEN seat_holds.user_id = EXCLUDED.user_id
                                    AND seat_holds.expires_at > EXCLUDED.created_at
                               THEN coalesce(EXCLUDED.request_key, seat_holds.request_key)
                               ELSE EXCLUDED.request_key END
        -- An expired hold is free; one's own hold joins the cart's window, unless its payment
        -- is in flight.
        WHERE seat_holds.expires_at <= EXCLUDED.created_at
           OR (seat_holds.user_id = EXCLUDED.user_id AND seat_holds.order_id IS NULL)
      RETURNING event_id, event_seat_id, user_id, expires_at
    ), announced AS (
      SELECT pg_notify(${SEAT_CHANGES_CHANNEL}, json_build_object(
               'eventId', event_id,
               'changes', json_agg(json_build_object(
                 'seatId', event_seat_id, 'status', 'HELD', 'holderId', user_id,
                 'expiresAt', to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
             )::text)
      FROM (SELECT *, (row_number() OVER (PARTITION BY event_id ORDER BY event_seat_id) - 1)
                      / ${CHANGES_PER_NOTIFICATION} AS chunk
            FROM won) AS numbered
      GROUP BY event_id, chunk
    )
    SELECT (SELECT array_agg(event_seat_id::text) FROM won) AS won,
           (SELECT json_agg(json_build_object('userId', user_id, 'eventId', event_id,
                                              'endsAt', window_ends_at)) FROM carts) AS windows,
           (SELECT count(*) FROM announced) AS announced,
           (SELECT count(*) FROM caps) AS caps`;
  const won = new Set(result?.won ?? []);
  // Throwing rolls back the seats a losing request did get: all or nothing.
  if (won.size !== rows.length) throw new SeatsTaken(won);
  return new Map(
    (result?.windows ?? []).map((cart) => [
      `${cart.userId} ${cart.eventId}`,
      new Date(cart.endsAt),
    ]),
  );
}

function capsByBuyer(writes: HoldWrite[]): Record<string, number> {
  return Object.fromEntries(writes.map((write) => [write.userId, write.maxHeldSeats]));
}

type Over = {
  userId: string;
  eventId: string | null;
  limit: "perOrder" | "perBuyer";
  seats: number;
  max: number;
};

const LIMITS_EXCEEDED = "hold limits exceeded: ";

/**
 * The requests the database found over a limit, from its refusal (the migration's trigger).
 * Expired holds count until deleted, so a request over a limit is only refused once its
 * buyer's expired holds were deleted in the same transaction; else it is tried again so.
 */
function limitsExceeded(error: unknown, writes: HoldWrite[]): LimitsExceeded | null {
  const text = errorText(error);
  const at = text.indexOf(LIMITS_EXCEEDED);
  if (at < 0) return null;
  // jsonb prints on one line; the message may go on after it.
  const line = text.slice(at + LIMITS_EXCEEDED.length).split("\n")[0] ?? "";
  const over = JSON.parse(line.slice(0, line.lastIndexOf("]") + 1)) as Over[];
  const refused = new Map<number, AppError>();
  const toClear = new Set<number>();
  for (const limit of over) {
    const write = writes.find(
      (write) =>
        write.userId === limit.userId &&
        (limit.eventId === null || write.eventId === limit.eventId),
    );
    if (!write) continue;
    if (!write.clearExpired) toClear.add(write.index);
    else if (limit.limit === "perOrder")
      refused.set(write.index, perOrderError(limit.max, limit.seats));
    else {
      refused.set(
        write.index,
        new AppError(
          "BAD_REQUEST",
          `You would hold ${limit.seats} seats; one buyer may hold at most ${limit.max} at once. Buy or release some first.`,
          { maxHeldSeats: limit.max },
        ),
      );
    }
  }
  return refused.size || toClear.size ? new LimitsExceeded(refused, toClear) : null;
}

/** An error's message and those of its causes, where Prisma keeps the database's. */
function errorText(error: unknown, depth = 0): string {
  if (!error || typeof error !== "object" || depth > 5) return "";
  const { message, cause, meta } = error as {
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  return [
    typeof message === "string" ? message : "",
    errorText(cause, depth + 1),
    errorText(meta?.driverAdapterError, depth + 1),
  ].join("\n");
}

/** Deletes the buyers' own expired, unpaid holds, for every event, and announces them. */
async function deleteExpiredOwnHolds(tx: Tx, writes: HoldWrite[]) {
  await tx.$queryRaw`/* prepared */
    WITH gone AS (
      DELETE FROM seat_holds h
      USING unnest(${writes.map((write) => write.userId)}::uuid[],
                   ${writes.map((write) => write.now.toISOString())}::timestamptz[])
              AS r(user_id, now)
            JOIN hold_carts c ON c.user_id = r.user_id
      WHERE h.event_id = c.event_id AND h.user_id = r.user_id
        AND h.expires_at <= r.now AND h.order_id IS NULL
      RETURNING h.event_id, h.event_seat_id
    )
    SELECT count(*) FROM (
      SELECT pg_notify(${SEAT_CHANGES_CHANNEL}, json_build_object(
               'eventId', event_id,
               'changes', json_agg(json_build_object('seatId', event_seat_id, 'status', 'AVAILABLE'))
             )::text)
      FROM (SELECT *, (row_number() OVER (PARTITION BY event_id ORDER BY event_seat_id) - 1)
                      / ${CHANGES_PER_NOTIFICATION} AS chunk
            FROM gone) AS numbered
      GROUP BY event_id, chunk) AS announced`;
}

type SaleEvent = SaleWindow & {
  id: string;
  maxSeatsPerOrder: number;
  waitingRoomOpensAt: Date | null;
};

type TicketTypeFacts = {
  id: string;
  eventId: string;
  name: string;
  tierId: string | null;
  quota: number | null;
  held: number;
  sold: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
};

type HoldContext = {
  events: Map<string, SaleEvent>;
  /** The ticket types asked for. */
  types: Map<string, TicketTypeFacts>;
  seats: Map<
    string,
    {
      id: string;
      eventId: string;
      status: string;
      holderId: string | null;
      holdExpiresAt: Date | null;
      /** The ticket type the seat is held as, if any. */
      holdTypeId: string | null;
      tierId: string;
      /** A standing zone's place. */
      standing: boolean;
    }
  >;
  /** Holds by "userId eventId", expired ones included. */
  holdsByCart: Map<string, { eventSeatId: string; expiresAt: Date; paying: boolean }[]>;
};

/**
 * For every request of a batch, in one query: the events, the requested seats with their
 * holds, and the callers' holds.
 */
async function readHoldContext(db: Db, requests: HoldRequest[]): Promise<HoldContext> {
  const rows = requests.flatMap((request) =>
    request.seatIds.map((seatId) => ({ seatId, eventId: request.eventId, userId: request.userId })),
  );
  const typeIds = [...new Set(requests.flatMap((request) => request.ticketTypeId ?? []))];
  const [row] = await db.$queryRaw<
    {
      events: Record<string, unknown>[] | null;
      seats: Record<string, unknown>[] | null;
      holds: Record<string, unknown>[] | null;
      types: TicketTypeFacts[] | null;
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
                                         'maxSeatsPerOrder', e.max_seats_per_order,
                                         'waitingRoomOpensAt', e.waiting_room_opens_at))
       FROM events e WHERE e.id IN (SELECT event_id FROM wanted)) AS events,
      (SELECT json_agg(json_build_object('id', es.id, 'eventId', es.event_id, 'status', es.status,
                                         'holderId', h.user_id, 'holdExpiresAt', h.expires_at,
                                         'holdTypeId', h.ticket_type_id, 'tierId', es.tier_id,
                                         'standing', sec.kind = 'STANDING'))
       FROM event_seats es LEFT JOIN seat_holds h ON h.event_seat_id = es.id
       JOIN seats s ON s.id = es.seat_id JOIN sections sec ON sec.id = s.section_id
       WHERE es.id IN (SELECT seat_id FROM wanted)) AS seats,
      (SELECT json_agg(json_build_object('eventId', h.event_id, 'userId', h.user_id,
                                         'eventSeatId', h.event_seat_id, 'expiresAt', h.expires_at,
                                         'paying', h.order_id IS NOT NULL))
       FROM seat_holds h
       WHERE (h.event_id, h.user_id) IN (SELECT event_id, user_id FROM wanted)) AS holds,
      (SELECT json_agg(json_build_object('id', t.id, 'eventId', t.event_id, 'name', t.name,
                                         'tierId', t.tier_id, 'quota', t.quota, 'held', t.held,
                                         'sold', t.sold, 'salesStartAt', t.sales_start_at,
                                         'salesEndAt', t.sales_end_at))
       FROM ticket_types t WHERE t.id = ANY(${typeIds}::uuid[])) AS types`;
  const date = (value: unknown) => (typeof value === "string" ? new Date(value) : null);
  const context: HoldContext = {
    events: new Map(),
    types: new Map(),
    seats: new Map(),
    holdsByCart: new Map(),
  };
  for (const type of row?.types ?? []) {
    context.types.set(type.id, {
      ...type,
      salesStartAt: date(type.salesStartAt),
      salesEndAt: date(type.salesEndAt),
    });
  }
  for (const event of row?.events ?? []) {
    context.events.set(String(event.id), {
      id: String(event.id),
      status: event.status as SaleEvent["status"],
      startsAt: date(event.startsAt) ?? new Date(Number.NaN),
      salesStartAt: date(event.salesStartAt),
      salesEndAt: date(event.salesEndAt),
      maxSeatsPerOrder: Number(event.maxSeatsPerOrder),
      waitingRoomOpensAt: date(event.waitingRoomOpensAt),
    });
  }
  for (const seat of row?.seats ?? []) {
    context.seats.set(String(seat.id), {
      id: String(seat.id),
      eventId: String(seat.eventId),
      status: String(seat.status),
      holderId: seat.holderId ? String(seat.holderId) : null,
      holdExpiresAt: date(seat.holdExpiresAt),
      holdTypeId: seat.holdTypeId ? String(seat.holdTypeId) : null,
      tierId: String(seat.tierId),
      standing: seat.standing === true,
    });
  }
  for (const hold of row?.holds ?? []) {
    const cart = `${String(hold.userId)} ${String(hold.eventId)}`;
    const holds = context.holdsByCart.get(cart) ?? [];
    holds.push({
      eventSeatId: String(hold.eventSeatId),
      expiresAt: date(hold.expiresAt) ?? new Date(0),
      paying: hold.paying === true,
    });
    context.holdsByCart.set(cart, holds);
  }
  return context;
}

function perOrderError(maxSeatsPerOrder: number, total: number) {
  return new AppError(
    "BAD_REQUEST",
    `At most ${maxSeatsPerOrder} seats per order; you would hold ${total}.`,
    { maxSeatsPerOrder },
  );
}

function seatsTakenError(seatIds: string[]) {
  return new AppError("CONFLICT", "Some of these seats were just taken by someone else.", {
    unavailableSeatIds: seatIds,
  });
}
