// reservation.holdBestAvailable (issue 15): hold the best `quantity` free seats of an event, a
// section or a price tier — together in one row when any row has that many, nearest the
// front-centre first (./best-seats.ts) — all or nothing.
//
// Choose, then hold through reservation.hold's own path (./hold-seats.ts): caps, the event's
// maximum per order, the admission pass, the tier's price, the announcements and the hold
// window are decided there once, in its serializable transaction, and the unique hold per seat
// decides races. The choice is a plain read outside any transaction (the concurrency notes:
// never read-then-write inside it). A choice can lose to another buyer; then this reads again
// and chooses afresh, a bounded number of times, so a buyer is not refused while enough seats
// remain. Two things keep rivals from choosing the same seats:
// - in this process, seats chosen by calls still in flight are left out of the next choice
//   (while enough others are free), so buyers arriving together get the 1st, 2nd, 3rd… best;
// - after a lost race (a rival in another process, or a buyer picking on the map), the next
//   choice is drawn at random among the best 4, 16, then 64 blocks left, so losers spread out.
//   Measured with the in-process rule switched off, 50 buyers racing for 4 seats each at once
//   were all served within 7 attempts.
//
// Retries are safe with a `requestKey`: the hold's own transaction claims it for the buyer
// (hold_requests) and marks the seats with it, so the same call again — on any instance, before
// or after the first one commits — holds nothing more and answers with the seats held for it.
//
// A standing zone (sectionId of a STANDING section) is sold here only: its places go by number,
// the lowest free ones first (the entry order), with the same two rules against rivals. Without
// a sectionId, "best available" means seats: standing places are left out.
import type { Db } from "@openticket/db";
import { isSerializationFailure } from "@openticket/db";
import { z } from "zod";
import type { Caller, Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { admissionPass, id, idempotencyKey, int, MAX_SEATS_PER_ORDER } from "../../input.ts";
import { assertOnSale, type SaleWindow } from "../event/sale-state.ts";
import { getSeatLayout } from "../seat-map/layout.ts";
import {
  chooseBestSeats,
  type SeatSpot,
  sectionFrontCentre,
  venueFrontCentre,
} from "./best-seats.ts";
import { holdSeats } from "./hold-seats.ts";

export const holdBestAvailableInput = z.object({
  eventId: id,
  quantity: int(1, MAX_SEATS_PER_ORDER),
  /** Only seats of this section of the event's venue. */
  sectionId: id.optional(),
  /** Only seats of this price tier of the event. */
  tierId: id.optional(),
  /** The waiting room's admission pass: required for an event that has one. */
  admission: admissionPass,
  /** Hold them as this ticket type (its price, its quota); only seats of its tier, if it has one. */
  ticketTypeId: id.optional(),
  /** One per buyer's request: the same key again returns that request's seats (a retry). */
  requestKey: idempotencyKey.optional(),
});

/** Choices made, and lost to other buyers, before giving up. */
const MAX_ATTEMPTS = 10;

export type BestSeat = {
  id: string;
  label: string;
  rowLabel: string;
  number: number;
  section: string;
  /** Where the seat is in the event's current layout (event.seatLayout). */
  position: number | null;
};

export type HeldBestSeats = {
  eventId: string;
  seatIds: string[];
  seats: BestSeat[];
  /** False when no row had `quantity` seats together: the seats are the best pieces. */
  together: boolean;
  expiresAt: Date;
  /** The layout version `seats[].position` refers to. */
  layoutVersion: string | null;
};

type Spot = SeatSpot & { label: string; section: string; free: boolean };

type BestCaller = Caller & Pick<Context, "settings"> & { signal?: AbortSignal };

export async function holdBestAvailable(
  db: Db,
  input: z.output<typeof holdBestAvailableInput>,
  caller: BestCaller,
): Promise<HeldBestSeats> {
  // A retry of a request already done: its answer, holding nothing more.
  const done = await requestDone(db, input, caller);
  if (done) return done;
  // A ticket type sold for one tier only chooses among that tier's seats.
  const typeTier = input.ticketTypeId ? await ticketTypeTier(db, input) : null;
  const scoped = typeTier ? { ...input, tierId: typeTier } : input;
  for (let attempt = 0; ; attempt++) {
    caller.signal?.throwIfAborted();
    const scope = await readScope(db, scoped, caller);
    const free = scope.seats.filter((seat) => seat.free);
    if (free.length < input.quantity) throw notEnoughSeats(free.length);
    const rivals = chosenInFlight.get(input.eventId);
    const unchosen = rivals ? free.filter((seat) => !rivals.has(seat.id)) : free;
    const pool = unchosen.length >= input.quantity ? unchosen : free;
    const spread = Math.min(4 ** attempt, 64);
    const choice = scope.standing
      ? chooseLowestPlaces(pool, input.quantity, spread)
      : chooseBestSeats(pool, input.quantity, scope.target, { spread });
    if (!choice) throw notEnoughSeats(free.length);
    const seats = choice.seats as Spot[];
    const seatIds = seats.map((seat) => seat.id);
    const release = markInFlight(input.eventId, seatIds);
    try {
      const held = await holdSeats(
        db,
        {
          eventId: input.eventId,
          seatIds,
          admission: input.admission,
          ticketTypeId: input.ticketTypeId,
        },
        { ...caller, byQuantity: scope.standing, requestKey: input.requestKey },
      );
      return { ...(await described(db, held, seats, caller)), together: choice.together };
    } catch (error) {
      if (!lostRace(error)) throw error;
      // Lost to this request's own other try (on another instance): that try's answer.
      const done = await requestDone(db, input, caller);
      if (done) return done;
      if (attempt + 1 >= MAX_ATTEMPTS) {
        throw new AppError("CONFLICT", "Other buyers took these seats first. Please try again.", {
          reason: "SEATS_CONTENDED",
        });
      }
    } finally {
      release();
    }
    // Full jitter, growing with each lost race: rivals do not come back in step.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
  }
}

/**
 * A request whose key this buyer already claimed (hold-seats.ts claims it with the seats): the
 * seats still held for it. Null when the key is new (or none was given).
 */
async function requestDone(
  db: Db,
  input: z.output<typeof holdBestAvailableInput>,
  caller: BestCaller,
): Promise<HeldBestSeats | null> {
  const { eventId, requestKey } = input;
  if (!requestKey) return null;
  const [claim] = await db.$queryRaw<
    { eventId: string; seats: (Omit<Spot, "x" | "y" | "free"> & { expiresAt: string })[] | null }[]
  >`
    SELECT q.event_id::text AS "eventId",
           (SELECT json_agg(json_build_object(
                     'id', es.id, 'sectionId', s.section_id, 'section', sec.name,
                     'rowLabel', s.row_label, 'number', s.number, 'label', s.label,
                     'expiresAt', h.expires_at)
                   ORDER BY sec.name, s.row_label, s.number)
            FROM seat_holds h
            JOIN event_seats es ON es.id = h.event_seat_id
            JOIN seats s ON s.id = es.seat_id
            JOIN sections sec ON sec.id = s.section_id
            WHERE h.user_id = q.user_id AND h.event_id = q.event_id
              AND h.request_key = q.request_key AND h.expires_at > ${caller.now()}) AS seats
    FROM hold_requests q
    WHERE q.user_id = ${caller.user.id}::uuid AND q.request_key = ${requestKey}`;
  if (!claim) return null;
  const [first] = claim.seats ?? [];
  if (claim.eventId !== eventId || !first) {
    throw new AppError(
      "CONFLICT",
      "The seats of this request are no longer held. Please choose again.",
      { reason: "REQUEST_ENDED", field: "requestKey" },
    );
  }
  const seats = (claim.seats ?? []).map((seat) => ({ ...seat, x: 0, y: 0, free: false }));
  const held = {
    eventId,
    seatIds: seats.map((seat) => seat.id),
    expiresAt: new Date(first.expiresAt),
  };
  const oneRow = seats.every(
    (seat) => seat.sectionId === first.sectionId && seat.rowLabel === first.rowLabel,
  );
  return { ...(await described(db, held, seats, caller)), together: oneRow };
}

/** The tier a ticket type is sold for (null: any); refuses a type of another event. */
async function ticketTypeTier(
  db: Db,
  input: z.output<typeof holdBestAvailableInput>,
): Promise<string | null> {
  const type = await db.ticketType.findUnique({
    where: { id: input.ticketTypeId },
    select: { eventId: true, tierId: true },
  });
  if (!type || type.eventId !== input.eventId) {
    throw new AppError("BAD_REQUEST", "This ticket type is not part of this event.", {
      field: "ticketTypeId",
    });
  }
  if (type.tierId && input.tierId && type.tierId !== input.tierId) {
    throw new AppError("BAD_REQUEST", "This ticket type is not sold for these seats.", {
      reason: "TYPE_NOT_FOR_SEATS",
      field: "ticketTypeId",
    });
  }
  return type.tierId;
}

/** Someone else got a chosen seat first (or the transaction lost to another): choose again. */
function lostRace(error: unknown): boolean {
  if (error instanceof AppError) {
    return error.code === "CONFLICT" && (error.details?.unavailableSeatIds?.length ?? 0) > 0;
  }
  return isSerializationFailure(error);
}

/**
 * A standing zone's `quantity` lowest free places by number; after lost races, `spread` > 1
 * draws them at random among the lowest `spread` × `quantity` free places instead.
 */
export function chooseLowestPlaces<T extends { number: number }>(
  free: readonly T[],
  quantity: number,
  spread: number,
): { seats: T[]; together: boolean } | null {
  if (free.length < quantity) return null;
  const byNumber = [...free].sort((a, b) => a.number - b.number);
  const window = byNumber.slice(0, Math.min(byNumber.length, spread * quantity));
  for (let i = window.length - 1; i > 0 && spread > 1; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [window[i], window[j]] = [window[j] as T, window[i] as T];
  }
  const seats = window.slice(0, quantity).sort((a, b) => a.number - b.number);
  return { seats, together: true };
}

function notEnoughSeats(seatsLeft: number) {
  return new AppError(
    "CONFLICT",
    seatsLeft === 0
      ? "No seats are left here."
      : `Only ${seatsLeft} seats are left here; choose fewer.`,
    { reason: "NOT_ENOUGH_SEATS", field: "quantity", seatsLeft },
  );
}

/** Seats chosen by calls of this process still in flight, by event: seat id → calls. */
const chosenInFlight = new Map<string, Map<string, number>>();

function markInFlight(eventId: string, seatIds: string[]): () => void {
  let seats = chosenInFlight.get(eventId);
  if (!seats) {
    seats = new Map();
    chosenInFlight.set(eventId, seats);
  }
  for (const seatId of seatIds) seats.set(seatId, (seats.get(seatId) ?? 0) + 1);
  return () => {
    for (const seatId of seatIds) {
      const count = (seats.get(seatId) ?? 1) - 1;
      if (count > 0) seats.set(seatId, count);
      else seats.delete(seatId);
    }
    if (seats.size === 0 && chosenInFlight.get(eventId) === seats) chosenInFlight.delete(eventId);
  };
}

/** The held seats with their labels and their positions on the buyer's seat map. */
async function described(
  db: Db,
  held: { eventId: string; seatIds: string[]; expiresAt: Date },
  seats: Spot[],
  caller: Caller & { signal?: AbortSignal },
): Promise<Omit<HeldBestSeats, "together">> {
  // Cached per process (services/seat-map/layout.ts): usually no query at all.
  const layout = await getSeatLayout(db, held.eventId, caller).catch(() => null);
  return {
    eventId: held.eventId,
    seatIds: held.seatIds,
    expiresAt: held.expiresAt,
    layoutVersion: layout?.wire.version ?? null,
    seats: seats.map((seat) => ({
      id: seat.id,
      label: seat.label,
      rowLabel: seat.rowLabel,
      number: seat.number,
      section: seat.section,
      position: layout?.positionOf.get(seat.id) ?? null,
    })),
  };
}

/** `standing`: the section asked for is a standing zone, sold by the places' numbers. */
type Scope = { seats: Spot[]; target: { x: number; y: number }; standing: boolean };

type ScopeRow = {
  event:
    | (Omit<SaleWindow, "startsAt" | "salesStartAt" | "salesEndAt"> & {
        startsAt: string;
        salesStartAt: string | null;
        salesEndAt: string | null;
        venueId: string;
        maxSeatsPerOrder: number;
      })
    | null;
  sectionVenueId: string | null;
  sectionStanding: boolean | null;
  tierEventId: string | null;
  bounds: { minX: number; maxX: number; minY: number } | null;
  seats: [string, string, string, string, number, string, number, number, boolean][] | null;
};

/**
 * In one query: the event, whether the section and tier are its own, where its stage is, and
 * the seats asked for — every one, free or not, so the front row is where it is drawn whatever
 * is sold. Throws what the caller should hear when the request cannot be met.
 */
async function readScope(
  db: Db,
  input: z.output<typeof holdBestAvailableInput>,
  caller: Caller,
): Promise<Scope> {
  const { eventId, quantity } = input;
  const sectionId = input.sectionId ?? null;
  const tierId = input.tierId ?? null;
  const now = caller.now();
  const [row] = await db.$queryRaw<ScopeRow[]>`
    SELECT
      (SELECT json_build_object('status', e.status, 'startsAt', e.starts_at,
                                'salesStartAt', e.sales_start_at, 'salesEndAt', e.sales_end_at,
                                'venueId', e.venue_id, 'maxSeatsPerOrder', e.max_seats_per_order)
       FROM events e WHERE e.id = ${eventId}::uuid) AS event,
      (SELECT venue_id FROM sections WHERE id = ${sectionId}::uuid) AS "sectionVenueId",
      (SELECT kind = 'STANDING' FROM sections WHERE id = ${sectionId}::uuid) AS "sectionStanding",
      (SELECT event_id FROM price_tiers WHERE id = ${tierId}::uuid) AS "tierEventId",
      (SELECT json_build_object('minX', min(s.x), 'maxX', max(s.x), 'minY', min(s.y))
       FROM event_seats es JOIN seats s ON s.id = es.seat_id
       WHERE es.event_id = ${eventId}::uuid) AS bounds,
      (SELECT json_agg(json_build_array(
                es.id, s.section_id, sec.name, s.row_label, s.number, s.label, s.x, s.y,
                es.status = 'AVAILABLE' AND (h.expires_at IS NULL OR h.expires_at <= ${now})))
       FROM event_seats es
       JOIN seats s ON s.id = es.seat_id
       JOIN sections sec ON sec.id = s.section_id
       LEFT JOIN seat_holds h ON h.event_seat_id = es.id
       WHERE es.event_id = ${eventId}::uuid
         AND (${sectionId}::uuid IS NULL AND sec.kind = 'SEATED' OR s.section_id = ${sectionId}::uuid)
         AND (${tierId}::uuid IS NULL OR es.tier_id = ${tierId}::uuid)) AS seats`;
  const event = row?.event;
  if (!event || event.status === "DRAFT") {
    throw new AppError("NOT_FOUND", "This event does not exist.");
  }
  assertOnSale(
    {
      status: event.status,
      startsAt: new Date(event.startsAt),
      salesStartAt: event.salesStartAt ? new Date(event.salesStartAt) : null,
      salesEndAt: event.salesEndAt ? new Date(event.salesEndAt) : null,
    },
    now,
  );
  if (sectionId && row.sectionVenueId !== event.venueId) {
    throw new AppError("BAD_REQUEST", "This section is not part of this event.", {
      field: "sectionId",
    });
  }
  if (tierId && row.tierEventId !== eventId) {
    throw new AppError("BAD_REQUEST", "This price tier is not part of this event.", {
      field: "tierId",
    });
  }
  if (quantity > event.maxSeatsPerOrder) {
    throw new AppError(
      "BAD_REQUEST",
      `At most ${event.maxSeatsPerOrder} seats per order; you would hold ${quantity}.`,
      { field: "quantity", maxSeatsPerOrder: event.maxSeatsPerOrder },
    );
  }
  const seats = (row.seats ?? []).map(
    ([id, sectionId, section, rowLabel, number, label, x, y, free]): Spot => ({
      id,
      sectionId,
      section,
      rowLabel,
      number,
      label,
      x,
      y,
      free,
    }),
  );
  const venueFront = venueFrontCentre(row.bounds ?? { minX: 0, maxX: 0, minY: 0 });
  return {
    seats,
    target: sectionId ? sectionFrontCentre(seats, venueFront) : venueFront,
    standing: row.sectionStanding === true,
  };
}
