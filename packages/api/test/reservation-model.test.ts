// Property-based: random sequences of hold / release / checkout (paid or declined) / cancel /
// sweep / clock advance run against the real services and a tiny model of what each seat should
// be. After every step, every buyer's seat map must match the model, and the invariants hold.
import type { Db } from "@openticket/db";
import { useTestDatabase } from "@openticket/db/testing";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { expect, it } from "vitest";
import { sweepExpiredHolds } from "../src/services/reservation/sweep-expired-holds.ts";
import { callerFor } from "./helpers/callers.ts";
import { demoReference, eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase();

const SEATS = 6;
const BUYERS = 3;
const MAX_PER_ORDER = 3;
const HOLD_MS = 10 * 60_000;

type Command =
  | { kind: "hold"; buyer: number; seats: number[] }
  | { kind: "release"; buyer: number }
  | { kind: "checkout"; buyer: number; declined: boolean }
  | { kind: "cancel"; buyer: number; pick: number }
  | { kind: "sweep" }
  | { kind: "advance"; ms: number };

const buyer = fc.integer({ min: 0, max: BUYERS - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("hold" as const),
      buyer,
      seats: fc.uniqueArray(fc.integer({ min: 0, max: SEATS - 1 }), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("release" as const), buyer }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("checkout" as const), buyer, declined: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("cancel" as const), buyer, pick: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("sweep" as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      ms: fc.integer({ min: 0, max: 12 * 60_000 }),
    }),
  },
);

/** What a seat is, in the model. Held seats past expiry count as free. */
type ModelSeat =
  | { state: "free" }
  | { state: "held"; by: number; until: number }
  | { state: "sold"; order: string };

function isHeldBy(seat: ModelSeat, by: number, now: number) {
  return seat.state === "held" && seat.by === by && seat.until > now;
}
function isTakenFor(seat: ModelSeat, by: number, now: number) {
  return seat.state === "sold" || (seat.state === "held" && seat.by !== by && seat.until > now);
}

async function outcome(promise: Promise<unknown>) {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => {
      if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR")
        return { ok: false as const, code: error.code };
      throw error;
    },
  );
}

it("matches a simple model under random interleavings", async () => {
  const { db } = database();
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
      await runScenario(db, commands);
    }),
    { numRuns: 60 },
  );
}, 300_000);

async function runScenario(db: Db, commands: Command[]) {
  const { event, seatIds } = await eventOnSale(db, {
    rows: 1,
    seatsPerRow: SEATS,
    event: { maxSeatsPerOrder: MAX_PER_ORDER, refundableUntilHours: 1, refundPercent: 50 },
  });
  const buyers = await makeBuyers(db, BUYERS);
  let now = Date.now();
  const api = (index: number) => callerFor(db, buyers[index] ?? null, { now: () => new Date(now) });
  const seats: ModelSeat[] = seatIds.map(() => ({ state: "free" }));
  // Each buyer's hold window: opened by a hold, not restarted by releasing and holding again.
  const windowEnds = new Map<number, number>();
  const orders: { id: string; buyer: number; seats: number[]; cancelled: boolean }[] = [];
  let keys = 0;

  for (const step of commands) {
    switch (step.kind) {
      case "hold": {
        const mine = seats.flatMap((seat, i) => (isHeldBy(seat, step.buyer, now) ? [i] : []));
        const result = await outcome(
          api(step.buyer).reservation.hold({
            eventId: event.id,
            seatIds: step.seats.map((i) => seatIds[i] ?? ""),
          }),
        );
        if (new Set([...mine, ...step.seats]).size > MAX_PER_ORDER) {
          expect(result).toEqual({ ok: false, code: "BAD_REQUEST" });
        } else if (
          step.seats.some((i) => isTakenFor(seats[i] ?? { state: "free" }, step.buyer, now))
        ) {
          expect(result).toEqual({ ok: false, code: "CONFLICT" });
        } else {
          expect(result.ok).toBe(true);
          const open = windowEnds.get(step.buyer) ?? 0;
          const until = open > now ? open : now + HOLD_MS;
          windowEnds.set(step.buyer, until);
          for (const i of step.seats) seats[i] = { state: "held", by: step.buyer, until };
        }
        break;
      }
      case "release": {
        await api(step.buyer).reservation.release({ eventId: event.id });
        for (const [i, seat] of seats.entries()) {
          if (seat.state === "held" && seat.by === step.buyer) seats[i] = { state: "free" };
        }
        break;
      }
      case "checkout": {
        const mine = seats.flatMap((seat, i) => (isHeldBy(seat, step.buyer, now) ? [i] : []));
        const buyerApi = api(step.buyer);
        // Checkout sends the buyer to the demo's page; they approve there, or are declined.
        const result = await outcome(
          buyerApi.order
            .checkout({ eventId: event.id, idempotencyKey: `model-key-${keys++}` })
            .then(async (started) => {
              const reference = demoReference(started.redirectUrl);
              if (step.declined) await buyerApi.demoPayment.decline({ reference });
              else await buyerApi.demoPayment.approve({ reference });
              return buyerApi.order.byId({ orderId: started.orderId });
            }),
        );
        if (mine.length === 0) {
          expect(result).toEqual({ ok: false, code: "CONFLICT" });
        } else if (step.declined) {
          // A checkout that ends unpaid gives its seats back.
          expect(result).toMatchObject({ ok: true, value: { status: "FAILED", tickets: [] } });
          for (const i of mine) seats[i] = { state: "free" };
        } else {
          expect(result.ok).toBe(true);
          const order = (result as { value: { id: string; total: number; tickets: unknown[] } })
            .value;
          expect(order.tickets).toHaveLength(mine.length);
          expect(order.total).toBe(mine.length * 1000);
          orders.push({ id: order.id, buyer: step.buyer, seats: mine, cancelled: false });
          for (const i of mine) seats[i] = { state: "sold", order: order.id };
        }
        break;
      }
      case "cancel": {
        const own = orders.filter((order) => order.buyer === step.buyer);
        const order = own[step.pick % Math.max(own.length, 1)];
        if (!order) break;
        const result = await outcome(
          api(step.buyer).order.cancel({ orderId: order.id, idempotencyKey: `cancel-${keys++}` }),
        );
        expect(result.ok).toBe(true);
        if (!order.cancelled) {
          order.cancelled = true;
          for (const i of order.seats) seats[i] = { state: "free" };
        }
        break;
      }
      case "sweep":
        await sweepExpiredHolds(db, { now: new Date(now) });
        break;
      case "advance":
        now += step.ms;
        break;
    }
    await expectDatabaseMatchesModel(db, event.id, api, seats, now, orders);
  }
}

async function expectDatabaseMatchesModel(
  db: Db,
  eventId: string,
  api: (index: number) => ReturnType<typeof callerFor>,
  seats: ModelSeat[],
  now: number,
  orders: { id: string; cancelled: boolean }[],
) {
  for (let viewer = 0; viewer < BUYERS; viewer++) {
    const map = await api(viewer).event.seatMap({ eventId });
    const expected = seats.map((seat) => {
      if (seat.state === "sold") return "SOLD";
      if (seat.state === "held" && seat.until > now) return seat.by === viewer ? "MINE" : "HELD";
      return "AVAILABLE";
    });
    expect(map.seats.map((seat) => seat.status)).toEqual(expected);
    const myExpiries = seats.flatMap((seat) =>
      isHeldBy(seat, viewer, now) ? [(seat as { until: number }).until] : [],
    );
    expect(map.myHoldExpiresAt?.getTime() ?? null).toBe(
      myExpiries.length ? Math.min(...myExpiries) : null,
    );
  }
  for (const order of orders) {
    const refunds = await db.payment.count({ where: { orderId: order.id, kind: "REFUND" } });
    expect(refunds).toBe(order.cancelled ? 1 : 0);
  }
  const [live, sold] = await Promise.all([
    db.ticket.count({ where: { eventSeat: { eventId }, status: "VALID" } }),
    db.eventSeat.count({ where: { eventId, status: "SOLD" } }),
  ]);
  expect(live).toBe(sold);
}
